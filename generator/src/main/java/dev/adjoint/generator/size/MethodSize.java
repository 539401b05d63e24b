package dev.adjoint.generator.size;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.stmt.BlockStmt;
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
 */
public final class MethodSize {
    /** The most bytecode a JVM method may have (JVMS 4.7.3: {@code code_length} < 65536). */
    public static final int LIMIT = 65_535;
    /** What the emitter adds around a body (the {@code AdjointStacks} lookup, the return): a margin. */
    private static final int EMITTER_MARGIN = 64;
    /**
     * No Java text makes more than this many bytes of bytecode per character: the densest is a
     * comparison used as a value ({@code a<b}: two wide loads, a compare, a jump, two constants and
     * a goto, 17 bytes for 3 characters). Text shorter than {@code LIMIT / 10} needs no closer look.
     */
    private static final int MAX_BYTES_PER_CHAR = 10;
    /**
     * A parser for the generated text, reused: comments make no code (and attributing them to nodes
     * is quadratic in a long method's lines), tokens are not kept, and the Java 17 validators are
     * not run (the text is ours; they walked the whole tree a dozen times per parse, the larger part
     * of the generator's time on long bodies). The bound reads declarators' types as written,
     * {@code var} included, which RAW keeps as written too.
     */
    private static final ThreadLocal<JavaParser> PARSER =
            ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setAttributeComments(false)
                    .setStoreTokens(false)));

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
        List<String> params = new ArrayList<>();
        m.request().params().forEach(p -> params.add(p.name()));
        params.addAll(m.tangentNames());
        params.add(m.outName());
        return overLimit(Listing.of(m.body()), params);
    }

    /** Whether the largest method {@code m} becomes (its Vjp, or its tape recorder) is over the limit. */
    public static Optional<Over> overLimit(AdjointMethod m) {
        List<String> params = new ArrayList<>();
        m.request().params().forEach(p -> params.add(p.name()));
        List<String> vjpParams = new ArrayList<>(params);
        vjpParams.add(m.seedName());
        vjpParams.addAll(m.bufferNames());
        Optional<Over> over = overLimit(Listing.of(m.body()), vjpParams);
        if (over.isPresent() || m.recorder().isEmpty()) {
            return over;
        }
        AdjointMethod.Recorder rec = m.recorder().get();
        return overLimit(rec.lines(), recorderParams(params, rec.paramHandles()));
    }

    /** The parameters of a recorder: the tape, then each parameter and its handle, if it has one. */
    public static List<String> recorderParams(List<String> params, List<String> handles) {
        List<String> out = new ArrayList<>(List.of("_tape"));
        out.addAll(params);
        handles.stream().filter(h -> h != null).forEach(out::add);
        return out;
    }

    /**
     * Whether a method with {@code params} whose body is {@code body} is over the limit; not when
     * its text does not parse (then javac has the last word).
     */
    public static Optional<Over> overLimit(List<Listing.Line> body, List<String> params) {
        long chars = 0;
        for (Listing.Line l : body) {
            chars += l.text().length() + 1; // (indentation makes no code)
        }
        if (chars * MAX_BYTES_PER_CHAR + EMITTER_MARGIN <= LIMIT) {
            return Optional.empty(); // too short to matter
        }
        long least = lowerBound(body);
        if (least > LIMIT) {
            // too long by far: parsing it all would take seconds; a sample tells roughly how far
            return Optional.of(new Over(least, approximate(body, params, least)));
        }
        long bytes = estimate(Listing.text(body), params) + EMITTER_MARGIN;
        return bytes > LIMIT ? Optional.of(new Over(bytes, false)) : Optional.empty();
    }

    /**
     * Roughly the size of a method too long to parse whole: the bound of every k-th statement of its
     * top level (about 2,000 of them), scaled by the lower bound of the whole to that of the sample.
     */
    private static long approximate(List<Listing.Line> body, List<String> params, long least) {
        List<Listing.Line> top = body.stream()
                .filter(l -> l.depth() == 0 && l.role().isStatement())
                .toList();
        int step = Math.max(1, top.size() / 2000);
        List<Listing.Line> sample = new ArrayList<>();
        for (int i = 0; i < top.size(); i += step) {
            sample.add(top.get(i));
        }
        long sampleLeast = lowerBound(sample);
        // (its locals at the slots they have in the whole: past 255, wide)
        long sampleBytes = estimate(Listing.text(sample), params, 256);
        return sampleLeast == 0 ? least : least * sampleBytes / sampleLeast;
    }

    /**
     * A lower bound, 2 bytes for each statement with an effect: an assignment or an initialised
     * declaration stores a value it first loads or computes, a call is a 3-byte invoke, a jump a
     * 3-byte goto, a do loop's test a jump. (A declaration without a value makes no code, nor does a
     * comment; a statement the model does not take apart counts nothing.) A tape recorder's node,
     * {@code int h = _tape.pushN(...);}, is 3 bytes more: its invoke is 3 bytes besides the load and
     * the store (so that a long recorder is sampled rather than parsed whole).
     */
    public static long lowerBound(List<Listing.Line> body) {
        long bytes = 0;
        for (Listing.Line l : body) {
            bytes += switch (l.role()) {
                case EFFECT, LOOP_TEST -> 2;
                case NODE -> 5;
                case FRAME, DECLARATION, OPAQUE -> 0;
            };
        }
        return bytes;
    }

    /** The bound for the statements {@code body} of a method with {@code params}; 0 if they do not parse. */
    static long estimate(String body, List<String> params) {
        return estimate(body, params, 0);
    }

    /** As {@link #estimate(String, List)}, with the first local's slot at least {@code firstSlot}. */
    private static long estimate(String body, List<String> params, int firstSlot) {
        ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{\n" + body + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return 0;
        }
        return BytecodeBound.of(parsed.getResult().get(), params, firstSlot);
    }
}
