package dev.adjoint.generator.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain rule on partials as text: what the recorder writes into one node per expression. */
class NodeTermsTest {
    @Test
    void aFactorOfOneOrMinusOneDisappears() {
        assertEquals("x", NodeTerms.times("1.0", "x"));
        assertEquals("x", NodeTerms.times("x", "1.0"));
        assertEquals("-x", NodeTerms.times("-1.0", "x"));
        assertEquals("x[i]", NodeTerms.times("-1.0", "-x[i]"));
        assertEquals("-(a + b)", NodeTerms.times("a + b", "-1.0"));
    }

    @Test
    void productsNeedParenthesesOnlyAroundSumsQuotientsAndConditionals() {
        assertEquals("a * Math.cos(s)", NodeTerms.times("a", "Math.cos(s)"));
        assertEquals("-a * b", NodeTerms.times("-a", "b"));
        assertEquals("a * b", NodeTerms.times("-a", "-b"));
        assertEquals("_v87 * ((1.0 / _v88) * 2.0)", NodeTerms.times("_v87", NodeTerms.times("1.0 / _v88", "2.0")));
        assertEquals("(x > y ? 1.0 : 0) * z", NodeTerms.times("x > y ? 1.0 : 0", "z"));
    }

    @Test
    void aParentReadTwiceGetsOneTermWithTheSumOfItsPartials() {
        NodeTerms node = new NodeTerms();
        node.add("s_h", "1.0");
        node.add("w_h[i]", "w[i]");
        node.add("w_h[i]", "w[i]");
        node.add("m_h", "-_v3");
        node.add("m_h", "a > b ? 1.0 : 0");
        assertEquals(List.of(new NodeTerms.Term("s_h", "1.0"), new NodeTerms.Term("w_h[i]", "w[i] + w[i]"),
                new NodeTerms.Term("m_h", "-_v3 + (a > b ? 1.0 : 0)")), node.terms());
        assertEquals("(a > b ? 1.0 : 0) - x", NodeTerms.plus("a > b ? 1.0 : 0", "-x"));
    }
}
