package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code switch} expression inside a larger expression ({@code x + switch (k) {...}}, an
 * argument, an index, {@code return 2 * switch ...}, an {@code if}'s condition) as a fresh local
 * declared by the switch just before the statement, which {@link Switches} then lowers:
 *
 * <pre>
 * s += w[0] * switch (k) { case 0 -> x; default -> 2; };      double switched0 = switch (k) { ... };
 *                                                               s += w[0] * switched0;
 * </pre>
 *
 * Java evaluates what stands before the switch first ({@code s}, {@code w[0]}). Where that changes
 * nothing (no update, no call but {@code Math}'s) and the switch changes nothing it reads (assigns no
 * variable it names, hands none to a method), the switch may simply run first; otherwise those
 * operands are computed first into locals of their own ({@link EarlierOperands}), as Java computes
 * them. Under {@code &&}, {@code ||} or {@code ?:} the switch may not run at all: the outermost such
 * operator around it becomes the local instead, whose branches {@link ShortCircuits} then lowers.
 * A switch in another switch's case waits for that switch to be lowered. The local's type is the
 * switch's ({@link SwitchTypes}). Otherwise the statement is left as written, for the fences to
 * reject. The same typing writes out the type of {@code var r = switch ...}.
 */
final class SwitchHoisting {
    /** The types the local may have. */
    private static final Set<String> PRIMITIVE =
            Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

    private final Rewriter rw;
    private final SwitchTypes types;
    private final Switches switches;
    private final EarlierOperands earlier;

    SwitchHoisting(Rewriter rw, SwitchTypes types, Switches switches) {
        this.rw = rw;
        this.types = types;
        this.switches = switches;
        this.earlier = new EarlierOperands(rw, types);
    }

    /** The statements {@code s} stands for, or empty when it holds no switch expression this class moves. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1
                && v.getVariables().get(0).getType().isVarType()
                && v.getVariables().get(0).getInitializer().orElse(null) instanceof SwitchExpr sx
                && switches.lowerable(sx)) {
            Optional<PrimitiveType> t = types.type(sx).map(SwitchTypes::primitive);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            t.get().setRange(v.getVariables().get(0).getType().getRange().orElse(null));
            v.getVariables().get(0).setType(t.get());
            return Optional.of(List.of(s));
        }
        if (s instanceof ForStmt f
                && f.getUpdate().stream()
                        .anyMatch(u -> u.findFirst(SwitchExpr.class).isPresent())
                && !continued(f)) {
            // the update ends each trip, as statements of the body, where the switch can run first
            List<Statement> body = new ArrayList<>(Switches.flat(List.of(f.getBody())));
            for (Expression u : f.getUpdate()) {
                ExpressionStmt step = new ExpressionStmt(u.clone());
                u.getRange()
                        .ifPresent(r -> step.walk(n -> n.setRange(n.getRange().orElse(r))));
                body.add(step);
            }
            f.setBody(Switches.block(body, f.getBody()));
            f.getUpdate().clear();
            return Optional.of(List.of(f));
        }
        Optional<Expression> evaluated = evaluatedFirst(s);
        if (evaluated.isEmpty()) {
            return Optional.empty();
        }
        for (SwitchExpr sx : evaluated.get().findAll(SwitchExpr.class)) {
            if (inStatementPosition(sx, s) || !switches.lowerable(sx) || waits(sx, s)) {
                continue;
            }
            // under &&, || or ?:, the operator runs it or not: that operator is what runs first
            Expression hoisted = outermostConditional(sx, s).orElse(sx);
            if (hoisted != sx && inStatementPosition(hoisted, s)) {
                continue; // ShortCircuits' own
            }
            Optional<String> t = hoisted instanceof SwitchExpr h ? types.type(h) : types.resultType(hoisted);
            if (t.isEmpty() || !PRIMITIVE.contains(t.get())) {
                continue;
            }
            List<Statement> out = new ArrayList<>();
            if (!orderKept(hoisted, evaluated.get())) {
                Optional<List<Statement>> first = earlier.spill(hoisted, evaluated.get(), changed(hoisted), s);
                if (first.isEmpty()) {
                    continue;
                }
                out.addAll(first.get());
            }
            NameExpr local = new NameExpr(rw.fresh("switched"));
            hoisted.getRange().ifPresent(r -> {
                local.setRange(r);
                local.getName().setRange(r);
            });
            hoisted.replace(local);
            VariableDeclarator d =
                    new VariableDeclarator(SwitchTypes.primitive(t.get()), local.getNameAsString(), hoisted);
            ExpressionStmt declared = new ExpressionStmt(new VariableDeclarationExpr(d));
            hoisted.getRange()
                    .ifPresent(r -> declared.walk(n -> n.setRange(n.getRange().orElse(r))));
            out.add(declared);
            out.add(s);
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** Whether a {@code continue} in {@code f}'s body goes to its update. */
    private static boolean continued(ForStmt f) {
        String label = f.getParentNode().orElse(null) instanceof LabeledStmt l
                ? l.getLabel().asString()
                : null;
        for (ContinueStmt c : f.getBody().findAll(ContinueStmt.class)) {
            if (c.getLabel().isPresent()) {
                if (c.getLabel().get().asString().equals(label)) {
                    return true;
                }
                continue;
            }
            Node loop = c.getParentNode().orElse(null);
            while (loop != null
                    && !(loop instanceof ForStmt
                            || loop instanceof WhileStmt
                            || loop instanceof DoStmt
                            || loop instanceof ForEachStmt)) {
                loop = loop.getParentNode().orElse(null);
            }
            if (loop == f) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code s} evaluates before anything else it does: an expression statement's expression, a
     * return's value, an if's condition, a switch statement's selector.
     */
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
        if (s instanceof SwitchStmt sw) {
            return Optional.of(sw.getSelector());
        }
        return s instanceof IfStmt i ? Optional.of(i.getCondition()) : Optional.empty();
    }

    /**
     * Whether {@code e} is the whole value that {@link Switches} (a switch) or {@link ShortCircuits}
     * (an operator) lowers where it stands: of a declaration, an assignment to a variable (or, for a
     * switch, to an element that stays put), a return.
     */
    private static boolean inStatementPosition(Expression e, Statement s) {
        Node p = e.getParentNode().orElse(null);
        boolean operator = !(e instanceof SwitchExpr);
        if (p == s && s instanceof ReturnStmt) {
            return !operator || e instanceof ConditionalExpr;
        }
        if (p instanceof VariableDeclarator d
                && p.getParentNode().flatMap(Node::getParentNode).orElse(null) == s) {
            return !operator || !d.getType().isVarType();
        }
        return p instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getValue() == e
                && a.getParentNode().orElse(null) == s
                && (a.getTarget() instanceof NameExpr
                        || !operator
                                && a.getTarget() instanceof com.github.javaparser.ast.expr.ArrayAccessExpr element
                                && Switches.stableElement(element, (SwitchExpr) e));
    }

    /**
     * Whether {@code sx} must wait for something around it to be lowered first: a case of another
     * switch, a lambda's body.
     */
    private static boolean waits(SwitchExpr sx, Statement s) {
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

    /** The outermost {@code ?:} branch or right operand of {@code &&}/{@code ||} around {@code sx} in {@code s}, if any. */
    private static Optional<Expression> outermostConditional(SwitchExpr sx, Statement s) {
        Expression found = null;
        Node child = sx;
        for (Node p = sx.getParentNode().orElse(null);
                p != null && p != s;
                child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof ConditionalExpr c && c.getCondition() != child
                    || p instanceof BinaryExpr b
                            && b.getRight() == child
                            && (b.getOperator() == BinaryExpr.Operator.AND
                                    || b.getOperator() == BinaryExpr.Operator.OR)) {
                found = (Expression) p;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether running {@code hoisted} first keeps the meaning of {@code root}: what Java evaluates
     * before it there changes nothing, and it changes nothing that is read there.
     */
    private boolean orderKept(Expression hoisted, Expression root) {
        List<Node> before = new ArrayList<>();
        EarlierOperands.walkBefore(root, hoisted, before);
        Set<String> read = new HashSet<>();
        for (Node n : before) {
            if (EvaluationOrder.isEffect(n)
                    || n instanceof MethodCallExpr m && !types.isMath(m)
                    || n instanceof SwitchExpr) {
                return false;
            }
            if (n instanceof NameExpr name && !isScope(name)) {
                read.add(name.getNameAsString());
            }
        }
        Set<String> changed = changed(hoisted);
        changed.retainAll(read);
        return changed.isEmpty();
    }

    /** The variables {@code hoisted} may change: those it assigns, the arrays whose elements it stores or hands to a method. */
    private Set<String> changed(Expression hoisted) {
        Set<String> changed = new HashSet<>();
        for (Node n : hoisted.findAll(Node.class)) {
            if (EvaluationOrder.isEffect(n)) {
                EvaluationOrder.variable((Expression) n).ifPresent(v -> changed.add(v.getNameAsString()));
            } else if (n instanceof MethodCallExpr m && !types.isMath(m)) {
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
        return changed;
    }

    /** A class name before a call or a field ({@code Math} in {@code Math.max(a, b)}), not a variable. */
    static boolean isScope(NameExpr n) {
        return n.getParentNode()
                .filter(p -> p instanceof MethodCallExpr m
                                && m.getScope().filter(sc -> sc == n).isPresent()
                        || p instanceof FieldAccessExpr f && f.getScope() == n)
                .isPresent();
    }
}
