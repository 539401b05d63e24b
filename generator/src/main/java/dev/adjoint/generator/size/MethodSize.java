package dev.adjoint.generator.size;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Listing;
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
 * <p>The {@code Vjp} and {@code Jvp} bodies are bounded on their nodes ({@link CodeBound}), never
 * on their text. The tape recorder's body is still written as lines of text ({@link
 * AdjointMethod.Recorder#lines()}): it alone is parsed back ({@link RecorderSize}).
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
        AdjointMethod.Recorder rec = m.recorder().get();
        return overLimit(rec.lines(), recorderParams(paramNames(m.request()), rec.paramHandles()));
    }

    /** The bound of the {@code Jvp} method of {@code m}. */
    static long bound(dev.adjoint.generator.forward.JvpMethod m) {
        List<String> params = paramNames(m.request());
        params.addAll(m.tangentNames());
        params.add(m.outName());
        return bound(m.body(), params, 0);
    }

    /** The bound of the {@code Vjp} method of {@code m}. */
    static long bound(AdjointMethod m) {
        List<String> params = paramNames(m.request());
        params.add(m.seedName());
        params.addAll(m.bufferNames());
        return bound(m.body(), params, m.request().arraysToKeepApart().size());
    }

    private static List<String> paramNames(dev.adjoint.generator.select.MethodRequest r) {
        List<String> params = new ArrayList<>();
        r.params().forEach(p -> params.add(p.name()));
        return params;
    }

    /** The parameters of a recorder: the tape, then each parameter and its handle, if it has one. */
    public static List<String> recorderParams(List<String> params, List<String> handles) {
        List<String> out = new ArrayList<>(List.of("_tape"));
        out.addAll(params);
        handles.stream().filter(h -> h != null).forEach(out::add);
        return out;
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

    /**
     * Whether a tape recorder with {@code params} whose body is the lines {@code body} is over the
     * limit ({@link RecorderSize}); not when its text does not parse (then javac has the last word).
     */
    public static Optional<Over> overLimit(List<Listing.Line> body, List<String> params) {
        return RecorderSize.overLimit(body, params);
    }
}
