package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the forward and reverse sweeps of one method. */
public final class ReverseSweep {
    private final MethodIr ir;
    private final Analysis an;
    private final Map<Atom.Var, String> adjoints = new HashMap<>();
    private final List<Code> saveDeclarations = new ArrayList<>();
    private int depth;

    private ReverseSweep(MethodIr ir, Analysis an) {
        this.ir = ir;
        this.an = an;
    }

    /** The adjoint of {@code ir}, given its analysis. */
    public static AdjointMethod build(MethodIr ir, Analysis an) {
        return new ReverseSweep(ir, an).build();
    }

    private AdjointMethod build() {
        List<String> buffers = new ArrayList<>();
        for (int i = 0; i < ir.params().size(); i++) {
            Param p = ir.request().params().get(i);
            if (p.wrt()) {
                String b = ir.names().claim("d" + p.name());
                buffers.add(b);
                Atom.Var v = ir.params().get(i);
                adjoints.put(v, p.type().isArray() ? b : ir.names().claim("_d_" + p.name()));
            }
        }
        for (int i = 0; i < ir.params().size(); i++) {
            Atom.Var v = ir.params().get(i);
            if (!adjoints.containsKey(v) && an.active().contains(v)) {
                // a parameter not differentiated but overwritten with a differentiated value
                adjoints.put(v, ir.names().claim("_d_" + v.name()));
            }
        }
        String seed = ir.names().claim("seed");
        String result = ir.names().claim("_result");
        for (Atom.Var v : ir.locals()) {
            if (an.active().contains(v)) {
                adjoints.put(v, ir.names().claim((v.name().startsWith("_") ? "_d" : "_d_") + v.name()));
            }
        }

        List<Stmt> body = ir.body();
        Sweeps main = block(body.subList(0, body.size() - 1), null);

        List<Code> out = new ArrayList<>();
        out.add(new Code.Comment("forward sweep"));
        for (Atom.Var v : ir.locals()) {
            if (ir.hoisted().contains(v)) {
                out.add(new Code.Line(v.type().java() + " " + v.name() + " = " + v.type().zero()));
            }
        }
        out.addAll(saveDeclarations);
        out.addAll(main.forward());
        Ty rt = ir.request().result();
        out.add(new Code.Line(rt.java() + " " + result + " = " + ir.result().java()));

        out.add(new Code.Comment("reverse sweep"));
        for (int i = 0; i < ir.params().size(); i++) {
            Atom.Var v = ir.params().get(i);
            if (adjoints.containsKey(v) && !(v.type().isArray() && ir.request().params().get(i).wrt())) {
                out.add(new Code.Line(v.type().java() + " " + adjoints.get(v) + " = " + v.type().zero()));
            }
        }
        for (Atom.Var v : ir.locals()) {
            if (adjoints.containsKey(v)) {
                out.add(new Code.Line(v.type().java() + " " + adjoints.get(v) + " = " + v.type().zero()));
            }
        }
        if (an.isActive(ir.result())) {
            out.add(new Code.Line(adjoints.get((Atom.Var) ir.result()) + " += " + seed));
        }
        out.addAll(main.reverse());
        int b = 0;
        for (int i = 0; i < ir.params().size(); i++) {
            Param p = ir.request().params().get(i);
            if (!p.wrt()) {
                continue;
            }
            Atom.Var v = ir.params().get(i);
            if (!p.type().isArray()) {
                out.add(new Code.Line(buffers.get(b) + ".add(" + adjoints.get(v) + ")"));
            }
            b++;
        }
        out.add(new Code.Line("return " + result));
        return new AdjointMethod(ir.request(), buffers, seed, out);
    }

    /** A block's two sweeps; the reverse one is already flipped. */
    private record Sweeps(List<Code> forward, List<Code> reverse) {}

    /** One user statement's reverse parts, in forward order until the block closes. */
    private record Group(Origin origin, List<List<Code>> parts) {}

    /** @param enclosing the origin of the statement this block belongs to, not repeated inside it */
    private Sweeps block(List<Stmt> stmts, Origin enclosing) {
        List<Code> forward = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Origin shown = enclosing;
        for (int k = 0; k < stmts.size(); k++) {
            Stmt s = stmts.get(k);
            if (s.origin() != shown && spans(stmts, k)) {
                forward.add(new Code.Comment(s.origin().text()));
            }
            shown = s.origin();
            List<Code> rev = new ArrayList<>();
            statement(s, forward, rev);
            if (groups.isEmpty() || groups.get(groups.size() - 1).origin() != s.origin()) {
                groups.add(new Group(s.origin(), new ArrayList<>()));
            }
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
            if (!lines.isEmpty()) {
                if (group.origin() != enclosing) {
                    reverse.add(new Code.Comment("grad of: " + group.origin().text()));
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
        if (s instanceof Stmt.Assign a) {
            assign(a, forward, reverse);
        } else if (s instanceof Stmt.If i) {
            depth++;
            Sweeps then = block(i.then(), i.origin());
            Sweeps otherwise = block(i.otherwise(), i.origin());
            depth--;
            forward.add(new Code.Branch(i.cond().java(), then.forward(), otherwise.forward()));
            if (!then.reverse().isEmpty() || !otherwise.reverse().isEmpty()) {
                reverse.add(new Code.Branch(i.cond().java(), then.reverse(), otherwise.reverse()));
            }
        } else {
            throw new IllegalStateException("not handled by the static strategy in this release: " + s);
        }
    }

    private void assign(Stmt.Assign a, List<Code> forward, List<Code> reverse) {
        Atom.Var t = a.target();
        boolean overwrite = an.overwrites().isOverwrite(a);
        String save = null;
        if (overwrite && an.needed().contains(t)) {
            save = ir.names().claim("_s_" + t.name());
            if (depth == 0) {
                forward.add(new Code.Line(t.type().java() + " " + save + " = " + t.name()));
            } else {
                saveDeclarations.add(new Code.Line(t.type().java() + " " + save + " = " + t.type().zero()));
                forward.add(new Code.Line(save + " = " + t.name()));
            }
        }
        boolean declare = !overwrite && depth == 0 && !ir.hoisted().contains(t) && !ir.params().contains(t);
        forward.add(new Code.Line((declare ? t.type().java() + " " : "") + t.name() + " = " + primal(a.op())));

        if (an.active().contains(t)) {
            String dz = adjoints.get(t);
            if (a.op() instanceof Op.Apply ap) {
                Rule rule = DerivativeRules.get(ap.rule());
                List<String> args = ap.args().stream().map(Atom::java).toList();
                for (int i = 0; i < ap.args().size(); i++) {
                    Atom arg = ap.args().get(i);
                    if (!rule.differentiableIn(i) || !an.isActive(arg)) {
                        continue;
                    }
                    String c = rule.instantiateContribution(i, args, t.name(), dz);
                    reverse.add(accumulate((Atom.Var) arg, c, ap.type()));
                }
            } else if (a.op() instanceof Op.ArrayLoad load && an.isActive(load.array())) {
                reverse.add(new Code.Line(adjoints.get(load.array()) + "[" + load.index().java() + "] += " + dz));
            }
            if (overwrite) {
                reverse.add(new Code.Line(dz + " = " + t.type().zero()));
            }
        }
        if (save != null) {
            reverse.add(new Code.Line(t.name() + " = " + save));
        }
    }

    /** {@code d[v] += c}, or {@code -=} for a negated template, narrowed to float when needed. */
    private Code accumulate(Atom.Var v, String contribution, Ty opType) {
        String op = "+=";
        String c = contribution;
        if (c.startsWith("-") && !c.contains("?")) {
            op = "-=";
            c = c.substring(1);
        }
        if (v.type().prim() == Ty.Prim.FLOAT && opType.prim() == Ty.Prim.DOUBLE) {
            c = "(float) " + Rule.parenthesize(c);
        }
        return new Code.Line(adjoints.get(v) + " " + op + " " + c);
    }

    private static String primal(Op op) {
        if (op instanceof Op.Apply ap) {
            return DerivativeRules.get(ap.rule()).instantiatePrimal(ap.args().stream().map(Atom::java).toList());
        }
        if (op instanceof Op.ArrayLoad load) {
            return load.array().java() + "[" + load.index().java() + "]";
        }
        return ((Op.Passive) op).java();
    }
}
