package dev.adjoint.generator.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The printer parenthesises by precedence, and text read into the model prints back as it was. */
class PrinterTest {
    private static Expr n(String id) {
        return new Expr.Name(id);
    }

    private static Expr lit(String t) {
        return new Expr.Literal(t);
    }

    @Test
    void aRightOperandThatBindsAsLooselyKeepsItsParentheses() {
        assertEquals(
                "a - (b + c)", Printer.expression(new Expr.Binary("-", n("a"), new Expr.Binary("+", n("b"), n("c")))));
        // (floating-point + is not associative: a + (b + c) is not (a + b) + c)
        assertEquals(
                "a + (b + c)", Printer.expression(new Expr.Binary("+", n("a"), new Expr.Binary("+", n("b"), n("c")))));
        assertEquals(
                "a + b + c", Printer.expression(new Expr.Binary("+", new Expr.Binary("+", n("a"), n("b")), n("c"))));
        assertEquals(
                "(a + b) * c", Printer.expression(new Expr.Binary("*", new Expr.Binary("+", n("a"), n("b")), n("c"))));
        assertEquals(
                "a + b * c", Printer.expression(new Expr.Binary("+", n("a"), new Expr.Binary("*", n("b"), n("c")))));
    }

    @Test
    void aConditionalOffsetKeepsItsParentheses() {
        Expr offset = new Expr.Conditional(new Expr.Binary(">", n("c"), lit("0")), lit("1"), lit("0"));
        assertEquals("(c > 0 ? 1 : 0) + j", Printer.expression(new Expr.Binary("+", offset, n("j"))));
        assertEquals(
                "x[(c > 0 ? 1 : 0) + j]",
                Printer.expression(new Expr.Element(n("x"), new Expr.Binary("+", offset, n("j")))));
        assertEquals(
                "a ? b : c ? d : e",
                Printer.expression(new Expr.Conditional(n("a"), n("b"), new Expr.Conditional(n("c"), n("d"), n("e")))));
        assertEquals(
                "(a ? b : c) ? d : e",
                Printer.expression(new Expr.Conditional(new Expr.Conditional(n("a"), n("b"), n("c")), n("d"), n("e"))));
    }

    @Test
    void unaryOperatorsCastsAndShifts() {
        assertEquals("-(a * b)", Printer.expression(new Expr.Unary("-", new Expr.Binary("*", n("a"), n("b")))));
        assertEquals("-(-a)", Printer.expression(new Expr.Unary("-", new Expr.Unary("-", n("a")))));
        assertEquals(
                "(double) (a + b)", Printer.expression(new Expr.Cast("double", new Expr.Binary("+", n("a"), n("b")))));
        assertEquals(
                "(m << 1) + j",
                Printer.expression(new Expr.Binary("+", new Expr.Binary("<<", n("m"), lit("1")), n("j"))));
        assertEquals(
                "m << 1 + j",
                Printer.expression(new Expr.Binary("<<", n("m"), new Expr.Binary("+", lit("1"), n("j")))));
        assertEquals(
                "(a = b) + 1",
                Printer.expression(new Expr.Binary("+", new Expr.Assign(n("a"), "=", n("b")), lit("1"))));
    }

    @Test
    void pushesAndPopsAreNodes() {
        Statement push =
                JavaText.statement("_doubles = dev.adjoint.stack.AdjointStacks.push(_doubles, _doublesTop++, x * y)");
        Expr.Assign a = (Expr.Assign) ((Statement.Eval) push).expr();
        assertEquals(new Expr.Push("_doubles", "_doublesTop", new Expr.Binary("*", n("x"), n("y"))), a.value());
        Statement pop = JavaText.statement("x = _doubles[--_doublesTop]");
        assertEquals(new Expr.Pop("_doubles", "_doublesTop"), ((Expr.Assign) ((Statement.Eval) pop).expr()).value());
        Set<String> assigned = new TreeSet<>();
        Uses.assigned(push, assigned);
        Uses.assigned(pop, assigned);
        assertEquals(Set.of("_doubles", "_doublesTop", "x"), assigned);
    }

    @Test
    void generatedTextPrintsBackAsItWas() {
        for (String s : List.of(
                "double[] _d_x = new double[n]",
                "_d_a[i][j] += -(_d_t * Math.sin(x))",
                "int k = (int) (n / 2)",
                "final double t = c > 0 ? 1.0 : -1.0f",
                "return",
                "break",
                "dev.adjoint.Gradients.addInto(_d_r, seed)",
                "throw new IllegalStateException(\"no \" + n)",
                "x = (a - b) * (c + d) / e % f",
                "i++",
                "--k",
                "double[][] m = new double[n][]",
                "x = new double[] {a, b}",
                "b = !(x < y) && (p || q)",
                "/*hand the stacks back*/")) {
            Statement st = JavaText.statement(s);
            assertEquals(s, Printer.statement(st));
            if (!s.startsWith("/*")) {
                assertEquals(false, st instanceof Statement.Opaque, s);
            }
        }
        assertInstanceOf(Statement.Handover.class, JavaText.statement("/*take the stacks again*/"));
        assertEquals(
                "for (int k = _ints[--_intsTop]; ; k--)",
                JavaText.loopHeader("for (int k = _ints[--_intsTop]; ; k--)").toString());
        assertInstanceOf(LoopHeader.While.class, JavaText.loopHeader("while (j < d)"));
    }

    @Test
    void textTheModelCannotHoldStaysOpaque() {
        assertInstanceOf(Statement.Opaque.class, JavaText.statement("x  =  y"));
        assertInstanceOf(Statement.Opaque.class, JavaText.statement("synchronized (x) {}"));
    }
}
