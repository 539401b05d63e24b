package dev.adjoint.generator.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nodes of the model built from Java text that no producer wrote: the user's expressions as the
 * normalized form keeps them (constants, index expressions, passive values, conditions; read
 * through {@code ir.AtomCode}), the derivative table's templates ({@code rules.Rule}), the tape
 * recorder's argument values; and, in tests, fixtures spelled as text. Producers build nodes and
 * never come here. Read by {@link Reader}, or by JavaParser where the reader gives up. The node
 * prints back to exactly that text; text that does not (or that the model does not take apart)
 * stays opaque ({@link Statement.Opaque}, {@link Expr.Opaque}), which every pass leaves alone,
 * with the code around it.
 */
public final class JavaText {
    private static final ThreadLocal<JavaParser> PARSER =
            ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                    .setAttributeComments(false)
                    .setStoreTokens(false)
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)));

    private JavaText() {}

    /** One statement, without its semicolon. */
    public static Statement statement(String text) {
        if (text.equals(Printer.statement(new Statement.Handover(true)))) {
            return new Statement.Handover(true);
        }
        if (text.equals(Printer.statement(new Statement.Handover(false)))) {
            return new Statement.Handover(false);
        }
        Statement s = Reader.statement(text);
        if (s == null || !Printer.statement(s).equals(text)) {
            ParseResult<com.github.javaparser.ast.stmt.Statement> r =
                    PARSER.get().parseStatement(text + ";");
            s = r.getResult()
                    .filter(x -> r.isSuccessful())
                    .flatMap(JavaText::statement)
                    .orElse(null);
        }
        if (s != null && Printer.statement(s).equals(text)) {
            return s;
        }
        return new Statement.Opaque(text);
    }

    /** An expression; empty when the model cannot hold it as written. */
    public static Optional<Expr> expression(String text) {
        Expr read = Reader.expression(text);
        if (read != null && Printer.expression(read).equals(text)) {
            return Optional.of(read);
        }
        ParseResult<Expression> r = PARSER.get().parseExpression(text);
        Optional<Expr> e = r.getResult().filter(x -> r.isSuccessful()).flatMap(JavaText::expression);
        return e.filter(x -> Printer.expression(x).equals(text));
    }

    /** A condition; opaque when the model cannot hold it as written. */
    public static Expr condition(String text) {
        return expression(text).orElseGet(() -> new Expr.Opaque(text));
    }

    /** A loop header; opaque when the model cannot hold it as written. */
    public static LoopHeader loopHeader(String text) {
        return header(text).orElseGet(() -> new LoopHeader.Opaque(text));
    }

    /** A loop header, {@code while (...)} or {@code for (...)}; empty when the model cannot hold it as written. */
    public static Optional<LoopHeader> header(String text) {
        ParseResult<com.github.javaparser.ast.stmt.Statement> r = PARSER.get().parseStatement(text + " {}");
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            return Optional.empty();
        }
        com.github.javaparser.ast.stmt.Statement s = r.getResult().get();
        Optional<LoopHeader> h = Optional.empty();
        if (s instanceof WhileStmt w) {
            h = expression(w.getCondition()).map(LoopHeader.While::new);
        } else if (s instanceof ForStmt f
                && f.getInitialization().size() <= 1
                && f.getUpdate().size() <= 1) {
            Optional<Statement> init = f.getInitialization().isEmpty()
                    ? Optional.empty()
                    : statement(new ExpressionStmt(f.getInitialization().get(0)));
            Optional<Expr> cond = f.getCompare().flatMap(JavaText::expression);
            Optional<Expr> update = f.getUpdate().isEmpty()
                    ? Optional.empty()
                    : expression(f.getUpdate().get(0));
            if (init.isPresent() == !f.getInitialization().isEmpty()
                    && cond.isPresent() == f.getCompare().isPresent()
                    && update.isPresent() == !f.getUpdate().isEmpty()) {
                h = Optional.of(new LoopHeader.For(init.orElse(null), cond.orElse(null), update.orElse(null)));
            }
        }
        return h.filter(x -> x.toString().equals(text));
    }

    private static Optional<Statement> statement(com.github.javaparser.ast.stmt.Statement s) {
        if (s instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr v
                    && v.getVariables().size() == 1
                    && v.getAnnotations().isEmpty()) {
                VariableDeclarator d = v.getVariable(0);
                String modifiers = String.join(
                        " ",
                        v.getModifiers().stream()
                                .map(m -> m.getKeyword().asString())
                                .toList());
                Optional<Expr> init = d.getInitializer().flatMap(JavaText::expression);
                if (init.isPresent() == d.getInitializer().isPresent()) {
                    return Optional.of(new Statement.Declare(
                            modifiers, d.getType().toString(), d.getNameAsString(), init.orElse(null)));
                }
                return Optional.empty();
            }
            return expression(e).map(Statement.Eval::new);
        }
        if (s instanceof ReturnStmt r) {
            if (r.getExpression().isEmpty()) {
                return Optional.of(new Statement.Return(null));
            }
            return expression(r.getExpression().get()).map(Statement.Return::new);
        }
        if (s instanceof BreakStmt b && b.getLabel().isEmpty()) {
            return Optional.of(new Statement.Jump(true));
        }
        if (s instanceof ContinueStmt c && c.getLabel().isEmpty()) {
            return Optional.of(new Statement.Jump(false));
        }
        if (s instanceof ThrowStmt t) {
            return expression(t.getExpression()).map(Statement.Throw::new);
        }
        return Optional.empty();
    }

    private static Optional<Expr> expression(Expression e) {
        Expr out = null;
        if (e instanceof NameExpr n) {
            out = new Expr.Name(n.getNameAsString());
        } else if (e instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            out = new Expr.Name("this");
        } else if (e instanceof LiteralExpr || e instanceof ClassExpr) {
            out = new Expr.Literal(e.toString());
        } else if (e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()) {
            out = expression(f.getScope())
                    .map(t -> new Expr.Field(t, f.getNameAsString()))
                    .orElse(null);
        } else if (e instanceof ArrayAccessExpr a) {
            Optional<Expr> array = expression(a.getName());
            Optional<Expr> index = expression(a.getIndex());
            if (array.isPresent() && index.isPresent()) {
                out = array.get() instanceof Expr.Name v
                                && index.get() instanceof Expr.Unary u
                                && u.op().equals("--")
                                && u.operand() instanceof Expr.Name top
                        ? new Expr.Pop(v.id(), top.id())
                        : new Expr.Element(array.get(), index.get());
            }
        } else if (e instanceof MethodCallExpr c && c.getTypeArguments().isEmpty()) {
            Optional<Expr> target = c.getScope().isEmpty()
                    ? Optional.empty()
                    : expression(c.getScope().get());
            Optional<List<Expr>> args = all(c.getArguments());
            if (target.isPresent() == c.getScope().isPresent() && args.isPresent()) {
                out = push(target.orElse(null), c.getNameAsString(), args.get());
            }
        } else if (e instanceof BinaryExpr b) {
            Optional<Expr> l = expression(b.getLeft());
            Optional<Expr> r = expression(b.getRight());
            if (l.isPresent() && r.isPresent()) {
                out = new Expr.Binary(b.getOperator().asString(), l.get(), r.get());
            }
        } else if (e instanceof UnaryExpr u) {
            Optional<Expr> x = expression(u.getExpression());
            if (x.isPresent()) {
                out = u.isPostfix()
                        ? new Expr.Postfix(x.get(), u.getOperator().asString())
                        : new Expr.Unary(u.getOperator().asString(), x.get());
            }
        } else if (e instanceof CastExpr c) {
            out = expression(c.getExpression())
                    .map(x -> new Expr.Cast(c.getType().toString(), x))
                    .orElse(null);
        } else if (e instanceof ConditionalExpr c) {
            Optional<Expr> cond = expression(c.getCondition());
            Optional<Expr> then = expression(c.getThenExpr());
            Optional<Expr> otherwise = expression(c.getElseExpr());
            if (cond.isPresent() && then.isPresent() && otherwise.isPresent()) {
                out = new Expr.Conditional(cond.get(), then.get(), otherwise.get());
            }
        } else if (e instanceof AssignExpr a) {
            Optional<Expr> target = expression(a.getTarget());
            Optional<Expr> value = expression(a.getValue());
            if (target.isPresent() && value.isPresent()) {
                out = new Expr.Assign(target.get(), a.getOperator().asString(), value.get());
            }
        } else if (e instanceof EnclosedExpr p) {
            out = expression(p.getInner()).map(Expr.Paren::new).orElse(null);
        } else if (e instanceof ArrayCreationExpr n) {
            List<Expression> dims = new ArrayList<>();
            int open = 0;
            for (var level : n.getLevels()) {
                if (level.getDimension().isPresent()) {
                    dims.add(level.getDimension().get());
                } else {
                    open++;
                }
            }
            Optional<List<Expr>> ds = all(dims);
            Optional<List<Expr>> init = n.getInitializer().isEmpty()
                    ? Optional.empty()
                    : all(n.getInitializer().get().getValues());
            if (ds.isPresent()
                    && init.isPresent() == n.getInitializer().isPresent()
                    && !(n.getElementType() instanceof ArrayType)) {
                out = new Expr.NewArray(n.getElementType().toString(), ds.get(), open, init.orElse(null));
            }
        } else if (e instanceof ObjectCreationExpr n
                && n.getScope().isEmpty()
                && n.getAnonymousClassBody().isEmpty()
                && n.getTypeArguments().isEmpty()) {
            out = all(n.getArguments())
                    .map(args -> new Expr.New(n.getType().toString(), args))
                    .orElse(null);
        }
        return Optional.ofNullable(out);
    }

    /** {@code AdjointStacks.push(values, top++, value)} as a push; any other call as a call. */
    private static Expr push(Expr target, String name, List<Expr> args) {
        if (name.equals("push")
                && target != null
                && target.toString().equals(Printer.STACKS)
                && args.size() == 3
                && args.get(0) instanceof Expr.Name values
                && args.get(1) instanceof Expr.Postfix p
                && p.op().equals("++")
                && p.operand() instanceof Expr.Name top) {
            return new Expr.Push(values.id(), top.id(), args.get(2));
        }
        return new Expr.Call(target, name, args);
    }

    private static Optional<List<Expr>> all(List<? extends Expression> es) {
        List<Expr> out = new ArrayList<>();
        for (Expression x : es) {
            Optional<Expr> e = expression(x);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            out.add(e.get());
        }
        return Optional.of(out);
    }
}
