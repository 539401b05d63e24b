package dev.adjoint.generator.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model as JavaParser nodes ({@link JavaNodes}), against the oracle of JavaParser reading
 * {@link Printer}'s text: the same tree ({@code Node.equals} is structural), parentheses
 * ({@link EnclosedExpr}) included, and the tree's own text reads back as the tree (the normalized
 * form reads operands as the text of nodes, so a missing {@link EnclosedExpr} would be a wrong
 * gradient).
 */
class JavaNodesTest {
    private static final JavaParser PARSER =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private static Expr n(String id) {
        return new Expr.Name(id);
    }

    private static Expr lit(String t) {
        return new Expr.Literal(t);
    }

    private static Expr bin(String op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    /** {@code e} built as a node is what JavaParser reads from its printed text, and its text reads back as it. */
    private static Expression same(Expr e) {
        String text = Printer.expression(e);
        ParseResult<Expression> read = PARSER.parseExpression(text);
        Expression built = JavaNodes.expression(e);
        assertEquals(read.getResult().orElseThrow(), built, text);
        // (and its own text, which the normalized form reads, means the same tree)
        assertEquals(built, PARSER.parseExpression(built.toString()).getResult().orElseThrow(), text);
        return built;
    }

    @Test
    void parenthesesWhereThePrinterWritesThem() {
        // (a + b) * c: the sum parenthesised, or it reads a + b * c
        Expression sum = same(bin("*", bin("+", n("a"), n("b")), n("c")));
        assertInstanceOf(EnclosedExpr.class, sum.asBinaryExpr().getLeft());
        // a - (b + c), a / (b * c): the right operand of a left-associative operator binding as tightly
        assertInstanceOf(
                EnclosedExpr.class,
                same(bin("-", n("a"), bin("+", n("b"), n("c")))).asBinaryExpr().getRight());
        assertInstanceOf(
                EnclosedExpr.class,
                same(bin("/", n("a"), bin("*", n("b"), n("c")))).asBinaryExpr().getRight());
        // a + b + c and a + b * c have none
        same(bin("+", bin("+", n("a"), n("b")), n("c")));
        same(bin("+", n("a"), bin("*", n("b"), n("c"))));
    }

    @Test
    void aSignBeforeASignIsParenthesised() {
        // -(-x), not --x (a decrement); +(+x), -(--x)
        Expression minus = same(new Expr.Unary("-", new Expr.Unary("-", n("x"))));
        assertInstanceOf(EnclosedExpr.class, minus.asUnaryExpr().getExpression());
        same(new Expr.Unary("+", new Expr.Unary("+", n("x"))));
        same(new Expr.Unary("-", new Expr.Unary("--", n("x"))));
        // -x * y, -(x * y), a - -x
        same(bin("*", new Expr.Unary("-", n("x")), n("y")));
        same(new Expr.Unary("-", bin("*", n("x"), n("y"))));
        same(bin("-", n("a"), new Expr.Unary("-", n("x"))));
    }

    @Test
    void castsAndConditionals() {
        // (double) (a + b): the cast of the sum, not (double) a + b
        Expression cast = same(new Expr.Cast("double", bin("+", n("a"), n("b"))));
        assertInstanceOf(EnclosedExpr.class, cast.asCastExpr().getExpression());
        same(bin("+", new Expr.Cast("float", n("a")), n("b")));
        // a * (c ? x : y), (c ? 1 : 0) + j, c ? x : d ? y : z, (c ? b : d) ? x : y
        Expression cond = same(bin("*", n("a"), new Expr.Conditional(n("c"), n("x"), n("y"))));
        assertInstanceOf(EnclosedExpr.class, cond.asBinaryExpr().getRight());
        same(bin("+", new Expr.Conditional(bin(">", n("c"), lit("0")), lit("1"), lit("0")), n("j")));
        same(new Expr.Conditional(n("c"), n("x"), new Expr.Conditional(n("d"), n("y"), n("z"))));
        same(new Expr.Conditional(new Expr.Conditional(n("c"), n("b"), n("d")), n("x"), n("y")));
        // parentheses written on purpose, and an assignment's value
        same(new Expr.Paren(n("a")));
        same(new Expr.Assign(new Expr.Element(n("a"), n("i")), "+=", bin("*", n("b"), n("c"))));
        same(bin("*", new Expr.Assign(n("a"), "=", n("b")), n("c")));
    }

    @Test
    void primariesLiteralsAndTypes() {
        same(new Expr.Field(bin("+", n("a"), n("b")), "length"));
        same(new Expr.Call(Expr.qualified("java.lang.Math"), "max", List.of(lit("1.5f"), lit("0x1p3"), lit("1e-3"))));
        same(new Expr.Call(null, "f", List.of(lit("2L"), lit("'c'"), lit("\"s\\n\""), lit("true"), lit("null"))));
        same(new Expr.Call(null, "g", List.of(lit("Foo.class"), lit("int[].class"), lit("0x1F"), lit("7"), n("this"))));
        same(new Expr.NewArray("double", List.of(n("n"), lit("2")), 1, null));
        same(new Expr.NewArray("double", List.of(), 1, List.of(lit("0.0"), lit("1.0"))));
        same(new Expr.New("dev.adjoint.DoubleGrad", List.of()));
        same(new Expr.Push("_doubles", "_top", bin("*", n("a"), n("b"))));
        same(new Expr.Element(new Expr.Pop("_ints", "_itop"), n("j")));
        same(new Expr.Cast("dev.adjoint.DoubleGrad", n("o")));
        // a type with type arguments is not one the model writes
        assertThrows(IllegalStateException.class, () -> JavaNodes.type("java.util.List<Double>"));
    }

    @Test
    void blocksBranchesAndLoops() {
        Expr i = n("i");
        List<Code> body = List.of(
                new Code.Comment("not in the tree"),
                new Code.Line(new Statement.Declare(
                        "final", "double[][]", "m", new Expr.NewArray("double", List.of(lit("2"), lit("3")), 0, null))),
                new Code.Loop(
                        new LoopHeader.For(
                                new Statement.Declare("", "int", "i", lit("0")),
                                bin("<", i, lit("2")),
                                new Expr.Postfix(i, "++")),
                        List.of(new Code.Branch(
                                bin("==", i, lit("1")),
                                List.of(new Code.Line(new Statement.Jump(false))),
                                List.of(new Code.Line(Statement.assign(
                                        new Expr.Element(new Expr.Element(n("m"), i), lit("0")),
                                        "-=",
                                        bin("-", n("a"), n("b")))))))),
                new Code.Loop(new LoopHeader.While(lit("true")), List.of(new Code.Line(new Statement.Jump(true)))),
                new Code.Line(new Statement.Assert(bin("!=", n("m"), lit("null")))),
                new Code.Raw("if (x > 0) {\n    throw new IllegalStateException(\"x\");\n}"),
                new Code.Line(new Statement.Return(new Expr.Element(new Expr.Element(n("m"), lit("1")), lit("0")))));
        StringBuilder text = new StringBuilder("{\n");
        for (Code c : body) {
            if (c instanceof Code.Line l) {
                text.append(l.text()).append(";\n");
            } else if (c instanceof Code.Raw r) {
                text.append(r.text()).append('\n');
            } else if (c instanceof Code.Loop l) {
                text.append(l.header()).append(" {\n");
                if (l.body().get(0) instanceof Code.Branch b) {
                    text.append("if (")
                            .append(b.cond())
                            .append(") {\n")
                            .append(((Code.Line) b.then().get(0)).text())
                            .append(";\n} else {\n")
                            .append(((Code.Line) b.otherwise().get(0)).text())
                            .append(";\n}\n");
                } else {
                    text.append(((Code.Line) l.body().get(0)).text()).append(";\n");
                }
                text.append("}\n");
            }
        }
        text.append("}");
        BlockStmt read = PARSER.parseBlock(text.toString()).getResult().orElseThrow();
        assertEquals(read, JavaNodes.block(body), text.toString());
    }
}
