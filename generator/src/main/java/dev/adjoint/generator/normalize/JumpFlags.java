package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jumps as flags: {@code break}, {@code continue} and an early {@code return} set a boolean; the
 * code after a statement that may jump runs under a guard that reads the flags, and loop heads stop
 * on them. This class holds the flags of the enclosing loops and of the method, and emits the
 * guards.
 */
final class JumpFlags {
    private final Lowering lo;
    /** Flags of the enclosing loops, innermost first. */
    private final Deque<LoopFlags> loops = new ArrayDeque<>();
    /** Set by an early return; null when the method returns only at its end. */
    private Atom.Var returned;

    private Atom.Var returnValue;
    /** Whether every return returns the same local array ({@link #returnArrayEarly}), and that array once seen. */
    private boolean returnsArray;

    private Atom.Var returnedArray;
    private final Map<Node, Contains> scanned = new IdentityHashMap<>();

    /**
     * A loop's flags; each is null when the loop's body has no such jump.
     *
     * @param label the loop's label, or null; a labelled jump from a loop inside it stops that loop too
     */
    record LoopFlags(Atom.Var broke, Atom.Var continued, String label) {}

    /** The label of the loop statement being lowered next ({@code outer: for ...}), or null. */
    private String pendingLabel;

    /** The next loop entered is labelled {@code label}. */
    void labelNextLoop(String label) {
        pendingLabel = label;
    }

    JumpFlags(Lowering lo) {
        this.lo = lo;
    }

    /** The method returns before its end: makes the return flag and the variable for the value. */
    void returnEarly(Ty result) {
        returned = lo.flag("_returned");
        returnValue = lo.declare("_returnValue", result);
        lo.hoisted.add(returnValue);
    }

    /**
     * The method returns an array before its end: makes the return flag. Every return returns the
     * same local array ({@link #sharedResultArray}), so the flag is all a return sets.
     */
    void returnArrayEarly() {
        returned = lo.flag("_returned");
        returnsArray = true;
    }

    /** Whether the method returns one local array from more than one place ({@link #returnArrayEarly}). */
    boolean returnsArrayEarly() {
        return returnsArray;
    }

    /** {@code return a;} of the shared result array {@code a}: the flag set. */
    void returnArray(Atom.Var a) {
        returnedArray = a;
        lo.set(returned, true);
    }

    /** The local array every return returns, once one has been lowered. */
    Atom.Var returnedArray() {
        return returnedArray;
    }

    /**
     * The local array that every {@code return} of {@code body} returns, declared at the top level
     * before the first statement that may return; empty when the returns differ. That array is the
     * result whichever return runs (the static strategy assigns no array from another), so the
     * reverse sweep seeds it as for a single return.
     */
    static java.util.Optional<String> sharedResultArray(List<Statement> body) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> declaredBefore = new LinkedHashSet<>();
        boolean returnSeen = false;
        for (Statement s : body) {
            List<ReturnStmt> returns = s.findAll(ReturnStmt.class);
            for (ReturnStmt r : returns) {
                names.add(r.getExpression()
                        .filter(e -> e instanceof com.github.javaparser.ast.expr.NameExpr)
                        .map(e -> ((com.github.javaparser.ast.expr.NameExpr) e).getNameAsString())
                        .orElse(""));
            }
            returnSeen |= !returns.isEmpty();
            if (!returnSeen
                    && s instanceof com.github.javaparser.ast.stmt.ExpressionStmt es
                    && es.getExpression() instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr v) {
                v.getVariables().forEach(d -> declaredBefore.add(d.getNameAsString()));
            }
        }
        return names.size() == 1 && declaredBefore.containsAll(names)
                ? java.util.Optional.of(names.iterator().next())
                : java.util.Optional.empty();
    }

    /** The variable an early-returning method's value is kept in; null for a single exit. */
    Atom.Var returnValue() {
        return returnValue;
    }

    /** {@code return v;}: into the return variable, and the flag set. */
    void returnValue(Atom v) {
        lo.assignAtom(returnValue, v);
        lo.set(returned, true);
    }

    /** {@code break} or {@code break label}. */
    void breakLoop(String label) {
        lo.set(target(label).broke(), true);
    }

    /** {@code continue} or {@code continue label}. */
    void continueLoop(String label) {
        lo.set(target(label).continued(), true);
    }

    /** The loop a jump leaves: the innermost, or the one labelled {@code label}. */
    private LoopFlags target(String label) {
        return label == null
                ? loops.peek()
                : loops.stream()
                        .filter(l -> label.equals(l.label()))
                        .findFirst()
                        .orElseThrow();
    }

    /** Whether {@code s} contains a break or continue of the current loop, or a return. */
    boolean mayJump(Statement s) {
        Contains c = scan(s);
        if (returned != null && c.returns()) {
            return true;
        }
        // a break or continue that leaves s belongs to the loop around s, the current one; a labelled one, to a loop
        // around it
        return !loops.isEmpty() && (c.breaks() || c.continues() || !c.labels().isEmpty());
    }

    /**
     * Enters the loop whose body is {@code body}: flags for break and continue, made only when the
     * body uses them; the break flag is reset on each entry, since the loop may itself run many times.
     */
    LoopFlags enter(Statement body) {
        Contains c = scan(body); // what leaves the body belongs to this loop, and the labelled jumps naming it
        String label = pendingLabel;
        pendingLabel = null;
        boolean breaks = c.breaks() || (label != null && c.labels().contains("break " + label));
        boolean continues = c.continues() || (label != null && c.labels().contains("continue " + label));
        LoopFlags flags =
                new LoopFlags(breaks ? lo.flag("_break") : null, continues ? lo.flag("_continue") : null, label);
        if (flags.broke() != null) {
            lo.set(flags.broke(), false);
        }
        loops.push(flags);
        return flags;
    }

    /**
     * The jumps inside a node: a return anywhere, an unlabelled break or continue that leaves the
     * node (one whose loop is not the node or inside it: it belongs to the innermost loop around it),
     * and the labelled ones ({@code "break outer"}, {@code "continue outer"}) whose label is not on
     * the node or inside it.
     */
    private record Contains(boolean returns, boolean breaks, boolean continues, Set<String> labels) {}

    /**
     * The jumps inside {@code n}, computed once per node from its children's, so that asking at every
     * statement of every block costs time linear in the method (searching each statement's subtree
     * again was quadratic in the nesting depth).
     */
    private Contains scan(Node n) {
        Contains c = scanned.get(n);
        if (c != null) {
            return c;
        }
        boolean returns = n instanceof ReturnStmt;
        boolean breaks = n instanceof BreakStmt b && b.getLabel().isEmpty();
        boolean continues = n instanceof ContinueStmt k && k.getLabel().isEmpty();
        Set<String> labels = new LinkedHashSet<>();
        if (n instanceof BreakStmt b && b.getLabel().isPresent()) {
            labels.add("break " + b.getLabel().get().asString());
        }
        if (n instanceof ContinueStmt k && k.getLabel().isPresent()) {
            labels.add("continue " + k.getLabel().get().asString());
        }
        for (Node child : n.getChildNodes()) {
            Contains cc = scan(child);
            returns |= cc.returns();
            breaks |= cc.breaks();
            continues |= cc.continues();
            labels.addAll(cc.labels());
        }
        if (n instanceof ForStmt || n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForEachStmt) {
            breaks = false; // the loop's own
            continues = false;
        }
        if (n instanceof LabeledStmt l) {
            labels.remove("break " + l.getLabel().asString());
            labels.remove("continue " + l.getLabel().asString());
        }
        c = new Contains(returns, breaks, continues, Set.copyOf(labels));
        scanned.put(n, c);
        return c;
    }

    void exit() {
        loops.pop();
    }

    /** Whether the loop's head and update must test the flags: it breaks, or the method returns early, or jumps leave it. */
    boolean guards(LoopFlags flags) {
        return flags.broke() != null || returned != null || !outerFlags(flags).isEmpty();
    }

    /** A boolean atom: no flag of the current context is set. */
    Atom notJumped() {
        List<Atom.Var> flags = new ArrayList<>();
        LoopFlags l = loops.peek();
        if (l != null) {
            flags.add(l.broke());
            flags.add(l.continued());
            flags.addAll(outerFlags(l));
        }
        flags.add(returned);
        flags.removeIf(f -> f == null);
        if (flags.isEmpty()) {
            return new Atom.Const("true", Ty.BOOLEAN);
        }
        return noneSet(flags);
    }

    /** Neither this loop's break flag, nor a labelled loop's around it, nor the return flag is set. */
    Atom notJumpedOut(LoopFlags flags) {
        List<Atom.Var> set = new ArrayList<>();
        set.add(flags.broke());
        set.addAll(outerFlags(flags));
        set.add(returned);
        set.removeIf(f -> f == null);
        return noneSet(set);
    }

    /**
     * The flags of the labelled loops around {@code inner} (not its own): a labelled jump from inside
     * {@code inner} to one of them sets one, and {@code inner} stops.
     */
    private List<Atom.Var> outerFlags(LoopFlags inner) {
        List<Atom.Var> out = new ArrayList<>();
        boolean outside = false;
        for (LoopFlags l : loops) { // innermost first
            if (outside && l.label() != null) {
                out.add(l.broke());
                out.add(l.continued());
            }
            outside |= l == inner;
        }
        out.removeIf(f -> f == null);
        return out;
    }

    /** {@code g = !(f1 || f2 ...)} in a fresh temporary. */
    private Atom.Var noneSet(List<Atom.Var> flags) {
        Set<Atom.Var> reads = new LinkedHashSet<>(flags);
        Atom.Var g = lo.temp(Ty.BOOLEAN);
        lo.emit(new Stmt.Assign(
                g,
                new Op.Passive(
                        "!("
                                + String.join(
                                        " || ",
                                        flags.stream().map(Atom.Var::name).toList()) + ")",
                        reads,
                        Ty.BOOLEAN),
                lo.origin));
        return g;
    }
}
