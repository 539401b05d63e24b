package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.optimize.InvariantLoads;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An element a storing loop reads without writing or moving it, read once before the loop. */
class InvariantLoadsTest {
    private static final Map<String, Ty.Prim> ARRAYS = Map.of(
            "xc",
            Ty.Prim.DOUBLE,
            "qxc",
            Ty.Prim.DOUBLE,
            "icf",
            Ty.Prim.DOUBLE,
            "dicf",
            Ty.Prim.DOUBLE,
            "f",
            Ty.Prim.FLOAT,
            "idx",
            Ty.Prim.INT);

    private static Code.Loop loop(String header, String... body) {
        List<Code> lines = new ArrayList<>();
        for (String b : body) {
            lines.add(CodeText.line(b));
        }
        return CodeText.loop(header, lines);
    }

    private static List<Code> hoist(Code... codes) {
        Set<String> taken = new HashSet<>();
        return InvariantLoads.hoist(List.of(codes), ARRAYS, name -> {
            String fresh = name;
            for (int i = 1; !taken.add(fresh); i++) {
                fresh = name + "_" + i;
            }
            return fresh;
        });
    }

    @Test
    void anElementTheLoopNeitherWritesNorMovesIsReadOnceWhenTheLoopRuns() {
        List<Code> out = hoist(
                loop("while (b < d)", "_t25 = icf[li] * xc[a]", "qxc[b] = qxc[b] + _t25", "li = li + 1", "b = b + 1"));
        assertEquals(
                List.of(
                        CodeText.line("double _xc_a = b < d ? xc[a] : 0.0"),
                        loop(
                                "while (b < d)",
                                "_t25 = icf[li] * _xc_a",
                                "qxc[b] = qxc[b] + _t25",
                                "li = li + 1",
                                "b = b + 1")),
                out);
    }

    @Test
    void theLocalHasTheElementsTypeAndAnIndexExpressionGetsAPlainName() {
        List<Code> out = hoist(loop("while (j > 0)", "j = j - 1", "dicf[j] += f[c * d + 1] * idx[c]"));
        assertEquals(CodeText.line("float _f_e = j > 0 ? f[c * d + 1] : 0.0f"), out.get(0));
        assertEquals(CodeText.line("int _idx_c = j > 0 ? idx[c] : 0"), out.get(1));
        assertEquals(
                CodeText.line("dicf[j] += _f_e * _idx_c"),
                ((Code.Loop) out.get(2)).body().get(1));
    }

    @Test
    void anInnerLoopsLoadIsConditionalSoItStaysInTheOuterLoop() {
        // (the outer loop may run while the inner one does not: xc[0] need not be valid then)
        Code.Loop inner = loop("while (b < d)", "qxc[b] += xc[0]", "b = b + 1");
        List<Code> out = hoist(
                CodeText.loop("while (a < d)", List.of(CodeText.line("b = a + 1"), inner, CodeText.line("a = a + 1"))));
        Code.Loop outer = (Code.Loop) out.get(0);
        assertEquals(1, out.size());
        assertEquals(
                CodeText.line("double _xc_0 = b < d ? xc[0] : 0.0"),
                outer.body().get(1));
    }

    @Test
    void onlyUnconditionalReadsCount() {
        for (String conditional : List.of("s = t ? xc[a] : 0.0", "u = t && xc[a] > 0", "u = t || xc[a] > 0")) {
            Code.Loop l = loop("while (b < d)", "qxc[b] += 1.0", conditional, "b = b + 1");
            assertEquals(List.of(l), hoist(l), conditional);
        }
    }

    @Test
    void whatTheLoopWritesMovesOrMayWriteIsLeftAlone() {
        // the index moves
        Code.Loop moving = loop("while (b < d)", "qxc[b] += xc[b]", "b = b + 1");
        assertEquals(List.of(moving), hoist(moving));
        // the array is written in the loop
        Code.Loop written = loop("while (b < d)", "qxc[b] += xc[a]", "xc[b] = 0.0", "b = b + 1");
        assertEquals(List.of(written), hoist(written));
        // a call that may write it
        Code.Loop called = loop("while (b < d)", "qxc[b] += xc[a]", "g(xc)", "b = b + 1");
        assertEquals(List.of(called), hoist(called));
        // a jump, and a loop that leaves by a break
        Code.Loop jumps = loop("while (b < d)", "qxc[b] += xc[a]", "break");
        assertEquals(List.of(jumps), hoist(jumps));
        Code.Loop forever = loop("while (true)", "qxc[b] += xc[a]", "b = b + 1");
        assertEquals(List.of(forever), hoist(forever));
        // a loop that stores nothing: the JIT hoists the load itself
        Code.Loop reads = loop("while (b < d)", "s = s + xc[a] * qxc[b]", "b = b + 1");
        assertEquals(List.of(reads), hoist(reads));
        // read in a branch only: not every iteration reads it
        Code.Loop branch = CodeText.loop(
                "while (b < d)",
                List.of(
                        CodeText.branch("t", List.of(CodeText.line("qxc[b] += xc[a]")), List.of()),
                        CodeText.line("b = b + 1")));
        assertEquals(List.of(branch), hoist(branch));
        // not a known array, or a row of a 2-D one
        Code.Loop unknown = loop("while (b < d)", "qxc[b] += other[a] + m[a][b]", "b = b + 1");
        assertEquals(List.of(unknown), hoist(unknown));
    }
}
