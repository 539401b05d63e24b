package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.CountedLoop;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.analyze.Saves;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The (forward, reverse) pair of each statement, assembled per block. Reverse parts are appended
 * in forward order and flipped in one place, {@link #block}, when the block closes; a loop's pair
 * is {@link LoopReversal}'s.
 */
final class BlockReversal {
    private final Sweep sw;
    private final LoopReversal loops;

    BlockReversal(Sweep sw) {
        this.sw = sw;
        this.loops = new LoopReversal(sw, this);
    }

    /** A block's two sweeps; the reverse one is already flipped. */
    record Sweeps(List<Code> forward, List<Code> reverse) {}

    /** One user statement's reverse parts, in forward order until the block closes. */
    private record Group(Origin origin, List<Stmt> stmts, List<List<Code>> parts) {}

    /** @param enclosing the origin of the statement this block belongs to, not repeated inside it */
    Sweeps block(List<Stmt> stmts, Origin enclosing) {
        List<Code> forward = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Origin shown = enclosing;
        // with the optimisations on (PLAIN keeps every step, as an oracle)
        Map<Stmt, Increments.Increment> increments =
                !sw.an.on(Options.Optimisation.INCREMENTS) ? Map.of() : Increments.in(stmts, sw.uses(), sw.an);
        Set<Stmt> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        increments.values().forEach(i -> dropped.addAll(i.parts()));
        for (int k = 0; k < stmts.size(); k++) {
            Stmt s = stmts.get(k);
            if (s.origin() != shown && spans(stmts, k)) {
                forward.add(new Code.Comment(s.origin().text()));
            }
            shown = s.origin();
            List<Code> rev = new ArrayList<>();
            if (increments.containsKey(s)) {
                store((Stmt.ArrayStore) s, increments.get(s), forward, rev);
            } else {
                // (PLAIN keeps the trip counts and saved counters, as an oracle)
                Optional<CountedLoop> counted = sw.an.saveArrayElements() ? Optional.empty() : CountedLoop.at(stmts, k);
                statement(s, counted, forward, dropped.contains(s) ? new ArrayList<>() : rev);
            }
            if (groups.isEmpty() || groups.get(groups.size() - 1).origin() != s.origin()) {
                groups.add(new Group(s.origin(), new ArrayList<>(), new ArrayList<>()));
            }
            groups.get(groups.size() - 1).stmts().add(s);
            groups.get(groups.size() - 1).parts().add(rev);
        }
        // the one place where reverse order is made
        List<Code> reverse = new ArrayList<>();
        for (int g = groups.size() - 1; g >= 0; g--) {
            Group group = groups.get(g);
            List<Code> lines = new ArrayList<>();
            for (int p = group.parts().size() - 1; p >= 0; p--) {
                lines.addAll(group.parts().get(p));
            }
            if (sw.an.on(Options.Optimisation.FRESH_ADJOINTS)) {
                lines = FreshAdjoints.simplify(
                        lines, FreshAdjoints.ownTemporaries(group.stmts(), sw), sw.adjointTypes());
            }
            if (!lines.isEmpty()) {
                if (group.origin() != enclosing) {
                    reverse.add(new Code.Comment(group.origin()
                                    .position()
                                    .map(p -> "grad of (" + p + "): ")
                                    .orElse("grad of: ")
                            + group.origin().text()));
                }
                reverse.addAll(lines);
            }
        }
        return new Sweeps(forward, reverse);
    }

    /** Whether the statement at {@code k} starts a user statement lowered to several. */
    private static boolean spans(List<Stmt> stmts, int k) {
        Origin o = stmts.get(k).origin();
        return (k + 1 < stmts.size() && stmts.get(k + 1).origin() == o) || stmts.get(k) instanceof Stmt.If;
    }

    private void statement(Stmt s, List<Code> forward, List<Code> reverse) {
        statement(s, Optional.empty(), forward, reverse);
    }

    /** @param counted what is known of the loop {@code s} when it is a {@link CountedLoop} */
    private void statement(Stmt s, Optional<CountedLoop> counted, List<Code> forward, List<Code> reverse) {
        if (s instanceof Stmt.Assign a) {
            assign(a, forward, reverse);
        } else if (s instanceof Stmt.ArrayStore st) {
            store(st, forward, reverse);
        } else if (s instanceof Stmt.If i) {
            sw.depth++;
            Sweeps then = block(i.then(), i.origin());
            Sweeps otherwise = block(i.otherwise(), i.origin());
            sw.depth--;
            Expr cond = AtomCode.of(i.cond());
            forward.add(new Code.Branch(cond, then.forward(), otherwise.forward()));
            if (!then.reverse().isEmpty() || !otherwise.reverse().isEmpty()) {
                reverse.add(new Code.Branch(cond, then.reverse(), otherwise.reverse()));
            }
        } else if (s instanceof Stmt.Loop l) {
            loops.loop(l, counted, forward, reverse);
        } else if (s instanceof Stmt.Effect e) {
            // no derivative, nothing to save: what it reads still holds its value here
            Code.Raw raw = new Code.Raw(e.java());
            sw.throwSites.put(raw, e);
            forward.add(raw);
        } else {
            throw new IllegalStateException("a return is only the method's last statement: " + s);
        }
    }

    /** Saves {@code what} (of type {@code t}) before an overwrite; returns the restoring statement. */
    private Code save(Expr what, Ty t, List<Code> forward, String hint) {
        if (sw.loopDepth > 0) {
            // (DeadSaves names a saved variable or element by its Java text)
            String key = Printer.expression(what);
            if (sw.deadSaves.contains(key)) {
                return null; // (nothing reads the value restored: DeadSaves)
            }
            sw.stackSaved.add(key);
            if (t.isObject()) {
                // a String or enum chosen in a loop (a helper's argument): a reference, on the reference stack
                return ArrayCreations.saveReference(sw, what, forward);
            }
            forward.add(new Code.Line(sw.push(t, what)));
            return new Code.Line(Statement.assign(what, sw.pop(t)));
        }
        String saved = sw.claim("_s_" + hint);
        Expr slot = new Expr.Name(saved);
        if (sw.depth == 0) {
            forward.add(new Code.Line(new Statement.Declare("", t.java(), saved, what)));
        } else {
            sw.saveDeclarations.add(new Code.Line(new Statement.Declare("", t.java(), saved, AtomCode.zero(t))));
            forward.add(new Code.Line(Statement.assign(slot, what)));
        }
        return new Code.Line(Statement.assign(what, slot));
    }

    private void assign(Stmt.Assign a, List<Code> forward, List<Code> reverse) {
        Atom.Var t = a.target();
        boolean overwrite = sw.an.saves().isOverwrite(a);
        Code restore = sw.recomputed.contains(a)
                ? null
                : switch (sw.an.saves().kind(a)) {
                    case SAVE -> save(new Expr.Name(t.name()), t.type(), forward, t.name());
                    case INVERT ->
                        new Code.Line(Statement.assign(
                                new Expr.Name(t.name()), Saves.inverse(a).orElseThrow()));
                    case NONE -> null;
                };
        boolean declare = !overwrite
                && sw.depth == 0
                && !sw.ir.hoisted().contains(t)
                && !sw.ir.params().contains(t);
        // a local array lives until the method returns, unless it is the result: from the pool
        boolean pooled = a.op() instanceof Op.NewArray na1 && na1.dims().size() == 1 && !t.equals(sw.ir.result());
        Expr value = pooled
                ? sw.borrowArray(
                        t.type().prim(),
                        AtomCode.of(((Op.NewArray) a.op()).dims().get(0)))
                : primal(a.op());
        // (an array created again, in a loop or by a second 'new': its earlier reference is saved)
        List<Code> references =
                a.op() instanceof Op.NewArray && overwrite ? ArrayCreations.saveReferences(sw, t, forward) : List.of();
        forward.add(new Code.Line(
                declare
                        ? new Statement.Declare("", t.type().java(), t.name(), value)
                        : Statement.assign(new Expr.Name(t.name()), value)));
        if (a.op() instanceof Op.NewArray na && sw.adjoint(t) != null) {
            // the adjoint of a local array: same shape, zeroed, visible to the reverse sweep
            Expr zeroed = na.dims().size() == 1
                    ? sw.borrowArray(t.type().prim(), AtomCode.of(na.dims().get(0)))
                    : newArray(na);
            boolean first = sw.declaredArrayAdjoints.add(t);
            if (sw.depth == 0 && first) {
                forward.add(new Code.Line(new Statement.Declare("", t.type().java(), sw.adjoint(t), zeroed)));
            } else {
                // (created in a block or loop, or under the guard after an early return: declared at the top, like the
                // array)
                if (first) {
                    sw.saveDeclarations.add(new Code.Line(
                            new Statement.Declare("", t.type().java(), sw.adjoint(t), new Expr.Literal("null"))));
                }
                forward.add(new Code.Line(Statement.assign(new Expr.Name(sw.adjoint(t)), zeroed)));
            }
        }
        reverse.addAll(references);

        if (sw.an.active().contains(t) && !t.type().isArray()) {
            String dz = sw.adjoint(t);
            if (a.op() instanceof Op.Apply ap) {
                Rule rule = DerivativeRules.get(ap.rule());
                List<Expr> args = ap.args().stream().map(AtomCode::of).toList();
                // a square, v * v: one contribution, doubled (2·c is exact; added once, it rounds once), not two
                boolean square = ap.rule().equals("*")
                        && ap.args().get(0).equals(ap.args().get(1))
                        && !sw.an.saveArrayElements();
                for (int i = 0; i < (square ? 1 : ap.args().size()); i++) {
                    Atom arg = ap.args().get(i);
                    if (!rule.differentiableIn(i) || !sw.an.isActive(arg)) {
                        continue;
                    }
                    Expr c = ZeroAdjoints.guard(
                            ap,
                            i,
                            t,
                            dz,
                            rule.contribution(i, args, new Expr.Name(t.name()), new Expr.Name(dz)),
                            sw.nonFinite());
                    reverse.add(Accumulation.of(
                            sw,
                            arg,
                            square ? new Expr.Binary("*", new Expr.Literal("2"), Operand.of(c)) : c,
                            ap.type()));
                }
            } else if (a.op() instanceof Op.ArrayLoad load && sw.an.isActive(load.array())) {
                reverse.add(new Code.Line(Statement.assign(
                        AtomCode.element(new Expr.Name(sw.adjoint(load.array())), load.indices()),
                        "+=",
                        new Expr.Name(dz))));
            } else if (a.op() instanceof Op.Call call) {
                CallReversal.reverse(call, dz, sw, reverse);
            }
            if (overwrite) {
                reverse.add(new Code.Line(new Statement.Eval(new Expr.Assign(
                        new Expr.Name(dz), "=", new Expr.Literal(t.type().zero())))));
            }
        }
        if (restore != null) {
            reverse.add(restore);
        }
    }

    /** {@code array[i] = v}: in reverse, the element's adjoint flows into {@code v} and is cleared. */
    private void store(Stmt.ArrayStore st, List<Code> forward, List<Code> reverse) {
        store(st, null, forward, reverse);
    }

    /** As above; for an {@link Increments increment}, the element's adjoint flows into the added value only. */
    private void store(Stmt.ArrayStore st, Increments.Increment inc, List<Code> forward, List<Code> reverse) {
        Expr element = AtomCode.element(new Expr.Name(st.array().name()), st.indices());
        Code restore = null;
        // (arrays the caller sees, parameters and the result, keep the method's side effects)
        boolean visible = sw.ir.params().contains(st.array()) || st.array().equals(sw.ir.result());
        // (a restored array's elements are read in reverse, by derivatives of other variables too)
        boolean restored = sw.ir.restoredArrays().contains(st.array());
        if ((sw.an.saveArrayElements() || restored) && !visible && !sw.refilled.contains(st)) {
            restore = save(
                    element,
                    new Ty(st.array().type().prim(), 0),
                    forward,
                    st.array().name());
        }
        forward.add(new Code.Line(Statement.assign(element, AtomCode.of(st.value()))));
        if (sw.an.active().contains(st.array())) {
            Expr de = AtomCode.element(new Expr.Name(sw.adjoint(st.array())), st.indices());
            if (inc != null) {
                if (sw.an.isActive(inc.other())) {
                    Expr added = AtomCode.element(new Expr.Name(sw.adjoint(st.array())), st.indices());
                    reverse.add(Accumulation.of(
                            sw,
                            inc.other(),
                            inc.negate() ? new Expr.Unary("-", added) : added,
                            inc.other().type()));
                }
            } else if (sw.an.isActive(st.value())
                    && st.value() instanceof Atom.Elem from
                    && from.array().equals(st.array())) {
                // a[i] = a[j] where i may equal j at run time (System.arraycopy onto itself, a permutation): the
                // adjoint is taken before it is zeroed, so that a self-copy hands it on instead of losing it
                Ty held = new Ty(st.array().type().prim(), 0);
                String moved = sw.claim("_d_moved");
                sw.saveDeclarations.add(
                        new Code.Line(new Statement.Declare("", held.java(), moved, AtomCode.zero(held))));
                Expr movedName = new Expr.Name(moved);
                reverse.add(new Code.Line(Statement.assign(movedName, de)));
                reverse.add(new Code.Line(Statement.assign(de, AtomCode.zero(held))));
                reverse.add(new Code.Line(Statement.assign(Accumulation.adjointOf(sw, st.value()), "+=", movedName)));
            } else {
                if (sw.an.isActive(st.value())) {
                    reverse.add(new Code.Line(Statement.assign(Accumulation.adjointOf(sw, st.value()), "+=", de)));
                }
                reverse.add(new Code.Line(Statement.assign(
                        de, AtomCode.zero(new Ty(st.array().type().prim(), 0)))));
            }
        }
        if (restore != null) {
            reverse.add(restore);
        }
    }

    Expr primal(Op op) {
        if (op instanceof Op.Apply ap) {
            return DerivativeRules.get(ap.rule())
                    .primal(ap.args().stream().map(AtomCode::of).toList());
        }
        if (op instanceof Op.ArrayLoad load) {
            return AtomCode.element(new Expr.Name(load.array().name()), load.indices());
        }
        if (op instanceof Op.NewArray na) {
            return newArray(na);
        }
        if (op instanceof Op.Call call) {
            return AtomCode.source(dev.adjoint.generator.objects.Receiver.primalCall(
                    call.callee(),
                    sw.spelling.owner(call.callee()).orElseThrow(),
                    call.args().stream().map(Atom::java).toList()));
        }
        return AtomCode.source(((Op.Passive) op).java());
    }

    private static Expr newArray(Op.NewArray na) {
        return new Expr.NewArray(
                na.type().prim().java(), na.dims().stream().map(AtomCode::of).toList(), 0, null);
    }

    static String index(List<Atom> indices) {
        StringBuilder sb = new StringBuilder();
        indices.forEach(i -> sb.append('[').append(i.java()).append(']'));
        return sb.toString();
    }
}
