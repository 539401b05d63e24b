package dev.adjoint.generator.forward;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tangent of one method: a single forward sweep in which every active variable {@code x} is
 * followed by its tangent {@code ẋ = _dot_x}, control flow as written, no stacks.
 *
 * <p>For {@code z = rule(a, b)} the rule table gives the reverse contributions
 * {@code ā += c_a(dz)}, {@code b̄ += c_b(dz)}, each linear in {@code dz} with
 * {@code c_a(dz) = dz · ∂z/∂a}. So the tangent is {@code ż = ∂z/∂a·ȧ + ∂z/∂b·ḃ
 * = c_a(ȧ) + c_b(ḃ)}: the same templates with {@code dz} replaced by the argument's tangent. A load
 * {@code z = a[i]} has {@code ż = ȧ[i]}, a store {@code a[i] = v} sets {@code ȧ[i] = v̇}, and
 * anything without a derivative (casts to integers, constants) gives {@code ż = 0}.
 */
public final class TangentSweep {
    /** Why a method gets no tangent: a construct the forward sweep does not handle. */
    public static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private final MethodIr ir;
    private final Analysis an;
    private final TangentCalls calls;
    /** Where the Jvp's tangent-only arrays and cells come from ({@link TangentPool}). */
    private final TangentPool pool;
    /** Negations and doublings left to the next operation (Jvp only; the Hvp's tangent is printed as the rules give it). */
    private final ScaledTangents scaled;

    private final InvariantTangents
            invariant; // calls in tangent terms moved out of loops that do not change them (Jvp only)
    /** Whether this is the tangent built as a Java method for {@code Hvp} ({@link #buildPair}). */
    private final boolean pairs;
    /** The tangent (a local, a parameter or an array) of each active variable. */
    private final Map<Atom.Var, String> dot = new HashMap<>();
    /** Variables already declared (parameters, and locals once their declaration is emitted). */
    private final Set<Atom.Var> declared = new HashSet<>();
    /** Declarations at the top: locals first assigned in a nested block, call cells. */
    private final List<Code> top = new ArrayList<>();

    private int depth;
    /** The statement before the one being swept, in the same block (null at a block's start). */
    private Stmt previous;

    private TangentSweep(MethodIr ir, Analysis an, boolean pairs, boolean printed) {
        this.ir = ir;
        this.an = an;
        this.pairs = pairs;
        this.pool = new TangentPool(ir.names(), !pairs);
        this.calls = new TangentCalls(ir.request(), ir.names(), pairs, printed, this::tangentOf, top, pool);
        this.scaled = new ScaledTangents(ir.body(), ir.locals(), this::stored);
        this.invariant = new InvariantTangents(ir.names(), !pairs);
    }

    /**
     * The tangent method of {@code ir}.
     *
     * @throws Unsupported for what the forward sweep does not handle (a call with an array result)
     */
    public static JvpMethod build(MethodIr ir, Analysis an) {
        return new TangentSweep(ir, an, false, false).jvp();
    }

    /**
     * The tangent of {@code ir} as plain Java for Hessian-vector products ({@link HvpSource}): calls
     * go to the callees' tangent pairs instead of their {@code Jvp}s. Its names are claimed from a
     * copy of the method's names, so the same names as {@link #build}'s.
     *
     * @throws Unsupported also for calls with no second-order rule (custom pullbacks) and calls to
     *     methods of other classes
     */
    public static JvpMethod buildPair(MethodIr ir, Analysis an) {
        JvpMethod parsed = new TangentSweep(namesCopied(ir), an, true, false).jvp();
        // the same sweep (names claimed alike from another copy) with its calls as the adjoint class runs them
        JvpMethod printed = new TangentSweep(namesCopied(ir), an, true, true).jvp();
        return parsed.withPrintedSweep(printed.sweep());
    }

    private static MethodIr namesCopied(MethodIr ir) {
        return new MethodIr(
                ir.request(),
                ir.params(),
                ir.locals(),
                ir.hoisted(),
                ir.body(),
                ir.names().copy(),
                ir.restoredArrays());
    }

    private JvpMethod jvp() {
        MethodRequest r = ir.request();
        List<String> tangents = new ArrayList<>();
        List<Code> prologue = new TangentBoundary(ir, an, pairs, pool, dot).parameters(declared, tangents);
        for (Atom.Var v : ir.locals()) {
            if (an.active().contains(v)) {
                dot.put(v, ir.names().claim((v.name().startsWith("_") ? "_dot" : "_dot_") + v.name()));
            }
        }
        String out = ir.names().claim(pairs ? "_pair" : "tout");
        List<Stmt> body = ir.body();
        List<Code> main = TangentLoads.hoist(block(body.subList(0, body.size() - 1)), ir, an, pairs, dot, tangents);
        Atom result = ir.result();
        // (a variable read that no statement assigns, as a result or a flag in a body that cannot complete: at the top)
        Set<String> mentioned = new HashSet<>();
        Code.names(main, mentioned);
        mentioned.add(result.java());
        depth++;
        for (Atom.Var v : ir.locals()) {
            if (mentioned.contains(v.name())) {
                declare(v);
            }
        }
        depth--;
        Expr tr = tangentOf(result);
        List<Code> end = new ArrayList<>();
        end.add(TangentBoundary.handBack(r, out, tr));
        end.addAll(pool.release());
        end.add(new Code.Line(new Statement.Return(AtomCode.of(result))));
        List<Code> sweep = new ArrayList<>(pool.head());
        sweep.addAll(top);
        sweep.addAll(prologue);
        sweep.addAll(main);
        List<Code> all = new ArrayList<>(sweep);
        all.addAll(end);
        return new JvpMethod(
                r, tangents, out, all, calls.callees(), sweep, AtomCode.of(result), tr, calls.any(), sweep);
    }

    private List<Code> block(List<Stmt> stmts) {
        List<Code> out = new ArrayList<>();
        Origin shown = null;
        previous = null; // (a block's first statement may follow its own last one: a loop)
        for (int k = 0; k < stmts.size(); k++) {
            Stmt s = stmts.get(k);
            if (s.origin() != shown) {
                out.add(new Code.Comment((shown = s.origin()).text()));
            }
            if (pairs && depth == 0 && k == stmts.size() - 1 && s instanceof Stmt.If i && PairExits.exitsEarly(i)) {
                exitUnless(i, out);
            } else {
                statement(s, out);
            }
            previous = s;
        }
        return out;
    }

    /** {@code if (!(cond)) return;} and the block of {@code i} at the top level ({@link PairExits}). */
    private void exitUnless(Stmt.If i, List<Code> out) {
        if (ir.result() instanceof Atom.Var v) {
            depth++; // (the exit returns it: declared at the top)
            declare(v);
            depth--;
        }
        out.add(new Code.Branch(
                new Expr.Unary("!", Operand.of(AtomCode.of(i.cond()))), List.of(PairExits.exit()), List.of()));
        out.addAll(block(i.then()));
    }

    private void statement(Stmt s, List<Code> out) {
        if (s instanceof Stmt.Assign a) {
            assign(a, out);
        } else if (s instanceof Stmt.ArrayStore st) {
            Expr element = AtomCode.element(new Expr.Name(st.array().name()), st.indices());
            out.add(new Code.Line(Statement.assign(element, AtomCode.of(st.value()))));
            if (dot.containsKey(st.array())) {
                Expr tv = tangentOf(st.value());
                out.add(new Code.Line(Statement.assign(
                        AtomCode.element(new Expr.Name(dot.get(st.array())), st.indices()),
                        tv == null ? AtomCode.zero(new Ty(st.array().type().prim(), 0)) : tv)));
            }
        } else if (s instanceof Stmt.If i) {
            depth++;
            List<Code> then = block(i.then());
            List<Code> otherwise = block(i.otherwise());
            depth--;
            out.add(new Code.Branch(AtomCode.of(i.cond()), then, otherwise));
        } else if (s instanceof Stmt.Loop l) {
            depth++;
            invariant.enter(l);
            List<Code> body = new ArrayList<>();
            LoopHeader header;
            if (l.passiveTest().isPresent()) {
                header = new LoopHeader.While(
                        AtomCode.source(l.passiveTest().get().java()));
            } else {
                header = new LoopHeader.While(new Expr.Literal("true"));
                body.addAll(block(l.head()));
                body.add(new Code.Branch(
                        new Expr.Unary("!", AtomCode.of(l.cond())),
                        List.of(new Code.Line(new Statement.Jump(true))),
                        List.of()));
            }
            body.addAll(block(l.body()));
            depth--;
            out.addAll(invariant.exit());
            out.add(new Code.Loop(header, body));
        } else if (s instanceof Stmt.Effect e) {
            out.add(new Code.Raw(e.java()));
        } else {
            throw new IllegalStateException("a return is only the method's last statement: " + s);
        }
    }

    /** {@code t = op}, then {@code ṫ}. */
    private void assign(Stmt.Assign a, List<Code> out) {
        Atom.Var t = a.target();
        String decl = declare(t);
        String dt = dot.get(t);
        if (a.op() instanceof Op.Call call) {
            List<Code> after = new ArrayList<>();
            out.add(new Code.Line(assign(decl, t.name(), calls.call(call, dt, decl, out, after))));
            out.addAll(after);
            return;
        }
        out.add(new Code.Line(assign(decl, t.name(), primal(a.op()))));
        if (dt == null) {
            return;
        }
        if (t.type().isArray()) {
            if (!(a.op() instanceof Op.NewArray)) {
                throw new Unsupported("an array variable assigned from " + a.op());
            }
            Op.NewArray created = (Op.NewArray) a.op();
            out.add(new Code.Line(assign(
                    decl,
                    dt,
                    created.dims().size() == 1
                            ? pool.zeros(
                                    created.type().prim(),
                                    AtomCode.of(created.dims().get(0)))
                            : primal(created))));
            return;
        }
        Expr tangent = tangent(a.op(), t);
        if (scaled.scale(t) != 1) {
            out.add(new Code.Comment("(" + dt + " holds the tangent divided by " + scaled.scale(t)
                    + ": what reads it applies the factor)"));
        }
        out.add(new Code.Line(assign(decl, dt, tangent)));
    }

    /** {@code name = value}, declared as {@code decl} ({@code "double "}) when that is not empty. */
    static Statement assign(String decl, String name, Expr value) {
        return decl.isEmpty()
                ? Statement.assign(new Expr.Name(name), value)
                : new Statement.Declare("", decl.substring(0, decl.length() - 1), name, value);
    }

    /** The declaration prefix ({@code "double "}) for {@code t}'s first assignment at the top level, else "". */
    private String declare(Atom.Var t) {
        if (!declared.add(t)) {
            return "";
        }
        if (depth == 0) {
            return t.type().java() + " ";
        }
        Expr init = t.type().isObject() && t.type().prim() != Ty.Prim.RANDOM && pairs
                ? null // (the Hvp's pair: a String or enum declared unassigned, as no 'null' is differentiated)
                : !t.type().isArray()
                        ? AtomCode.zero(t.type()) // (for the Hvp's pair an empty array: its creations stay creations)
                        : pairs
                                ? new Expr.NewArray(
                                        t.type().prim().java(),
                                        java.util.Collections.nCopies(t.type().dims(), new Expr.Literal("0")),
                                        0,
                                        null)
                                : new Expr.Literal("null");
        top.add(new Code.Line(new Statement.Declare("", t.type().java(), t.name(), init)));
        if (dot.containsKey(t)) {
            top.add(new Code.Line(new Statement.Declare("", t.type().java(), dot.get(t), init)));
        }
        return "";
    }

    /** {@code ż} for {@code z = op}: Σ over the arguments of the contribution template with {@code dz := ȧ}. */
    private Expr tangent(Op op, Atom.Var z) {
        Ty zt = z.type();
        if (op instanceof Op.ArrayLoad load) {
            String ta = dot.get(load.array());
            return ta == null ? AtomCode.zero(zt) : AtomCode.element(new Expr.Name(ta), load.indices());
        }
        if (!(op instanceof Op.Apply ap)) {
            return AtomCode.zero(zt); // passive: an integer computation, a constant
        }
        Expr folded = pairs ? null : scaled.fold(ap, z, previous);
        if (folded == null) {
            folded = TangentFolds.difference(ap, zt, this::tangentOf);
        }
        if (folded == null) {
            folded = TangentFolds.scaledSquare(ap, previous, this::tangentOf);
        }
        if (folded != null) {
            return folded;
        }
        Rule rule = DerivativeRules.get(ap.rule());
        List<Expr> terms = new ArrayList<>();
        boolean wide = false;
        boolean square =
                ap.rule().equals("*") && ap.args().get(0).equals(ap.args().get(1)); // v * v: one term, doubled
        for (int i = 0; i < (square ? 1 : ap.args().size()); i++) {
            Expr ta = rule.differentiableIn(i) ? tangentOf(ap.args().get(i)) : null;
            if (ta != null) {
                Expr c = invariant.contribution(rule, ap, i, z, ta);
                c = InfinitePartials.guard(rule, ap, i, z, ta, c, pairs); // 0 · ∞ where a clamp stops the tangent
                terms.add(square ? new Expr.Binary("*", new Expr.Literal("2"), Operand.of(c)) : c);
                // (a rule without a float overload has had its float arguments widened: only a double argument widens)
                wide |= ap.args().get(i).type().prim() == Ty.Prim.DOUBLE;
            }
        }
        if (terms.isEmpty()) {
            return AtomCode.zero(zt);
        }
        Expr sum = terms.get(0);
        if (terms.size() > 1) {
            sum = Operand.of(sum);
            for (Expr t : terms.subList(1, terms.size())) {
                sum = new Expr.Binary("+", sum, Operand.of(t));
            }
        }
        return zt.prim() == Ty.Prim.FLOAT && wide ? new Expr.Cast("float", Operand.of(sum)) : sum;
    }

    private Expr primal(Op op) {
        if (op instanceof Op.Apply ap) {
            return DerivativeRules.get(ap.rule())
                    .primal(ap.args().stream().map(AtomCode::of).toList());
        }
        if (op instanceof Op.ArrayLoad load) {
            return AtomCode.element(new Expr.Name(load.array().name()), load.indices());
        }
        if (op instanceof Op.NewArray na) {
            return new Expr.NewArray(
                    na.type().prim().java(),
                    na.dims().stream().map(AtomCode::of).toList(),
                    0,
                    null);
        }
        if (op instanceof Op.Passive p) {
            return AtomCode.source(p.java());
        }
        throw new IllegalStateException("no primal for " + op);
    }

    /** The tangent of an atom, or null where it is 0 (constants, inactive values). */
    private Expr tangentOf(Atom a) {
        return pairs ? stored(a) : scaled.of(a);
    }

    /** The variable or element holding an atom's tangent (scaled, see {@link ScaledTangents}), or null where it is 0. */
    private Expr stored(Atom a) {
        if (a instanceof Atom.Var v) {
            return dot.containsKey(v) ? new Expr.Name(dot.get(v)) : null;
        }
        if (a instanceof Atom.Elem e && dot.containsKey(e.array())) {
            return AtomCode.element(new Expr.Name(dot.get(e.array())), e.indices());
        }
        return null;
    }
}
