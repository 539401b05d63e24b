package dev.adjoint.generator.fence;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a method body against the allow-list of the normalized form, which both strategies read:
 * for the static strategy ({@link #check}) or, in the tape's words, for the tape ({@link
 * #checkForTape}), which also reports a local of a type it cannot keep once, at its declaration,
 * and lets a thrown exception's arguments create exceptions of their own.
 */
public final class Fence {
    private static final Set<Class<? extends Node>> STRUCTURAL = Set.of(
            SimpleName.class,
            VariableDeclarator.class,
            PrimitiveType.class,
            ArrayType.class,
            Modifier.class,
            com.github.javaparser.ast.expr.Name.class);

    private final MethodRequest request;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Whether the tape asks ({@link #checkForTape}). */
    private final boolean tape;
    /** What the tape reports in words of its own, or skips (null for the static strategy). */
    private final TapeWords tapeWords;

    private Fence(MethodRequest request, boolean tape) {
        this.request = request;
        this.tape = tape;
        this.tapeWords = tape ? new TapeWords(request, diagnostics) : null;
    }

    /** Every unsupported construct of the method's body, one diagnostic each (not their children). */
    public static List<Diagnostic> check(MethodRequest request) {
        return check(request, false);
    }

    /** As {@link #check}, for the tape strategy, in its words. */
    public static List<Diagnostic> checkForTape(MethodRequest request) {
        return check(request, true);
    }

    private static List<Diagnostic> check(MethodRequest request, boolean tape) {
        Fence f = new Fence(request, tape);
        BlockStmt body = request.declaration().getBody().orElseThrow();
        request.declaration().getParameters().stream()
                .filter(p -> p.getNameAsString().equals("Math"))
                .forEach(p -> f.reject(
                        p,
                        "a parameter named 'Math'",
                        "it would hide java.lang.Math in the generated code",
                        "rename it"));
        body.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals("Math"))
                .forEach(v -> f.reject(
                        v, "a local named 'Math'", "it would hide java.lang.Math in the generated code", "rename it"));
        NameClashes.unqualifiable(request)
                .ifPresent(v -> f.diagnostics.add(
                        Positions.error(request.file(), v, NameClashes.unqualifiableMessage(request))));
        body.getStatements().forEach(f::visit);
        return List.copyOf(f.diagnostics);
    }

    private void visit(Node n) {
        if (STRUCTURAL.contains(n.getClass()) || tape && tapeWords.handled(n)) {
            return;
        }
        if (n instanceof BlockStmt
                || n instanceof EmptyStmt
                || n instanceof ExpressionStmt
                || n instanceof EnclosedExpr
                || n instanceof NameExpr
                || n instanceof IntegerLiteralExpr
                || n instanceof LongLiteralExpr
                || n instanceof DoubleLiteralExpr
                || n instanceof BooleanLiteralExpr
                || n instanceof CharLiteralExpr
                || n instanceof StringLiteralExpr
                || n instanceof ConditionalExpr
                || n instanceof ArrayAccessExpr) {
            visitChildren(n);
        } else if (n instanceof ReturnStmt r) {
            if (r.getExpression().isEmpty()) {
                reject(
                        n,
                        "'return;' without a value",
                        "the method's result is what is differentiated",
                        "return an expression");
            }
            visitChildren(n);
        } else if (n instanceof IfStmt
                || n instanceof ForStmt
                || n instanceof WhileStmt
                || n instanceof DoStmt
                || n instanceof ForEachStmt
                || n instanceof ArrayCreationExpr
                || n instanceof ArrayCreationLevel) {
            visitChildren(n);
        } else if (n instanceof ThrowStmt t) {
            visitThrow(t);
        } else if (n instanceof AssertStmt a) {
            message(a.getCheck());
            a.getMessage().ifPresent(this::message);
        } else if (n instanceof BreakStmt || n instanceof ContinueStmt) {
            return; // a label names a loop: the only statements a label may be on
        } else if (n instanceof LabeledStmt l
                && (l.getStatement() instanceof ForStmt
                        || l.getStatement() instanceof WhileStmt
                        || l.getStatement() instanceof DoStmt
                        || l.getStatement() instanceof ForEachStmt)) {
            visit(l.getStatement());
        } else if (n instanceof VariableDeclarationExpr v) {
            v.getVariables().stream()
                    .filter(d -> !tape || !tapeWords.unkept(d))
                    .forEach(d -> d.getInitializer().ifPresent(this::visit));
        } else if (n instanceof AssignExpr a) {
            if (!(a.getTarget() instanceof NameExpr) && !(a.getTarget() instanceof ArrayAccessExpr)) {
                reject(
                        a,
                        "assignment to '" + Positions.oneLine(a.getTarget()) + "'",
                        "only local variables, parameters and array elements can be assigned",
                        "compute into a local variable");
                return;
            }
            if (!isStatementLike(a)) {
                reject(
                        a,
                        "assignment inside an expression",
                        "each assignment must be a statement of its own",
                        "move the assignment to its own statement");
                return;
            }
            visit(a.getTarget());
            visit(a.getValue());
        } else if (n instanceof UnaryExpr u) {
            boolean incDec = Updates.isUpdate(u.getOperator());
            if (incDec && !isStatementLike(u)) {
                reject(
                        u,
                        "'" + u.getOperator().asString() + "' inside an expression",
                        "each update must be a statement of its own",
                        "move it to its own statement");
                return;
            }
            visitChildren(n);
        } else if (n instanceof BinaryExpr b
                && dev.adjoint.generator.parse.NullChecks.of(b).isPresent()) {
            visit(dev.adjoint.generator.parse.NullChecks.of(b)
                    .get()); // 'w == null': whether an array was passed, a value without derivative
        } else if (n instanceof BinaryExpr) {
            visitChildren(
                    n); // (bitwise and shift operators take integers and booleans only: values without derivative)
        } else if (n instanceof CastExpr c) {
            if (!(c.getType() instanceof PrimitiveType)) {
                reject(
                        c,
                        "cast to " + c.getType(),
                        "only casts between primitive numeric types are supported",
                        "use double or float values");
                return;
            }
            visit(c.getExpression());
        } else if (n instanceof FieldAccessExpr f) {
            String text = f.toString();
            if (!(f.getNameAsString().equals("length")
                    || Set.of("Math.PI", "Math.E", "java.lang.Math.PI", "java.lang.Math.E")
                            .contains(text)
                    || dev.adjoint.generator.normalize.NumberConstants.type(f).isPresent()
                    || Calls.isLogLevel(f)
                    || (f.getScope() instanceof NameExpr s
                            && request.ownerPath().contains(s.getNameAsString())
                            && request.staticFields().containsKey(f.getNameAsString()))
                    || request.declaration()
                            .findCompilationUnit()
                            .flatMap(u -> dev.adjoint.generator.select.ClassNames.enumConstant(f, u))
                            .isPresent())) {
                reject(
                        f,
                        "field access '" + text + "'",
                        (tape ? "the tape strategy" : "the static strategy") + " reads only parameters, locals, "
                                + "Math.PI, Math.E, .length, static fields of the method's own class and constants of enums",
                        "pass the value as a parameter");
                return;
            }
            if (f.getNameAsString().equals("length")) {
                visit(f.getScope());
            }
        } else if (n instanceof MethodCallExpr m) {
            visitCall(m);
        } else if (n instanceof ObjectCreationExpr o && dev.adjoint.generator.select.ValueTypes.isRandomCreation(o)) {
            o.getArguments().forEach(this::visit); // a Random local's seed (the shared fence checks where it stands)
        } else {
            rejectConstruct(n);
        }
    }

    /**
     * {@code throw new E(...)}: run as written in the forward sweep. Only a new exception, and only
     * where the method declares none (so it is unchecked, as the adjoint, which declares none either, needs).
     */
    private void visitThrow(ThrowStmt t) {
        if (tape && tapeWords.handled(t.getExpression())) {
            return;
        }
        if (t.getExpression() instanceof MethodCallExpr call) {
            visitCall(call); // an exception a helper makes (its arguments are read as values, as a new exception's are)
            return;
        }
        if (!(t.getExpression() instanceof ObjectCreationExpr e)
                || e.getAnonymousClassBody().isPresent()
                || e.getScope().isPresent()) {
            reject(
                    t,
                    "'throw " + Positions.oneLine(t.getExpression()) + "'",
                    (tape ? "the tape strategy" : "the static strategy") + " throws only a new exception",
                    "write 'throw new IllegalArgumentException(...)' or another unchecked exception");
            return;
        }
        e.getArguments().forEach(this::message);
    }

    /** An exception's or assertion's argument: the supported expressions, and strings joined with {@code +}. */
    private void message(Node n) {
        if (n instanceof StringLiteralExpr || n instanceof CharLiteralExpr || n instanceof TextBlockLiteralExpr) {
            return;
        }
        if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            message(b.getLeft());
            message(b.getRight());
        } else if (n instanceof EnclosedExpr e) {
            message(e.getInner());
        } else if (tape && TapeWords.plainCreation(n)) {
            // the cause of a thrown exception (new UncheckedIOException(new IOException("zero"))): copied, qualified
            ((ObjectCreationExpr) n).getArguments().forEach(this::message);
        } else {
            visit(n);
        }
    }

    private void visitCall(MethodCallExpr m) {
        if (Calls.isPrint(m) || Calls.isLogCheck(m)) {
            // output only, run where the method runs it; LOG.isLoggable(Level.FINE), a value without derivative
            m.getArguments().forEach(this::message);
            return;
        }
        String scope = m.getScope().map(Node::toString).orElse("");
        String name = m.getNameAsString();
        boolean math = DerivativeRules.isMathClass(scope) || (scope.isEmpty() && request.importsMathMethod(name));
        boolean detach = name.equals("detach") && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"));
        if (detach && m.getArguments().size() == 1) {
            visit(m.getArgument(0));
            return;
        }
        if (math && DerivativeRules.isMathFunction(name, m.getArguments().size())) {
            m.getArguments().forEach(this::visit);
            return;
        }
        if (math) {
            reject(
                    m,
                    "call to " + DerivativeRules.family(scope) + "." + name + "(...)",
                    MathWithoutRule.why(DerivativeRules.family(scope), name, m),
                    MathWithoutRule.todo(name, m));
            return;
        }
        if (m.getScope().isPresent() && m.getScope().get() instanceof MethodCallExpr inner) {
            visit(inner); // m.name().equals("FAST"): a call on a String or enum value, settled when lowered
        } else if (m.getScope().isPresent()
                && !(m.getScope().get() instanceof NameExpr || m.getScope().get() instanceof FieldAccessExpr)) {
            reject(
                    m,
                    "call to " + name + "(...) on an expression",
                    "only static methods can be called",
                    "call a static method by its class name");
            return;
        }
        // which method it is (another adjoint, or a constant) is settled when the call is lowered
        m.getArguments().forEach(this::visit);
    }

    private void rejectConstruct(Node n) {
        if (n instanceof com.github.javaparser.ast.expr.SwitchExpr && SharedFence.insideExpression(n)) {
            diagnostics.add(Positions.error(request.file(), n, SharedFence.SWITCH_INSIDE_EXPRESSION));
            return;
        }
        String kind = n.getClass().getSimpleName().replaceAll("(Stmt|Expr)$", "");
        String construct = switch (kind) {
            case "For", "ForEach", "While", "Do" ->
                "loop ('" + kind.toLowerCase().replace("foreach", "for-each") + "')";
            case "Switch" -> "'switch' statement";
            case "Try" -> "'try' statement";
            case "Throw" -> "'throw' statement";
            case "Synchronized" -> "'synchronized' block";
            case "Lambda" -> "lambda expression";
            case "MethodReference" -> "method reference";
            case "ObjectCreation" -> "'new' object creation";
            case "ArrayCreation", "ArrayInitializer" ->
                TapeWords.rowsOfArrays(n) ? "matrix made of arrays '" + n + "'" : "array creation";
            case "StringLiteral", "TextBlockLiteral" -> "string literal";
            case "CharLiteral" -> "char literal";
            case "Break", "Continue" -> "labelled '" + kind.toLowerCase() + "'";
            case "Labeled" -> "label on a statement that is not a loop";
            case "LocalClassDeclaration", "LocalRecordDeclaration" -> "local class";
            case "InstanceOf" -> "'instanceof'";
            case "This", "Super" -> "'" + kind.toLowerCase() + "'";
            case "NullLiteral" -> "'null'";
            default -> kind + " construct";
        };
        // (whether AUTO then takes the tape is the strategy chooser's to say: the tape may reject the line too)
        String todo = switch (kind) {
            case "Switch" ->
                "Adjoint rewrites a switch over an int, short, byte, char, String or enum variable, and a switch"
                        + " expression that is declared, assigned or returned, into if/else; assign the selector or the switch"
                        + " expression to a local first, or write it as if/else";
            case "Try" -> TRY_TODO;
            case "Labeled" ->
                "a label on a block is taken unless the block holds a plain break or continue of a loop around"
                        + " it; label that loop and write 'break outer;' or 'continue outer;'";
            default -> TapeWords.todo(n);
        };
        if (tape) {
            diagnostics.add(Positions.error(request.file(), n, TapeWords.construct(n, construct, todo)));
        } else {
            reject(n, construct, "not supported by the static strategy", todo);
        }
    }

    /** What to do instead of a {@code try} in a differentiated method (the tape's error says it too). */
    public static final String TRY_TODO =
            "an exception caught inside the method would leave its gradient half computed:"
                    + " catch it where the method is called (around the call of its Grad or Vjp), or let the method throw (a guard"
                    + " that throws is supported, and the adjoint throws where the method does)";

    private void reject(Node n, String construct, String why, String todo) {
        diagnostics.add(Positions.error(request.file(), n, construct + " is not supported: " + why + "; " + todo));
    }

    /** An expression statement, or a for loop's initialization or update. */
    private static boolean isStatementLike(Node e) {
        Node p = e.getParentNode().orElse(null);
        return p instanceof ExpressionStmt || p instanceof ForStmt;
    }

    private void visitChildren(Node n) {
        for (Node c : n.getChildNodes()) {
            visit(c);
        }
    }
}
