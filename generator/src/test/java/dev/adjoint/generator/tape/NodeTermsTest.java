package dev.adjoint.generator.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaText;
import dev.adjoint.generator.code.Printer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain rule on partials: what the recorder writes into one node per expression. */
class NodeTermsTest {
    private static Expr e(String text) {
        return JavaText.expression(text).orElseThrow();
    }

    private static String p(Expr e) {
        return Printer.expression(e);
    }

    @Test
    void aProductStaysFlatWhenMultipliedByAnother() {
        // (a * b) * (c * d) reads as a * b * c * d: the factors are chained, not nested
        assertEquals("a * b * c * d", p(NodeTerms.times(e("a * b"), e("c * d"))));
        assertEquals("-a * b * c", p(NodeTerms.times(e("a * b"), e("-c"))));
        assertEquals("a * (b + c)", p(NodeTerms.times(e("a"), e("b + c"))));
        assertEquals("a * (Math.pow(x, Math.abs(y)))", p(NodeTerms.times(e("a"), e("Math.pow(x, Math.abs(y))"))));
        assertEquals("a * Math.pow(x, y - 1)", p(NodeTerms.times(e("a"), e("Math.pow(x, y - 1)"))));
        assertEquals("a * (1e-5)", p(NodeTerms.times(e("a"), e("1e-5"))));
        assertEquals("-(a / b)", p(NodeTerms.negate(e("a / b"))));
        assertEquals("a - b * c", p(NodeTerms.plus(e("a"), e("-b * c"))));
    }

    @Test
    void aFactorOfOneOrMinusOneDisappears() {
        assertEquals("x", p(NodeTerms.times(e("1.0"), e("x"))));
        assertEquals("x", p(NodeTerms.times(e("x"), e("1.0"))));
        assertEquals("-x", p(NodeTerms.times(e("-1.0"), e("x"))));
        assertEquals("x[i]", p(NodeTerms.times(e("-1.0"), e("-x[i]"))));
        assertEquals("-(a + b)", p(NodeTerms.times(e("a + b"), e("-1.0"))));
    }

    @Test
    void productsNeedParenthesesOnlyAroundSumsQuotientsAndConditionals() {
        assertEquals("a * Math.cos(s)", p(NodeTerms.times(e("a"), e("Math.cos(s)"))));
        assertEquals("-a * b", p(NodeTerms.times(e("-a"), e("b"))));
        assertEquals("a * b", p(NodeTerms.times(e("-a"), e("-b"))));
        assertEquals(
                "_v87 * ((1.0 / _v88) * 2.0)",
                p(NodeTerms.times(e("_v87"), NodeTerms.times(e("1.0 / _v88"), e("2.0")))));
        // a choice is taken before the product, so a 0 branch stays 0 (not ∞ · 0 past a clamp)
        assertEquals("(x > y ? z : 0)", p(NodeTerms.times(e("x > y ? 1.0 : 0"), e("z"))));
        assertEquals("(x > y ? 1.0 / s : 0)", p(NodeTerms.times(e("1.0 / s"), e("x > y ? 1.0 : 0"))));
    }

    @Test
    void aParentReadTwiceGetsOneTermWithTheSumOfItsPartials() {
        NodeTerms node = new NodeTerms();
        node.add("s_h", e("1.0"));
        node.add("w_h[i]", e("w[i]"));
        node.add("w_h[i]", e("w[i]"));
        node.add("m_h", e("-_v3"));
        node.add("m_h", e("a > b ? 1.0 : 0"));
        assertEquals(
                List.of("s_h: 1.0", "w_h[i]: w[i] + w[i]", "m_h: -_v3 + (a > b ? 1.0 : 0)"),
                node.terms().stream()
                        .map(t -> t.handle() + ": " + p(t.partial()))
                        .toList());
        assertEquals("(a > b ? 1.0 : 0) - x", p(NodeTerms.plus(e("a > b ? 1.0 : 0"), e("-x"))));
    }
}
