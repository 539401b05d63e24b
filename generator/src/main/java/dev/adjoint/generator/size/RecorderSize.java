package dev.adjoint.generator.size;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.adjoint.generator.code.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The size bound of the one generated body that is still text when its size is checked: the tape
 * recorder's, written a line at a time ({@link Listing}). Its text is parsed back with JavaParser
 * and bounded on that tree ({@link BytecodeBound}), the same cost model {@link CodeBound} applies
 * to nodes; a recorder too long to parse in good time is sampled. Once the recorder builds nodes,
 * this class and the JavaParser bound go, and {@link CodeBound} bounds the recorder too.
 */
final class RecorderSize {
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

    private RecorderSize() {}

    /** Whether a recorder with {@code params} whose body is {@code body} is over the limit; not when its text does not parse. */
    static Optional<MethodSize.Over> overLimit(List<Listing.Line> body, List<String> params) {
        long chars = 0;
        for (Listing.Line l : body) {
            chars += l.text().length() + 1; // (indentation makes no code)
        }
        if (chars * MAX_BYTES_PER_CHAR + MethodSize.EMITTER_MARGIN <= MethodSize.LIMIT) {
            return Optional.empty(); // too short to matter
        }
        long least = lowerBound(body);
        if (least > MethodSize.LIMIT) {
            // too long by far: parsing it all would take seconds; a sample tells roughly how far
            return Optional.of(new MethodSize.Over(least, approximate(body, params, least)));
        }
        long bytes = estimate(Listing.text(body), params) + MethodSize.EMITTER_MARGIN;
        return bytes > MethodSize.LIMIT ? Optional.of(new MethodSize.Over(bytes, false)) : Optional.empty();
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
    static long lowerBound(List<Listing.Line> body) {
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
