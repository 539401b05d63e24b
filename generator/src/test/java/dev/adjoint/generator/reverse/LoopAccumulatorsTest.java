package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.optimize.LoopAccumulators;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reverse loop's adds into one element of an adjoint array, summed in a local and added once. */
class LoopAccumulatorsTest {
    private static final Map<String, Ty.Prim> ARRAYS =
            Map.of("_d_xc", Ty.Prim.DOUBLE, "dicf", Ty.Prim.DOUBLE, "_d_f", Ty.Prim.FLOAT);

    private static Code.Loop loop(String... body) {
        List<Code> lines = new ArrayList<>();
        for (String b : body) {
            lines.add(CodeText.line(b));
        }
        return CodeText.loop("while (b > a + 1)", lines);
    }

    private static List<Code> promote(Code... codes) {
        return LoopAccumulators.promote(List.of(codes), ARRAYS, name -> name);
    }

    @Test
    void anElementAtAnIndexTheLoopDoesNotChangeIsSummedInALocal() {
        List<Code> out =
                promote(loop("b = b - 1", "li = li - 1", "dicf[li] += _d_t * xc[a]", "_d_xc[a] += _d_t * icf[li]"));
        assertEquals(
                List.of(
                        CodeText.line("double _sum_d_xc = 0.0"),
                        loop("b = b - 1", "li = li - 1", "dicf[li] += _d_t * xc[a]", "_sum_d_xc += _d_t * icf[li]"),
                        CodeText.branch(
                                "_sum_d_xc != 0.0", List.of(CodeText.line("_d_xc[a] += _sum_d_xc")), List.of())),
                out);
    }

    @Test
    void aFloatArrayGetsAFloatSum() {
        List<Code> out = promote(loop("b = b - 1", "_d_f[a] -= (float) (_d_t * 2)"));
        assertEquals(CodeText.line("float _sum_d_f = 0.0f"), out.get(0));
        assertEquals(
                CodeText.line("_sum_d_f -= (float) (_d_t * 2)"),
                ((Code.Loop) out.get(1)).body().get(1));
    }

    @Test
    void whatTheLoopReadsOrMovesIsLeftAlone() {
        // the index changes in the loop
        Code.Loop moving = loop("b = b - 1", "_d_xc[b] += 1.0");
        assertEquals(List.of(moving), promote(moving));
        Code.Loop stepped = loop("a--", "_d_xc[a] += 1.0");
        assertEquals(List.of(stepped), promote(stepped));
        // the element is also read in the loop
        Code.Loop read = loop("b = b - 1", "_d_xc[a] += 1.0", "_d_t = _d_xc[a]");
        assertEquals(List.of(read), promote(read));
        // two elements of one array
        Code.Loop two = loop("b = b - 1", "_d_xc[a] += 1.0", "_d_xc[0] += 2.0");
        assertEquals(List.of(two), promote(two));
        // an array that is not an adjoint
        Code.Loop primal = loop("b = b - 1", "xc[a] += 1.0");
        assertEquals(List.of(primal), promote(primal));
        // named in a nested branch
        Code.Loop nested = CodeText.loop(
                "while (b > 0)",
                List.of(
                        CodeText.line("_d_xc[a] += 1.0"),
                        CodeText.branch("c", List.of(CodeText.line("g(_d_xc)")), List.of())));
        assertEquals(List.of(nested), promote(nested));
    }
}
