package dev.adjoint.generator.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import java.util.List;

/**
 * The model as JavaParser nodes, for generated code that a pass takes as a JavaParser tree again
 * (the tangent of a Hessian-vector product, which the static reverse pipeline differentiates).
 * The tree is the one JavaParser would read from {@link Printer}'s text, built without that text:
 * an {@link EnclosedExpr} stands exactly where the printer writes parentheses (a child binding more
 * loosely than its place requires, the right operand of a left-associative operator binding as
 * tightly, {@code - -x}, {@link Expr.Paren}). Those parentheses are semantics: the normalized form
 * reads its operands as the text of nodes, so {@code (a + b) * c} without its {@link EnclosedExpr}
 * would be read as {@code a + b * c}.
 *
 * <p>Text the model keeps as text ({@link Code.Raw} without its tree, the opaque nodes) is on this
 * path the user's own source, which the normalized form keeps renamed; JavaParser reads it as user
 * input. Types are strings in the model: a primitive, a (qualified) class name, with {@code []}s.
 */
public final class JavaNodes {
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

    private JavaNodes() {}

    /** {@code codes} as the statements of a block. */
    public static BlockStmt block(List<Code> codes) {
        BlockStmt block = new BlockStmt();
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                block.addStatement(statement(l.statement()));
            } else if (c instanceof Code.Raw r) {
                if (r.tree() != null) {
                    block.addStatement(r.tree().clone());
                } else {
                    user(PARSER.get().parseBlock("{\n" + r.text() + "\n}"), r.text())
                            .getStatements()
                            .forEach(block::addStatement);
                }
            } else if (c instanceof Code.Branch b) {
                block.addStatement(new IfStmt(
                        expression(b.cond()), block(b.then()), b.otherwise().isEmpty() ? null : block(b.otherwise())));
            } else if (c instanceof Code.Loop l) {
                block.addStatement(loop(l.header(), block(l.body())));
            }
            // (a comment is for the reader of printed code: a tree has none)
        }
        return block;
    }

    private static com.github.javaparser.ast.stmt.Statement loop(LoopHeader h, BlockStmt body) {
        if (h instanceof LoopHeader.While w) {
            return new WhileStmt(expression(w.cond()), body);
        }
        if (h instanceof LoopHeader.For f) {
            NodeList<Expression> init = new NodeList<>();
            if (f.init() instanceof Statement.Declare d) {
                init.add(declaration(d));
            } else if (f.init() instanceof Statement.Eval e) {
                init.add(expression(e.expr()));
            } else if (f.init() != null) {
                throw new IllegalStateException("not a for loop's initialisation: " + f.init());
            }
            NodeList<Expression> update = new NodeList<>();
            if (f.update() != null) {
                update.add(expression(f.update()));
            }
            return new ForStmt(init, f.cond() == null ? null : expression(f.cond()), update, body);
        }
        String text = ((LoopHeader.Opaque) h).text();
        com.github.javaparser.ast.stmt.Statement s = user(PARSER.get().parseStatement(text + " {}"), text);
        if (s instanceof WhileStmt w) {
            w.setBody(body);
        } else if (s instanceof ForStmt f) {
            f.setBody(body);
        } else {
            throw new IllegalStateException("not a loop header: " + text);
        }
        return s;
    }

    /** The statement {@code s}, as JavaParser reads {@code Printer.statement(s) + ";"}. */
    public static com.github.javaparser.ast.stmt.Statement statement(Statement s) {
        if (s instanceof Statement.Eval e) {
            return new ExpressionStmt(expression(e.expr()));
        } else if (s instanceof Statement.Declare d) {
            return new ExpressionStmt(declaration(d));
        } else if (s instanceof Statement.Return r) {
            return new ReturnStmt(r.value() == null ? null : expression(r.value()));
        } else if (s instanceof Statement.Jump j) {
            return j.isBreak() ? new BreakStmt() : new ContinueStmt();
        } else if (s instanceof Statement.Throw t) {
            return new ThrowStmt(expression(t.value()));
        } else if (s instanceof Statement.Assert a) {
            return new AssertStmt(expression(a.cond()));
        } else if (s instanceof Statement.Opaque o) {
            return user(PARSER.get().parseStatement(o.text() + ";"), o.text());
        }
        throw new IllegalStateException("a statement of the reverse sweep, not of plain Java: " + s);
    }

    private static VariableDeclarationExpr declaration(Statement.Declare d) {
        NodeList<Modifier> modifiers = new NodeList<>();
        if (!d.modifiers().isEmpty()) {
            modifiers.add(new Modifier(modifier(d.modifiers())));
        }
        return new VariableDeclarationExpr(
                modifiers,
                new NodeList<>(new VariableDeclarator(
                        type(d.type()), d.name(), d.init() == null ? null : expression(d.init()))));
    }

    private static Modifier.Keyword modifier(String text) {
        for (Modifier.Keyword k : Modifier.Keyword.values()) {
            if (k.asString().equals(text)) {
                return k;
            }
        }
        throw new IllegalStateException("not one modifier: " + text);
    }

    /** The expression {@code e}, as JavaParser reads {@code Printer.expression(e)}. */
    public static Expression expression(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id().equals("this") ? new ThisExpr() : new NameExpr(n.id());
        } else if (e instanceof Expr.Literal l) {
            return literal(l.text());
        } else if (e instanceof Expr.Field f) {
            return new FieldAccessExpr(child(f.target(), Expr.PRIMARY), f.name());
        } else if (e instanceof Expr.Element el) {
            return new ArrayAccessExpr(child(el.array(), Expr.PRIMARY), expression(el.index()));
        } else if (e instanceof Expr.Call c) {
            return new MethodCallExpr(
                    c.target() == null ? null : child(c.target(), Expr.PRIMARY), c.name(), arguments(c.args()));
        } else if (e instanceof Expr.Binary b) {
            int p = b.precedence();
            if (b.op().equals("instanceof")) {
                return new InstanceOfExpr(child(b.left(), p), (com.github.javaparser.ast.type.ReferenceType)
                        type(b.right().toString()));
            }
            // (the right operand parenthesised also when it binds as tightly: a - (b + c))
            return new BinaryExpr(child(b.left(), p), child(b.right(), p + 1), binary(b.op()));
        } else if (e instanceof Expr.Unary u) {
            // (- -x, not --x: a sign before a sign or an increment of the same character is parenthesised)
            boolean clash = u.operand() instanceof Expr.Unary inner
                    && inner.op().charAt(0) == u.op().charAt(u.op().length() - 1)
                    && "+-".indexOf(inner.op().charAt(0)) >= 0;
            return new UnaryExpr(child(u.operand(), clash ? Expr.PRIMARY + 1 : Expr.UNARY), prefix(u.op()));
        } else if (e instanceof Expr.Postfix p) {
            return new UnaryExpr(
                    child(p.operand(), Expr.POSTFIX),
                    p.op().equals("++") ? UnaryExpr.Operator.POSTFIX_INCREMENT : UnaryExpr.Operator.POSTFIX_DECREMENT);
        } else if (e instanceof Expr.Cast c) {
            return new CastExpr(type(c.type()), child(c.operand(), Expr.UNARY));
        } else if (e instanceof Expr.Conditional c) {
            return new ConditionalExpr(
                    child(c.cond(), Expr.CONDITIONAL + 1),
                    child(c.then(), Expr.CONDITIONAL + 1),
                    child(c.otherwise(), Expr.CONDITIONAL));
        } else if (e instanceof Expr.Assign a) {
            return new AssignExpr(child(a.target(), Expr.POSTFIX), child(a.value(), Expr.ASSIGNMENT), assign(a.op()));
        } else if (e instanceof Expr.Paren p) {
            return new EnclosedExpr(expression(p.inner()));
        } else if (e instanceof Expr.NewArray n) {
            NodeList<ArrayCreationLevel> levels = new NodeList<>();
            n.dims().forEach(d -> levels.add(new ArrayCreationLevel(expression(d))));
            for (int i = 0; i < n.extraDims(); i++) {
                levels.add(new ArrayCreationLevel());
            }
            Type element = type(n.type());
            if (element instanceof ArrayType) {
                throw new IllegalStateException("an array creation of an array type: " + n);
            }
            return new ArrayCreationExpr(
                    element, levels, n.init() == null ? null : new ArrayInitializerExpr(arguments(n.init())));
        } else if (e instanceof Expr.New n) {
            return new ObjectCreationExpr(null, (ClassOrInterfaceType) type(n.type()), arguments(n.args()));
        } else if (e instanceof Expr.Push p) {
            return new MethodCallExpr(
                    expression(Expr.qualified(Printer.STACKS)),
                    "push",
                    new NodeList<>(
                            new NameExpr(p.values()),
                            new UnaryExpr(new NameExpr(p.top()), UnaryExpr.Operator.POSTFIX_INCREMENT),
                            expression(p.value())));
        } else if (e instanceof Expr.Pop p) {
            return new ArrayAccessExpr(
                    new NameExpr(p.values()),
                    new UnaryExpr(new NameExpr(p.top()), UnaryExpr.Operator.PREFIX_DECREMENT));
        }
        String text = ((Expr.Opaque) e).text();
        return user(PARSER.get().parseExpression(text), text);
    }

    /** {@code e} where an expression binding at least as tightly as {@code min} may stand: {@link Printer}'s rule. */
    private static Expression child(Expr e, int min) {
        Expression x = expression(e);
        return e.precedence() < min ? new EnclosedExpr(x) : x;
    }

    private static NodeList<Expression> arguments(List<Expr> args) {
        NodeList<Expression> out = new NodeList<>();
        args.forEach(a -> out.add(expression(a)));
        return out;
    }

    private static BinaryExpr.Operator binary(String op) {
        return switch (op) {
            case "||" -> BinaryExpr.Operator.OR;
            case "&&" -> BinaryExpr.Operator.AND;
            case "|" -> BinaryExpr.Operator.BINARY_OR;
            case "^" -> BinaryExpr.Operator.XOR;
            case "&" -> BinaryExpr.Operator.BINARY_AND;
            case "==" -> BinaryExpr.Operator.EQUALS;
            case "!=" -> BinaryExpr.Operator.NOT_EQUALS;
            case "<" -> BinaryExpr.Operator.LESS;
            case ">" -> BinaryExpr.Operator.GREATER;
            case "<=" -> BinaryExpr.Operator.LESS_EQUALS;
            case ">=" -> BinaryExpr.Operator.GREATER_EQUALS;
            case "<<" -> BinaryExpr.Operator.LEFT_SHIFT;
            case ">>" -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
            case ">>>" -> BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
            case "+" -> BinaryExpr.Operator.PLUS;
            case "-" -> BinaryExpr.Operator.MINUS;
            case "*" -> BinaryExpr.Operator.MULTIPLY;
            case "/" -> BinaryExpr.Operator.DIVIDE;
            case "%" -> BinaryExpr.Operator.REMAINDER;
            default -> throw new IllegalArgumentException("binary operator " + op);
        };
    }

    private static UnaryExpr.Operator prefix(String op) {
        return switch (op) {
            case "-" -> UnaryExpr.Operator.MINUS;
            case "+" -> UnaryExpr.Operator.PLUS;
            case "!" -> UnaryExpr.Operator.LOGICAL_COMPLEMENT;
            case "~" -> UnaryExpr.Operator.BITWISE_COMPLEMENT;
            case "++" -> UnaryExpr.Operator.PREFIX_INCREMENT;
            case "--" -> UnaryExpr.Operator.PREFIX_DECREMENT;
            default -> throw new IllegalArgumentException("prefix operator " + op);
        };
    }

    private static AssignExpr.Operator assign(String op) {
        for (AssignExpr.Operator o : AssignExpr.Operator.values()) {
            if (o.asString().equals(op)) {
                return o;
            }
        }
        throw new IllegalArgumentException("assignment operator " + op);
    }

    /**
     * The literal written {@code text}, one token (the model's literals are: {@code 0.0},
     * {@code 1.5f}, {@code 2L}, {@code 'c'}, {@code "s"}, {@code true}, {@code null}), or a class
     * literal {@code T.class}.
     */
    private static Expression literal(String text) {
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        String dotClass = ".class";
        if (text.equals("true") || text.equals("false")) {
            return new BooleanLiteralExpr(text.equals("true"));
        } else if (text.equals("null")) {
            return new NullLiteralExpr();
        } else if (first == '"' && text.length() >= 2 && last == '"') {
            return new StringLiteralExpr(text.substring(1, text.length() - 1));
        } else if (first == '\'' && text.length() >= 3 && last == '\'') {
            return new CharLiteralExpr(text.substring(1, text.length() - 1));
        } else if (text.endsWith(dotClass)) {
            return new ClassExpr(type(text.substring(0, text.length() - dotClass.length())));
        } else if (!Character.isDigit(first) && first != '.') {
            throw new IllegalStateException("not a literal: " + text);
        } else if (last == 'L' || last == 'l') {
            return new LongLiteralExpr(text);
        }
        boolean hex = text.length() > 1 && first == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        // (a floating-point literal: a point, an exponent or a suffix; in hex only a binary exponent p)
        String floating = hex ? "pP" : ".eEfFdD";
        for (int i = 0; i < text.length(); i++) {
            if (floating.indexOf(text.charAt(i)) >= 0) {
                return new DoubleLiteralExpr(text);
            }
        }
        return new IntegerLiteralExpr(text);
    }

    /**
     * The type written {@code text}: a primitive, {@code var}, or a (qualified) class name, with
     * any number of {@code []}; anything else (type arguments, annotations) the model does not
     * write.
     */
    public static Type type(String text) {
        String brackets = "[]";
        if (text.endsWith(brackets)) {
            return new ArrayType(type(text.substring(0, text.length() - brackets.length())));
        }
        for (PrimitiveType.Primitive p : PrimitiveType.Primitive.values()) {
            if (p.asString().equals(text)) {
                return new PrimitiveType(p);
            }
        }
        if (text.equals("var")) {
            return new VarType();
        }
        ClassOrInterfaceType out = null;
        int from = 0;
        while (true) {
            int dot = text.indexOf('.', from);
            String part = text.substring(from, dot < 0 ? text.length() : dot);
            if (part.isEmpty()
                    || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                throw new IllegalStateException("not a type the model writes: " + text);
            }
            out = new ClassOrInterfaceType(out, part);
            if (dot < 0) {
                return out;
            }
            from = dot + 1;
        }
    }

    /** The user's text as JavaParser reads it. */
    private static <N extends com.github.javaparser.ast.Node> N user(ParseResult<N> read, String text) {
        return read.getResult()
                .filter(x -> read.isSuccessful())
                .orElseThrow(() -> new IllegalStateException("the user's text does not parse: " + text));
    }
}
