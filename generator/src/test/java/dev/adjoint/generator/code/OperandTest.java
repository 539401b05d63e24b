package dev.adjoint.generator.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which operands stand alone in a larger expression, decided on the node. */
class OperandTest {
    /** The text rule the generator followed before operands were nodes: what must not change. */
    private static String byText(String text) {
        return text.matches("[A-Za-z_$][A-Za-z_$0-9.]*(\\[[A-Za-z_$0-9]+\\])*") || text.matches("[0-9][0-9A-Za-z_.+]*")
                ? text
                : "(" + text + ")";
    }

    @Test
    void anOperandIsParenthesisedExactlyAsItsTextWas() {
        List<String> samples = List.of(
                "x",
                "_d_x",
                "$v",
                "Math.PI",
                "this.w",
                "x.length",
                "a[i]",
                "a[i][0]",
                "a[0L]",
                "a[i + 1]",
                "a[i][j + k]",
                "b[--top]",
                "2",
                "2.0",
                "1.5f",
                "1e+5",
                "1e-5",
                "0x1F",
                "-1.0",
                "-x",
                "true",
                "null",
                "Foo.class",
                "\"s\"",
                "'c'",
                "x + y",
                "x * y",
                "Math.sin(x)",
                "(x)",
                "(double) x",
                "a[i].x",
                "é",
                "a[é]",
                "c > 0 ? 1 : 0",
                "new double[n]",
                ".5",
                "x++");
        for (String s : samples) {
            assertEquals(byText(s), Printer.expression(Operand.of(JavaText.condition(s))), s);
        }
    }

    @Test
    void aNodeIsWrappedOnlyWhenItDoesNotStandAlone() {
        Expr x = new Expr.Name("x");
        assertEquals(x, Operand.of(x));
        Expr negative = new Expr.Unary("-", new Expr.Literal("1.0"));
        assertEquals(
                "dz * (-1.0)", Printer.expression(new Expr.Binary("*", new Expr.Name("dz"), Operand.of(negative))));
    }
}
