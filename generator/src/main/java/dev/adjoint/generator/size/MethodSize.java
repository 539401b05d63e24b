package dev.adjoint.generator.size;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.reverse.AdjointMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An upper bound on the bytecode javac makes of a generated method, so that an adjoint over the
 * JVM's limit of 65,535 bytes per method is reported at the user's method instead of by javac
 * ("code too large") in generated code. The bound follows javac's code generation for the few
 * shapes generated code has, each construct at its longest encoding: every local read or write at
 * 4 bytes ({@code wide}) once the method has more than 255 local slots (2 bytes before), every
 * constant but 0 and 1 at 3 ({@code ldc2_w}), every call at 3, a comparison used as a value as its jumps plus
 * the 5 bytes that turn them into 0 or 1, {@code finally} once per way out of its {@code try}.
 *
 * <p>Every body, the {@code Vjp}, the {@code Jvp} and the tape recorder, is bounded on its nodes
 * ({@link CodeBound}), never on its text: no generated text is parsed back.
 */
public final class MethodSize {
    /** The most bytecode a JVM method may have (JVMS 4.7.3: {@code code_length} < 65536). */
    public static final int LIMIT = 65_535;
    /** What the emitter adds around a body (the {@code AdjointStacks} lookup, the return): a margin. */
    static final int EMITTER_MARGIN = 64;

    private MethodSize() {}

    /**
     * A method over the limit.
     *
     * @param bytes its size in bytes of bytecode: an upper bound, or with {@code atLeast} a lower one
     * @param approximately its size, roughly (from a sample of its statements when {@code atLeast})
     */
    public record Over(long bytes, boolean atLeast, long approximately) {
        Over(long bytes, boolean atLeast) {
            this(bytes, atLeast, bytes);
        }

        Over(long atLeast, long approximately) {
            this(atLeast, true, Math.max(atLeast, approximately));
        }
    }

    /** Whether a generated {@code Jvp} method would be over the limit. */
    public static Optional<Over> overLimit(dev.adjoint.generator.forward.JvpMethod m) {
        return overLimit(bound(m));
    }

    /** Whether the largest method {@code m} becomes (its Vjp, or its tape recorder) is over the limit. */
    public static Optional<Over> overLimit(AdjointMethod m) {
        Optional<Over> over = overLimit(bound(m));
        if (over.isPresent() || m.recorder().isEmpty()) {
            return over;
        }
        return overLimit(m.request(), m.recorder().get());
    }

    /** Whether the tape recorder {@code rec} of {@code r} is over the limit. */
    public static Optional<Over> overLimit(dev.adjoint.generator.select.MethodRequest r, AdjointMethod.Recorder rec) {
        return overLimit(bound(r, rec));
    }

    /** The bound of the tape recorder {@code rec} of {@code r}: the tape, then each parameter and its handle, if any. */
    static long bound(dev.adjoint.generator.select.MethodRequest r, AdjointMethod.Recorder rec) {
        String tape = dev.adjoint.generator.naming.NameClashes.tapeParameter(r);
        List<String> params = new ArrayList<>(List.of(tape));
        params.addAll(paramNames(r));
        rec.paramHandles().stream().filter(h -> h != null).forEach(params::add);
        return CodeBound.of(rec.body(), params, tape)
                + EMITTER_MARGIN
                + 20L * dev.adjoint.generator.select.ArraysApart.checks(r);
    }

    /** The bound of the {@code Jvp} method of {@code m}. */
    static long bound(dev.adjoint.generator.forward.JvpMethod m) {
        List<String> params = paramNames(m.request());
        params.addAll(m.tangentNames());
        params.add(m.outName());
        return bound(m.body(), params, 0) + CHECK * arrays(m.request());
    }

    /**
     * A public method's check of one buffer or direction of an array parameter ({@code emit/BufferChecks}):
     * two wide loads, two {@code ldc_w} names and an {@code invokestatic}.
     */
    private static final long CHECK = 4 + 4 + 3 + 3 + 3;

    /** The array parameters a public method checks a buffer or direction of. */
    private static long arrays(dev.adjoint.generator.select.MethodRequest r) {
        return r.wrtParams().stream().filter(p -> p.type().isArray()).count();
    }

    /** The bound of the {@code Vjp} method of {@code m}. */
    static long bound(AdjointMethod m) {
        List<String> params = paramNames(m.request());
        params.add(m.seedName());
        params.addAll(m.bufferNames());
        return bound(m.body(), params, dev.adjoint.generator.select.ArraysApart.checks(m.request()))
                + CHECK * arrays(m.request());
    }

    private static List<String> paramNames(dev.adjoint.generator.select.MethodRequest r) {
        List<String> params = new ArrayList<>();
        r.params().forEach(p -> params.add(p.name()));
        return params;
    }

    /**
     * The bound of a method with {@code params} whose body is {@code body}, with the code the emitter
     * puts before it: {@code apart} checks that two arrays are not the same (two loads, a jump, an
     * exception made and thrown: at most 20 bytes each).
     */
    private static long bound(List<Code> body, List<String> params, int apart) {
        return CodeBound.of(body, params) + EMITTER_MARGIN + 20L * apart;
    }

    private static Optional<Over> overLimit(long bound) {
        return bound > LIMIT ? Optional.of(new Over(bound, false)) : Optional.empty();
    }
}
