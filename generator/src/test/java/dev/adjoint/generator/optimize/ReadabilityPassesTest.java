package dev.adjoint.generator.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.types.Ty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The passes that make generated code easier to read ({@link CopyChains}, {@link DenseTemporaries}),
 * on hand-written trees: what they rewrite, and what they must leave (a copy read twice, a use
 * that assigns before it reads, a name in text kept as it is, a name the user wrote).
 */
class ReadabilityPassesTest {
    private static final Map<String, Ty> ADJOINTS =
            Map.of("_d_s", Ty.DOUBLE, "_d_t1", Ty.DOUBLE, "_d_t2", Ty.DOUBLE, "_d_t3", Ty.DOUBLE, "_d_f", Ty.FLOAT);

    private static List<Code> lines(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> (Code) CodeText.line(t)).toList();
    }

    private static String text(List<Code> codes) {
        return Listing.of(codes).stream().map(Listing.Line::text).collect(Collectors.joining(" "));
    }

    private static Map<String, Integer> mentions(List<Code> codes) {
        Map<String, Integer> m = new HashMap<>();
        Code.mentions(codes, n -> m.merge(n, 1, Integer::sum));
        return m;
    }

    private static String chains(String... texts) {
        List<Code> codes = lines(texts);
        return text(CopyChains.join(codes, mentions(codes), ADJOINTS));
    }

    @Test
    void aChainOfCopiesBecomesOneAssignment() {
        assertEquals(
                "_d_t1 = _d_s * 2; dw[i] += _d_t1 * x[i];",
                chains("_d_t2 = _d_s * 2", "_d_t1 = _d_t2", "dw[i] += _d_t1 * x[i]"));
        // a copy read by the next statement: that statement reads the original
        assertEquals("dw[i] += _d_s * x[i];", chains("_d_t2 = _d_s", "_d_t1 = _d_t2", "dw[i] += _d_t1 * x[i]"));
    }

    @Test
    void whatIsReadTwiceOrElsewhereOrOfAnotherTypeStays() {
        assertEquals(
                "_d_t2 = _d_s; _d_t1 = _d_t2; _d_t3 = _d_t2;",
                chains("_d_t2 = _d_s", "_d_t1 = _d_t2", "_d_t3 = _d_t2"));
        // (the next statement does not read the copy: nothing to join)
        assertEquals(
                "_d_t2 = _d_s; _d_t3 = -_d_s; dw[i] += _d_t2;",
                chains("_d_t2 = _d_s", "_d_t3 = -_d_s", "dw[i] += _d_t2"));
        // (a float copied into a double: read in its place, the product would be a float's)
        assertEquals("_d_t2 = _d_f; _d_s += _d_t2 * _d_f;", chains("_d_t2 = _d_f", "_d_s += _d_t2 * _d_f"));
        // (a statement that assigns the original before it reads the copy)
        assertEquals(
                "_d_t2 = _d_s; dw[i] += (_d_s = 0.0) + _d_t2;",
                chains("_d_t2 = _d_s", "dw[i] += (_d_s = 0.0) + _d_t2"));
    }

    @Test
    void copiesInsideLoopsAndBranchesAreJoinedToo() {
        List<Code> loop =
                List.of(CodeText.loop("while (i > 0)", lines("_d_t2 = _d_s", "_d_t1 = _d_t2", "dw[i] += _d_t1")));
        assertEquals("while (i > 0) { dw[i] += _d_s; }", text(CopyChains.join(loop, mentions(loop), ADJOINTS)));
    }

    private static String renumbered(Set<String> reserved, Code... codes) {
        return text(DenseTemporaries.renumber(
                List.of(codes),
                List.of("_t0", "_t1", "_t2", "_t3", "_t4", "_t5", "_t6", "_t7"),
                reserved::contains,
                Set.of("x", "seed")));
    }

    @Test
    void temporariesAndTheirAdjointsAreNumberedWithoutGaps() {
        assertEquals(
                "double _t1 = x * x; double _t2 = Math.sin(_t1); double _d_t2 = 0.0; _d_t2 += seed; double _d_t1 = _d_t2 * Math.cos(_t1);",
                renumbered(
                        Set.of("x", "seed"),
                        CodeText.line("double _t2 = x * x"),
                        CodeText.line("double _t5 = Math.sin(_t2)"),
                        CodeText.line("double _d_t5 = 0.0"),
                        CodeText.line("_d_t5 += seed"),
                        CodeText.line("double _d_t2 = _d_t5 * Math.cos(_t2)")));
    }

    @Test
    void namesTheUserWroteAndNamesInTextAreKept() {
        // the user's _t1: the temporaries start after it
        assertEquals(
                "double _t2 = _t1 * x; double _t3 = _t2 + 1;",
                renumbered(
                        Set.of("x", "seed", "_t1"),
                        CodeText.line("double _t4 = _t1 * x"),
                        CodeText.line("double _t6 = _t4 + 1")));
        // _t4 appears in raw text: it and its family keep their names, the others go round it
        assertEquals(
                "double _t1 = x; double _t4 = x; double _t2 = _t4 + _t1;",
                renumbered(
                        Set.of("x", "seed"),
                        CodeText.line("double _t3 = x"),
                        new Code.Raw("double _t4 = x;"),
                        CodeText.line("double _t6 = _t4 + _t3")));
    }
}
