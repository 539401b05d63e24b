package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Stmt;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The assignment sites that may overwrite a value defined earlier on some path: those are where a
 * value the reverse sweep needs could be lost. Parameters count as defined on entry.
 */
public final class Overwrites {
    private final Set<Stmt> sites = Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.Map<Stmt.Loop, Set<Atom.Var>> loopTargets = new IdentityHashMap<>();

    private Overwrites() {}

    /** Finds the overwriting sites of {@code body}. */
    public static Overwrites of(List<Atom.Var> params, List<Stmt> body) {
        Overwrites o = new Overwrites();
        o.walk(body, new HashSet<>(params));
        return o;
    }

    /** Whether {@code s} may overwrite an earlier value of its target. */
    public boolean isOverwrite(Stmt s) {
        return sites.contains(s);
    }

    /** Walks in program order; {@code defined} holds what may be defined so far. */
    private Set<Atom.Var> walk(List<Stmt> body, Set<Atom.Var> defined) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                if (!defined.add(a.target())) {
                    sites.add(a);
                }
            } else if (s instanceof Stmt.ArrayStore st) {
                sites.add(st);
            } else if (s instanceof Stmt.If i) {
                Set<Atom.Var> then = walk(i.then(), new HashSet<>(defined));
                Set<Atom.Var> otherwise = walk(i.otherwise(), new HashSet<>(defined));
                defined.addAll(then);
                defined.addAll(otherwise);
            } else if (s instanceof Stmt.Loop l) {
                // from the second iteration on, everything the loop assigns may be defined already; one
                // walk from there finds every site (walking each loop twice instead took 2^depth walks)
                defined.addAll(targets(l));
                defined.addAll(walk(l.head(), new HashSet<>(defined)));
                defined.addAll(walk(l.body(), new HashSet<>(defined)));
            }
        }
        return defined;
    }

    /** The variables a loop assigns anywhere inside it, computed once per loop. */
    private Set<Atom.Var> targets(Stmt.Loop l) {
        Set<Atom.Var> t = loopTargets.get(l);
        if (t == null) {
            t = new HashSet<>();
            collectTargets(l.head(), t);
            collectTargets(l.body(), t);
            loopTargets.put(l, t);
        }
        return t;
    }

    private void collectTargets(List<Stmt> body, Set<Atom.Var> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                into.add(a.target());
            } else if (s instanceof Stmt.If i) {
                collectTargets(i.then(), into);
                collectTargets(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop inner) {
                into.addAll(targets(inner));
            }
        }
    }
}
