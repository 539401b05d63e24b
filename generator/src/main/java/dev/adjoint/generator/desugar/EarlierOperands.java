package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operands Java evaluates before an expression that is to run first ({@link SwitchHoisting}'s
 * switch), computed first into fresh locals, in Java's order (JLS 15.7: left operand before right,
 * arguments left to right, an array before its index, an assignment's target before its value),
 * where the expression would change what they read:
 *
 * <pre>
 * y = a * switch (k) { case 0 -> { a = 2; yield a; } ... };     double before0 = a;
 *                                                                double switched0 = switch ...;
 *                                                                y = before0 * switched0;
 * s += switch (k) { case 0 -> { s = 1; yield x; } ... };         double before0 = s; ...; s = before0 + switched0;
 * v[i] *= switch (k) { ... i++ ... };                           int before0 = i; double before1 = v[before0]; ...
 *                                                                v[before0] = before1 * switched0;
 * </pre>
 *
 * A compound assignment whose target the expression changes becomes the plain assignment it means
 * ({@code s = (T) (s op (value))}, JLS 15.26.2, the cast only where the value is wider). Only
 * operands whose type {@link SwitchTypes} tells, with no update of their own; anything else (an
 * array variable the expression assigns again, a call of unknown type before it) gives empty, and
 * nothing is changed.
 */
final class EarlierOperands {
    /** The types a local of a spilled operand may have. */
    private static final Set<String> PRIMITIVE =
            Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

    private final Rewriter rw;
    private final SwitchTypes types;

    EarlierOperands(Rewriter rw, SwitchTypes types) {
        this.rw = rw;
        this.types = types;
    }

    /** One operand to compute first: into a local of {@code type}. */
    private record Spill(Expression operand, String type) {}

    /**
     * The declarations computing, before {@code first} runs, the operands of {@code root} Java
     * evaluates before it that it may change ({@code changed}: the variables it assigns or hands to
     * a method); the operands in the tree replaced by the locals. Empty when that cannot be done.
     */
    Optional<List<Statement>> spill(Expression first, Expression root, Set<String> changed, Statement at) {
        List<Node> path = new ArrayList<>();
        for (Node n = first; n != root; n = n.getParentNode().orElseThrow()) {
            path.add(0, n);
        }
        List<Spill> spills = new ArrayList<>();
        AssignExpr compound = null;
        Node parent = root;
        for (Node child : path) {
            List<Expression> earlier = new ArrayList<>();
            if (parent instanceof AssignExpr a) {
                // an assignment's target: its array and indices, then (compound) the value it reads
                Expression target = a.getTarget();
                for (Expression t = target; t instanceof ArrayAccessExpr e; t = e.getName()) {
                    earlier.add(0, e.getIndex());
                    if (e.getName() instanceof NameExpr array && reassigns(first, array.getNameAsString())) {
                        return Optional.empty();
                    }
                }
                if (!(target instanceof NameExpr) && !(target instanceof ArrayAccessExpr)) {
                    return Optional.empty();
                }
                if (a.getOperator() != AssignExpr.Operator.ASSIGN
                        && variable(target).filter(changed::contains).isPresent()) {
                    if (binary(a.getOperator()).isEmpty()) {
                        return Optional.empty();
                    }
                    compound = a;
                }
            } else if (!earlierSiblings(parent, child, earlier)) {
                return Optional.empty();
            }
            for (Expression e : earlier) {
                if (e.findFirst(Node.class, n -> EvaluationOrder.isEffect(n) || n instanceof SwitchExpr)
                        .isPresent()) {
                    return Optional.empty(); // an update or a switch not lowered: left for the fence
                }
                if (e instanceof NameExpr n
                        && rw.typeOf(n).map(t -> t.getArrayLevel() > 0).orElse(false)
                        && reassigns(first, n.getNameAsString())) {
                    return Optional.empty(); // Java read the array the variable named before an arm replaced it
                }
                if (needed(e, changed)) {
                    Optional<String> t = types.resultType(e).filter(PRIMITIVE::contains);
                    if (t.isEmpty()) {
                        return Optional.empty();
                    }
                    spills.add(new Spill(e, t.get()));
                }
            }
            parent = child;
        }
        String compoundType = null;
        if (compound != null) {
            Optional<String> t = types.resultType(compound.getTarget())
                    .filter(PRIMITIVE::contains)
                    .filter(x -> !x.equals("boolean"));
            if (t.isEmpty()) {
                return Optional.empty();
            }
            compoundType = t.get();
        }
        List<Statement> out = new ArrayList<>();
        for (Spill sp : spills) {
            String name = rw.fresh("before");
            out.add(rw.statement(
                    sp.type() + " #t# = $e;", Map.of("#t#", name), Map.of("$e", sp.operand()), sp.operand()));
            NameExpr local = new NameExpr(name);
            sp.operand().getRange().ifPresent(local::setRange);
            sp.operand().replace(local);
        }
        if (compound != null) {
            String name = rw.fresh("before");
            out.add(rw.statement(
                    compoundType + " #t# = $e;", Map.of("#t#", name), Map.of("$e", compound.getTarget()), compound));
            plain(compound, name, compoundType);
        }
        return Optional.of(out);
    }

    /** {@code t op= v} as {@code t = (T) (old op (v))}, {@code old} the target's value read before {@code v}. */
    private void plain(AssignExpr a, String old, String type) {
        Expression value = a.getValue();
        a.setValue(new NameExpr(old)); // (detaches the value, to move it under the operator)
        BinaryExpr op = new BinaryExpr(
                new NameExpr(old),
                new EnclosedExpr(value),
                binary(a.getOperator()).orElseThrow());
        Optional<String> wide = types.resultType(op);
        Expression stored = wide.filter(type::equals).isPresent()
                ? op
                : new CastExpr(SwitchTypes.primitive(type), new EnclosedExpr(op));
        a.getRange().ifPresent(r -> stored.walk(n -> n.setRange(n.getRange().orElse(r))));
        a.setValue(stored);
        a.setOperator(AssignExpr.Operator.ASSIGN);
    }

    /** The operator a compound assignment applies. */
    private static Optional<BinaryExpr.Operator> binary(AssignExpr.Operator o) {
        return switch (o) {
            case PLUS -> Optional.of(BinaryExpr.Operator.PLUS);
            case MINUS -> Optional.of(BinaryExpr.Operator.MINUS);
            case MULTIPLY -> Optional.of(BinaryExpr.Operator.MULTIPLY);
            case DIVIDE -> Optional.of(BinaryExpr.Operator.DIVIDE);
            case REMAINDER -> Optional.of(BinaryExpr.Operator.REMAINDER);
            default -> Optional.empty();
        };
    }

    /**
     * The children of {@code parent} Java evaluates before {@code child}, into {@code out}; false
     * where this class does not know the order.
     */
    private static boolean earlierSiblings(Node parent, Node child, List<Expression> out) {
        if (parent instanceof BinaryExpr b) {
            if (b.getRight() == child) {
                out.add(b.getLeft());
            }
            return true;
        }
        if (parent instanceof MethodCallExpr m) {
            m.getScope()
                    .filter(sc -> !(sc instanceof NameExpr n && SwitchHoisting.isScope(n)))
                    .ifPresent(out::add);
            for (Expression a : m.getArguments()) {
                if (a == child) {
                    break;
                }
                out.add(a);
            }
            return true;
        }
        if (parent instanceof ArrayAccessExpr a) {
            if (a.getIndex() == child) {
                out.add(a.getName());
            }
            return true;
        }
        return parent instanceof EnclosedExpr
                || parent instanceof CastExpr
                || parent instanceof UnaryExpr
                || parent instanceof ConditionalExpr c && c.getCondition() == child
                || parent instanceof SwitchExpr sx && sx.getSelector() == child
                || parent instanceof VariableDeclarationExpr
                || parent instanceof VariableDeclarator;
    }

    /**
     * Whether {@code e}, evaluated before, must be computed first: it calls a method (which may write
     * what the switch reads: it keeps its place), or reads a variable the switch changes (an array
     * element of an array it writes; an array reference only when the array variable is assigned,
     * which {@link #spill} refuses).
     */
    private boolean needed(Expression e, Set<String> changed) {
        if (e.isLiteralExpr()) {
            return false;
        }
        if (e instanceof NameExpr n
                && rw.typeOf(n).map(t -> t.getArrayLevel() > 0).orElse(false)) {
            return false; // the reference: its elements are read after, as Java reads them
        }
        return e.findFirst(MethodCallExpr.class, m -> !types.isMath(m)).isPresent()
                || e.findAll(NameExpr.class).stream()
                        .anyMatch(n -> !SwitchHoisting.isScope(n) && changed.contains(n.getNameAsString()));
    }

    /** Whether {@code e} assigns the variable {@code name} itself (not only its elements). */
    private static boolean reassigns(Expression e, String name) {
        return e.findFirst(
                        Node.class,
                        n -> EvaluationOrder.isEffect(n)
                                && EvaluationOrder.place((Expression) n) instanceof NameExpr v
                                && v.getNameAsString().equals(name))
                .isPresent();
    }

    /** The variable a target names: itself, or the array of its element. */
    private static Optional<String> variable(Expression target) {
        Expression t = target;
        while (t instanceof ArrayAccessExpr a) {
            t = a.getName();
        }
        return t instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }

    /** Collects, in Java's left-to-right order, the nodes of {@code n} evaluated before {@code target}; true once it is reached. */
    static boolean walkBefore(Node n, Node target, List<Node> out) {
        if (n == target) {
            return true;
        }
        if (!target.isDescendantOf(n)) {
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
}
