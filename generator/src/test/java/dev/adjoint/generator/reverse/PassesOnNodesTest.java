package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.optimize.LoopAccumulators;
import dev.adjoint.generator.optimize.LoopFusion;
import dev.adjoint.generator.types.Ty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The peepholes take code built as nodes (no text at all) and decide on its structure, not its spelling. */
class PassesOnNodesTest {
    private static Expr n(String id) {
        return new Expr.Name(id);
    }

    private static Code line(Expr e) {
        return new Code.Line(new Statement.Eval(e));
    }

    private static Expr assign(Expr target, String op, Expr value) {
        return new Expr.Assign(target, op, value);
    }

    /** {@code j = 0; while (j < d) { body; j = j + 1; }} as nodes. */
    private static List<Code> counted(String j, Code body) {
        Expr step = assign(n(j), "=", new Expr.Binary("+", n(j), new Expr.Literal("1")));
        return List.of(
                line(assign(n(j), "=", new Expr.Literal("0"))),
                new Code.Loop(new LoopHeader.While(new Expr.Binary("<", n(j), n("d"))), List.of(body, line(step))));
    }

    /** Loops over j and k: the first writes {@code xc[index(j)]}, the second reads {@code xc[index(k)]} into {@code s}. */
    private static List<Code> writeThenRead(java.util.function.Function<String, Expr> index) {
        List<Code> all = new java.util.ArrayList<>(counted(
                "j", line(assign(new Expr.Element(n("xc"), index.apply("j")), "=", n("x")))));
        all.addAll(counted("k", line(assign(n("s"), "+=", new Expr.Element(n("xc"), index.apply("k"))))));
        Map<String, Integer> mentions = new HashMap<>();
        Code.mentions(all, name -> mentions.merge(name, 1, Integer::sum));
        return LoopFusion.fuse(all, mentions);
    }

    @Test
    void aConditionalWhoseElseAddsTheCounterIsNotAnOffsetPlusTheCounter() {
        // xc[o + j]: iteration j of the second loop reads only what iteration j of the first wrote
        assertEquals(3, writeThenRead(j -> new Expr.Binary("+", n("o"), n(j))).size(), "fused");
        // xc[c > 0 ? 1 : 0 + j]: with c > 0 every iteration writes xc[1]; the text ends in "+ j" all the same
        Expr c = new Expr.Binary(">", n("c"), new Expr.Literal("0"));
        List<Code> out = writeThenRead(
                j -> new Expr.Conditional(c, new Expr.Literal("1"), new Expr.Binary("+", new Expr.Literal("0"), n(j))));
        assertEquals(4, out.size(), "apart");
        assertEquals(
                "xc[c > 0 ? 1 : 0 + j] = x",
                ((Code.Line) ((Code.Loop) out.get(1)).body().get(0)).text());
    }

    @Test
    void aSubtractedValueIsNegatedWithTheParenthesesItNeeds() {
        Expr sum = new Expr.Binary("+", n("a"), n("b"));
        List<Code> out = FreshAdjoints.simplify(
                List.of(line(assign(n("_d_t"), "-=", sum))), Set.of("_d_t"), Map.of("_d_t", Ty.DOUBLE));
        assertEquals("_d_t = -(a + b)", ((Code.Line) out.get(0)).text());
    }

    @Test
    void anElementIncrementBuiltAsNodesIsSummedInALocal() {
        Code inc = line(assign(new Expr.Element(n("_d_xc"), n("a")), "+=", new Expr.Binary("*", n("q"), n("b"))));
        Code.Loop loop = new Code.Loop(
                new LoopHeader.While(new Expr.Binary("<", n("b"), n("d"))),
                List.of(inc, line(assign(n("b"), "=", new Expr.Binary("+", n("b"), new Expr.Literal("1"))))));
        List<Code> out = LoopAccumulators.promote(List.of(loop), Map.of("_d_xc", Ty.Prim.DOUBLE), name -> name);
        assertEquals(
                List.of("double _sum_d_xc = 0.0", "_sum_d_xc += q * b"),
                List.of(
                        ((Code.Line) out.get(0)).text(),
                        ((Code.Line) ((Code.Loop) out.get(1)).body().get(0)).text()));
        assertEquals("_sum_d_xc != 0.0", ((Code.Branch) out.get(2)).cond().toString());
    }
}
