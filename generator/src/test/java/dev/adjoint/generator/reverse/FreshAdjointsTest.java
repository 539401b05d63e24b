package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.types.Ty;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The peephole that assigns an adjoint's first contribution when the adjoint is known to be zero. */
class FreshAdjointsTest {
    private static final Map<String, Ty> TYPES =
            Map.of("_d_s", Ty.DOUBLE, "_d_t1", Ty.DOUBLE, "_d_t2", Ty.DOUBLE, "_d_f", Ty.FLOAT, "_d_u", Ty.DOUBLE);

    private static List<Code> lines(String... text) {
        return Arrays.stream(text).map(t -> (Code) CodeText.line(t)).toList();
    }

    private static List<String> text(List<Code> codes) {
        return codes.stream()
                .map(c -> c instanceof Code.Line l ? l.text() : c.toString())
                .toList();
    }

    @Test
    void anIncrementPassesItsAdjointOnWithoutAdds() {
        // s += w[i] * x[i], reversed: _t2 = s + _t1; s = _t2
        List<Code> in = lines(
                "_d_t2 += _d_s",
                "_d_s = 0.0",
                "_d_s += _d_t2",
                "_d_t1 += _d_t2",
                "_d_t2 = 0.0",
                "dw[i] += _d_t1 * x[i]",
                "_d_t1 = 0.0");
        // (and the clearing of _d_s, then its copy back from _d_t2, are no-ops once the adds are assignments)
        assertEquals(
                List.of("_d_t2 = _d_s", "_d_t1 = _d_t2", "dw[i] += _d_t1 * x[i]"),
                text(FreshAdjoints.simplify(in, Set.of("_d_t1", "_d_t2"), TYPES)));
    }

    @Test
    void aClearingStaysWhereTheAdjointIsReadBeforeItIsOverwritten() {
        List<Code> in = lines("_d_t2 += _d_s", "_d_s = 0.0", "_d_u += _d_s", "_d_s = _d_t2", "_d_t2 = 0.0");
        assertEquals(
                List.of("_d_t2 = _d_s", "_d_s = 0.0", "_d_u += _d_s", "_d_s = _d_t2"),
                text(FreshAdjoints.simplify(in, Set.of("_d_t2"), TYPES)));
    }

    @Test
    void aSubtractionBecomesANegatedAssignment() {
        assertEquals(
                List.of("_d_t1 = -(_d_s * a)", "_d_u += _d_t1"),
                text(FreshAdjoints.simplify(
                        lines("_d_t1 -= _d_s * a", "_d_u += _d_t1", "_d_t1 = 0.0"), Set.of("_d_t1"), TYPES)));
    }

    @Test
    void whatIsNotKnownToBeZeroKeepsItsAdd() {
        // _d_u is no temporary of this statement; _d_t1 is read before it is written, so its clearing stays
        List<Code> in = lines("_d_u += _d_s", "_d_s += _d_t1", "_d_t1 += _d_u", "_d_t1 = 0.0");
        assertEquals(
                List.of("_d_u += _d_s", "_d_s += _d_t1", "_d_t1 = _d_u", "_d_t1 = 0.0"),
                text(FreshAdjoints.simplify(in, Set.of("_d_t1"), TYPES)));
    }

    @Test
    void aFloatAdjointIsAssignedOnlyAValueThatIsAFloat() {
        // float += double narrows implicitly; float = double does not compile
        List<Code> in = lines("_d_f = 0.0f", "_d_f += _d_s * 2", "_d_f = 0.0f", "_d_f += (float) (_d_s * 2)");
        // (the second clearing goes: the assignment after it overwrites it)
        assertEquals(
                List.of("_d_f = 0.0f", "_d_f += _d_s * 2", "_d_f = (float) (_d_s * 2)"),
                text(FreshAdjoints.simplify(in, Set.of(), TYPES)));
    }

    @Test
    void anAdjointAlsoNamedInNestedCodeIsLeftAlone() {
        List<Code> in = List.of(
                CodeText.line("_d_t1 += _d_s"),
                CodeText.branch("c", lines("_d_u += _d_t1"), List.of()),
                CodeText.line("_d_t2 += _d_s"),
                CodeText.line("_d_t1 = 0.0"),
                CodeText.line("_d_t2 = 0.0"));
        List<Code> out = FreshAdjoints.simplify(in, Set.of("_d_t1", "_d_t2"), TYPES);
        assertEquals(CodeText.line("_d_t1 += _d_s"), out.get(0));
        assertEquals(CodeText.line("_d_t1 = 0.0"), out.get(3));
        // (after nested code nothing is known to be zero any more, not even an own temporary)
        assertEquals(CodeText.line("_d_t2 += _d_s"), out.get(2));
        assertEquals(5, out.size());
    }
}
