package dev.adjoint.generator.forward;

import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Function calls in tangent terms that a loop evaluates with the same arguments on every
 * iteration, computed once before the loop instead (the Jvp's loop-invariant code motion).
 *
 * <p>For {@code z = sin(w)} in a loop that does not assign {@code w}, the tangent
 * {@code ż = ẇ·cos(w)} calls {@code cos} with the same argument on every iteration; so does
 * {@code ln v} in the tangent {@code ż = ẇ·z·ln v} of {@code z = v^w}. The JIT moves invariant
 * arithmetic out of loops itself, but not a call to {@code Math.cos}, {@code Math.log} or
 * {@code Math.pow}. A call is moved only when this is proved on the tree:
 * <ul>
 *   <li>its arguments read only the operation's scalar {@code double} operands (and constants)
 *       that no statement of the loop assigns, head and nested blocks included: a call of the
 *       method cannot assign the caller's locals, and an argument reads no array element, so what
 *       the loop stores into arrays cannot change it; the result {@code z} and the tangents are
 *       never among them;
 *   <li>with {@code double} arguments a {@code java.lang.Math} function returns a {@code double},
 *       so the local holds the value to the bit and the term is the same;
 *   <li>it cannot throw or have an effect, so computing it before a loop that runs no
 *       iteration, or for a branch of a conditional term that is not taken, is harmless.
 * </ul>
 * A call invariant in several nested loops goes before the outermost of them; the same call
 * moved before the same loop twice is computed once. Anything else stays where it is.
 */
final class InvariantTangents {
    /** A loop being swept: the scalars it assigns and the calls computed before it (text to local). */
    private record Frame(Set<Atom.Var> assigned, Map<Expr, String> locals, List<Code> before) {}

    private final Names names;
    private final boolean enabled;
    /** The loops around the statement being swept, innermost first. */
    private final Deque<Frame> loops = new ArrayDeque<>();

    /** @param enabled false for the tangent printed for Hessian-vector products, which is kept as the rules give it */
    InvariantTangents(Names names, boolean enabled) {
        this.names = names;
        this.enabled = enabled;
    }

    /** Starts sweeping loop {@code l}. */
    void enter(Stmt.Loop l) {
        List<Stmt> inside = new ArrayList<>();
        ActivityAnalysis.flatten(l.head(), inside);
        ActivityAnalysis.flatten(l.body(), inside);
        Set<Atom.Var> assigned = new HashSet<>();
        for (Stmt s : inside) {
            if (s instanceof Stmt.Assign a) {
                assigned.add(a.target());
            }
        }
        loops.push(new Frame(assigned, new HashMap<>(), new ArrayList<>()));
    }

    /** Ends the innermost loop: the computations to place before it. */
    List<Code> exit() {
        return loops.pop().before();
    }

    /**
     * The contribution of argument {@code i} of {@code z = ap} to {@code ż}, its tangent being
     * {@code ta}, with each invariant call replaced by a local computed before the outermost loop
     * in which it is invariant.
     */
    Expr contribution(Rule rule, Op.Apply ap, int i, Atom.Var z, Expr ta) {
        List<Expr> args = ap.args().stream().map(AtomCode::of).toList();
        Expr tree = rule.contribution(i, args, new Expr.Name(z.name()), ta);
        if (!enabled || loops.isEmpty()) {
            return tree;
        }
        Map<String, Atom.Var> operands = new HashMap<>();
        for (Atom a : ap.args()) {
            if (a instanceof Atom.Var v && v.type().equals(Ty.DOUBLE)) {
                operands.put(v.name(), v);
            }
        }
        boolean[] moved = {false};
        Expr out = Uses.rewrite(tree, e -> {
            if (!(e instanceof Expr.Call c)
                    || !(c.target() instanceof Expr.Name fn
                            && (fn.id().equals("Math") || fn.id().equals("StrictMath")))) {
                return e;
            }
            Frame target = outermostInvariant(c, operands);
            if (target == null) {
                return e;
            }
            moved[0] = true;
            return new Expr.Name(localFor(target, c));
        });
        return moved[0] ? out : tree;
    }

    /** The outermost loop around which {@code call}'s arguments do not change, or null. */
    private Frame outermostInvariant(Expr.Call call, Map<String, Atom.Var> operands) {
        Set<Atom.Var> reads = new HashSet<>();
        boolean[] ok = {!call.args().isEmpty()};
        for (Expr arg : call.args()) {
            Uses.each(arg, x -> {
                if (x instanceof Expr.Name n && operands.containsKey(n.id())) {
                    reads.add(operands.get(n.id()));
                } else {
                    ok[0] &= x instanceof Expr.Literal
                            || x instanceof Expr.Binary
                            || x instanceof Expr.Unary
                            || x instanceof Expr.Paren;
                }
            });
        }
        if (!ok[0]) {
            return null;
        }
        // loops nest, so what an inner loop assigns an outer one assigns too: the outermost loop
        // that assigns none of the arguments' operands is the first such from outside
        for (Iterator<Frame> out = loops.descendingIterator(); out.hasNext(); ) {
            Frame f = out.next();
            if (f.assigned().stream().noneMatch(reads::contains)) {
                return f;
            }
        }
        return null;
    }

    /** The local holding {@code call}'s value, declared before {@code loop} (once per loop and call). */
    private String localFor(Frame loop, Expr.Call call) {
        return loop.locals().computeIfAbsent(call, c -> {
            String local = names.claim("_" + call.name());
            if (loop.before().isEmpty()) {
                loop.before()
                        .add(new Code.Comment("(calls in tangents that the loop below does not change, made once)"));
            }
            loop.before().add(new Code.Line(new Statement.Declare("", "double", local, c)));
            return local;
        });
    }
}
