package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code switch} expression inside a larger expression ({@code x + switch (k) {...}}, an
 * argument, {@code return 2 * switch ...}, an {@code if}'s condition) as a fresh local declared by
 * the switch just before the statement, which {@link Switches} then lowers:
 *
 * <pre>
 * s += w[0] * switch (k) { case 0 -> x; default -> 2; };      double switched0 = switch (k) { ... };
 *                                                               s += w[0] * switched0;
 * </pre>
 *
 * Java evaluates what stands before the switch first ({@code s}, {@code w[0]}); the local runs the
 * switch before them instead, which means the same only when they change nothing (no update, no
 * call but {@code Math}'s) and the switch changes nothing they read (it assigns no variable they
 * name and hands none to a method). The switch must run whenever the statement does: not under
 * {@code &&}, {@code ||}, {@code ?:}, inside a case of another switch or in a loop's condition. The
 * local's type is the switch's (JLS 15.28.1: the numeric promotion of its results) as far as the
 * results' own types tell it. Otherwise the statement is left as written, for the fences to reject.
 * The same typing writes out the type of {@code var r = switch ...}.
 */
final class SwitchHoisting {
    /** The numeric types a switch's results promote to, narrowest first. */
    private static final List<String> PROMOTED = List.of("int", "long", "float", "double");
    /** {@code Math} functions whose result is {@code double} whatever their arguments. */
    private static final Set<String> DOUBLE_RESULT = Set.of(
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "atan2",
            "exp",
            "expm1",
            "log",
            "log10",
            "log1p",
            "sqrt",
            "cbrt",
            "pow",
            "sinh",
            "cosh",
            "tanh",
            "hypot",
            "floor",
            "ceil",
            "rint",
            "toRadians",
            "toDegrees");
    /** {@code Math} functions whose result has the promoted type of their arguments. */
    private static final Set<String> ARGUMENT_RESULT = Set.of("abs", "max", "min", "signum", "copySign", "fma");

    private final Rewriter rw;
    private final Overloads types;
    private final Switches switches;

    SwitchHoisting(Rewriter rw, Overloads types, Switches switches) {
        this.rw = rw;
        this.types = types;
        this.switches = switches;
    }

    /** The statements {@code s} stands for, or empty when it holds no switch expression this class moves. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1
                && v.getVariables().get(0).getType().isVarType()
                && v.getVariables().get(0).getInitializer().orElse(null) instanceof SwitchExpr sx
                && switches.lowerable(sx)) {
            Optional<PrimitiveType> t = type(sx).map(SwitchHoisting::primitive);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            t.get().setRange(v.getVariables().get(0).getType().getRange().orElse(null));
            v.getVariables().get(0).setType(t.get());
            return Optional.of(List.of(s));
        }
        Optional<Expression> evaluated = evaluatedFirst(s);
        if (evaluated.isEmpty()) {
            return Optional.empty();
        }
        for (SwitchExpr sx : evaluated.get().findAll(SwitchExpr.class)) {
            if (inStatementPosition(sx, s)
                    || !switches.lowerable(sx)
                    || mayNotRun(sx, s)
                    || !orderKept(sx, evaluated.get())) {
                continue;
            }
            Optional<String> t = type(sx);
            if (t.isEmpty()) {
                continue;
            }
            NameExpr local = new NameExpr(rw.fresh("switched"));
            sx.getRange().ifPresent(r -> {
                local.setRange(r);
                local.getName().setRange(r);
            });
            sx.replace(local);
            VariableDeclarator d = new VariableDeclarator(primitive(t.get()), local.getNameAsString(), sx);
            VariableDeclarationExpr declaration = new VariableDeclarationExpr(d);
            ExpressionStmt declared = new ExpressionStmt(declaration);
            sx.getRange()
                    .ifPresent(r -> declared.walk(n -> n.setRange(n.getRange().orElse(r))));
            return Optional.of(List.of(declared, s));
        }
        return Optional.empty();
    }

    /** What {@code s} evaluates before anything else it does: an expression statement's expression, a return's value, an if's condition. */
    private static Optional<Expression> evaluatedFirst(Statement s) {
        if (s instanceof ExpressionStmt es) {
            return es.getExpression() instanceof VariableDeclarationExpr v
                            && v.getVariables().size() != 1
                    ? Optional.empty()
                    : Optional.of(es.getExpression()); // (a second declarator may read the first)
        }
        if (s instanceof ReturnStmt r) {
            return r.getExpression();
        }
        return s instanceof IfStmt i ? Optional.of(i.getCondition()) : Optional.empty();
    }

    /** A switch that is the whole value of a declaration, an assignment or a return: {@link Switches}' own. */
    private static boolean inStatementPosition(SwitchExpr sx, Statement s) {
        Node p = sx.getParentNode().orElse(null);
        return p == s && s instanceof ReturnStmt
                || p instanceof VariableDeclarator
                        && p.getParentNode().flatMap(Node::getParentNode).orElse(null) == s
                || p instanceof AssignExpr a
                        && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && a.getParentNode().orElse(null) == s;
    }

    /** Whether the statement may run without running {@code sx}: under a short-circuit, a {@code ?:} branch, another switch's case, a lambda. */
    private static boolean mayNotRun(SwitchExpr sx, Statement s) {
        if (EvaluationOrder.conditional(sx, s)) {
            return true;
        }
        Node child = sx;
        for (Node p = sx.getParentNode().orElse(null);
                p != null && p != s;
                child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof Statement
                    || p instanceof SwitchEntry
                    || p instanceof LambdaExpr
                    || p instanceof SwitchExpr outer && outer.getSelector() != child) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether running {@code sx} first keeps the meaning of {@code root}: what Java evaluates before
     * it there changes nothing, and it changes nothing that is read there.
     */
    private boolean orderKept(SwitchExpr sx, Expression root) {
        List<Node> before = new ArrayList<>();
        walkBefore(root, sx, before);
        Set<String> read = new HashSet<>();
        for (Node n : before) {
            if (EvaluationOrder.isEffect(n) || n instanceof MethodCallExpr m && !isMath(m) || n instanceof SwitchExpr) {
                return false;
            }
            if (n instanceof NameExpr name && !isScope(name)) {
                read.add(name.getNameAsString());
            }
        }
        Set<String> changed = new HashSet<>();
        for (Node n : sx.findAll(Node.class)) {
            if (EvaluationOrder.isEffect(n)) {
                EvaluationOrder.variable((Expression) n).ifPresent(v -> changed.add(v.getNameAsString()));
            } else if (n instanceof MethodCallExpr m && !isMath(m)) {
                // a method can change only the arrays it is handed (numbers go by value)
                m.getArguments()
                        .forEach(a -> a.findAll(NameExpr.class).stream()
                                .filter(v -> !isScope(v)
                                        && rw.typeOf(v)
                                                .map(t -> t.getArrayLevel() > 0)
                                                .orElse(true))
                                .forEach(v -> changed.add(v.getNameAsString())));
            }
        }
        changed.retainAll(read);
        return changed.isEmpty();
    }

    /** Collects, in Java's left-to-right order, the nodes of {@code n} evaluated before {@code target}; true once it is reached. */
    private static boolean walkBefore(Node n, Node target, List<Node> out) {
        if (n == target) {
            return true;
        }
        boolean around = target.isDescendantOf(n);
        if (!around) {
            out.addAll(n.findAll(Node.class));
            return false;
        }
        for (Node c : n.getChildNodes()) {
            if (walkBefore(c, target, out)) {
                return true;
            }
        }
        return false;
    }

    /** A class name before a call or a field ({@code Math} in {@code Math.max(a, b)}), not a variable. */
    private static boolean isScope(NameExpr n) {
        return n.getParentNode()
                .filter(p -> p instanceof MethodCallExpr m
                                && m.getScope().filter(sc -> sc == n).isPresent()
                        || p instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope() == n)
                .isPresent();
    }

    private static boolean isMath(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return scope.equals("Math")
                || scope.equals("StrictMath")
                || scope.equals("java.lang.Math")
                || scope.equals("java.lang.StrictMath");
    }

    /** The type of {@code sx}, from its results' types: empty where they do not tell it. */
    Optional<String> type(SwitchExpr sx) {
        List<Expression> results = new ArrayList<>();
        for (SwitchEntry e : sx.getEntries()) {
            Statement only = e.getStatements().get(0);
            if (e.getType() == SwitchEntry.Type.EXPRESSION) {
                results.add(((ExpressionStmt) only).getExpression());
            } else if (e.getType() == SwitchEntry.Type.BLOCK) {
                BlockStmt b = (BlockStmt) only;
                results.add(((YieldStmt) b.getStatements().get(b.getStatements().size() - 1)).getExpression());
            }
        }
        List<Optional<String>> each = results.stream().map(this::resultType).toList();
        if (!each.isEmpty()
                && each.stream().allMatch(t -> t.filter("boolean"::equals).isPresent())) {
            return Optional.of("boolean");
        }
        if (each.isEmpty()
                || each.stream()
                        .anyMatch(t -> t.filter(x -> !PROMOTED.contains(x)
                                        && !x.equals("byte")
                                        && !x.equals("short")
                                        && !x.equals("char"))
                                .isPresent())) {
            return Optional.empty();
        }
        if (each.stream().anyMatch(Optional::isEmpty)) {
            // any double result makes the switch double, whatever the others are
            return each.stream().anyMatch(t -> t.filter("double"::equals).isPresent())
                    ? Optional.of("double")
                    : Optional.empty();
        }
        List<String> known = each.stream().map(Optional::get).distinct().toList();
        if (known.size() == 1) {
            return Optional.of(known.get(0));
        }
        // byte, short and char mixed with others follow rules on constants (JLS 15.28.1): not guessed
        return known.stream().allMatch(PROMOTED::contains)
                ? known.stream().reduce(SwitchHoisting::wider)
                : Optional.empty();
    }

    /** The static type of a result, for the forms numeric code yields; empty where it cannot tell. */
    private Optional<String> resultType(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return resultType(en.getInner());
        }
        if (e instanceof SwitchExpr inner) {
            return type(inner);
        }
        if (e instanceof ConditionalExpr c) {
            return resultType(c.getThenExpr())
                    .flatMap(a -> resultType(c.getElseExpr()).flatMap(b -> numeric(a, b)));
        }
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            return resultType(u.getExpression()).flatMap(a -> numeric(a, "int"));
        }
        if (e instanceof BinaryExpr b
                && switch (b.getOperator()) {
                    case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> true;
                    default -> false;
                }) {
            Optional<String> l = resultType(b.getLeft());
            Optional<String> r = resultType(b.getRight());
            if (l.filter("double"::equals).isPresent()
                    || r.filter("double"::equals).isPresent()) {
                return Optional.of("double"); // a double operand makes the operation double, whatever the other number
            }
            return l.flatMap(x -> r.flatMap(y -> numeric(x, y)));
        }
        if (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                && f.getScope() instanceof NameExpr m
                && (m.getNameAsString().equals("Math") || m.getNameAsString().equals("StrictMath"))
                && (f.getNameAsString().equals("PI") || f.getNameAsString().equals("E"))) {
            return Optional.of("double");
        }
        if (e instanceof MethodCallExpr m && isMath(m)) {
            if (DOUBLE_RESULT.contains(m.getNameAsString())) {
                return Optional.of("double");
            }
            if (ARGUMENT_RESULT.contains(m.getNameAsString())
                    && m.getArguments().isNonEmpty()) {
                Optional<String> t = Optional.of("int");
                for (Expression a : m.getArguments()) {
                    t = t.flatMap(x -> resultType(a).flatMap(y -> numeric(x, y)));
                }
                return t;
            }
            return Optional.empty();
        }
        return types.typeOf(e);
    }

    /** Binary numeric promotion (JLS 5.6) of two numeric types; empty for anything else. */
    private static Optional<String> numeric(String a, String b) {
        String pa = List.of("byte", "short", "char").contains(a) ? "int" : a;
        String pb = List.of("byte", "short", "char").contains(b) ? "int" : b;
        return PROMOTED.contains(pa) && PROMOTED.contains(pb) ? Optional.of(wider(pa, pb)) : Optional.empty();
    }

    private static String wider(String a, String b) {
        return PROMOTED.indexOf(a) >= PROMOTED.indexOf(b) ? a : b;
    }

    private static PrimitiveType primitive(String name) {
        return switch (name) {
            case "double" -> PrimitiveType.doubleType();
            case "float" -> PrimitiveType.floatType();
            case "long" -> PrimitiveType.longType();
            case "short" -> PrimitiveType.shortType();
            case "byte" -> PrimitiveType.byteType();
            case "char" -> PrimitiveType.charType();
            case "boolean" -> PrimitiveType.booleanType();
            default -> PrimitiveType.intType();
        };
    }
}
