package dev.adjoint.generator.optimize;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The temporaries of a finished method body numbered {@code _t1, _t2, ...} without gaps, for the
 * person reading it: normalisation hands out a number to every temporary it makes, and the passes
 * after it remove many of them. Names made from a temporary ({@code _d_t5}, its adjoint;
 * {@code _s__t5}, a save of it) follow it: a temporary and its family take one number together,
 * in the order normalisation made them.
 *
 * <p>The rule: a renaming is a one-to-one map of local names onto names that nothing else in the
 * method can mean, so the code computes what it did. A name is renamed only when the allocator
 * handed out its temporary ({@code _t5}: never a name the user wrote, which the allocator
 * reserves) and it occurs only in nodes the model takes apart (a name inside text kept as it is,
 * a {@code Code.Raw} or an opaque node, freezes its family). A new name is never one the user
 * wrote, a name of the method's signature, or a name that stays in the body. Comments are not
 * touched: they quote the user's source, which holds no temporary the allocator handed out; when
 * that source has temporaries of its own (the tangent code a Hessian differentiates again), the
 * numbering starts after them.
 */
public final class DenseTemporaries {
    private DenseTemporaries() {}

    private static final String TEMP = "_t";

    /**
     * {@code body} with its temporaries renumbered.
     *
     * @param temps the temporaries the allocator handed out, in order
     * @param isReserved whether a name is one the user wrote
     * @param signature the names of the method's parameters
     */
    public static List<Code> renumber(
            List<Code> body, List<String> temps, Predicate<String> isReserved, Set<String> signature) {
        Set<String> mentioned = new HashSet<>();
        Code.names(body, mentioned);
        Set<String> frozen = new HashSet<>();
        frozenNames(body, frozen);
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < temps.size(); i++) {
            order.put(temps.get(i), i);
        }
        // each handed-out temporary's family: the names in the body that are a prefix and the temporary
        Map<String, List<String>> families = new HashMap<>();
        for (String name : mentioned) {
            int at = name.lastIndexOf(TEMP);
            String temp = at < 0 ? null : name.substring(at);
            if (temp != null
                    && order.containsKey(temp)
                    && (at == 0 || name.charAt(0) == '_')
                    && !isReserved.test(name)) {
                families.computeIfAbsent(temp, t -> new ArrayList<>()).add(name.substring(0, at));
            }
        }
        families.entrySet()
                .removeIf(f -> f.getValue().stream().anyMatch(prefix -> frozen.contains(prefix + f.getKey())));
        Set<String> blocked = new HashSet<>(mentioned);
        blocked.addAll(signature);
        families.forEach((temp, prefixes) -> prefixes.forEach(prefix -> blocked.remove(prefix + temp)));

        // (after the temporaries of the user's code, if it has any: of a Hessian's tangent, say,
        // whose names the comments quote; the two sets stay apart)
        int next = 1;
        for (String name : mentioned) {
            int at = name.lastIndexOf(TEMP);
            if (at >= 0 && isReserved.test(name) && number(name.substring(at + TEMP.length())) >= next) {
                next = number(name.substring(at + TEMP.length())) + 1;
            }
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String temp : temps) {
            List<String> prefixes = families.get(temp);
            if (prefixes == null) {
                continue;
            }
            int n = next;
            while (!free(prefixes, TEMP + n, blocked, isReserved)) {
                n++;
            }
            next = n + 1;
            for (String prefix : prefixes) {
                renamed.put(prefix + temp, prefix + TEMP + n);
            }
        }
        renamed.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return renamed.isEmpty() ? body : rename(body, renamed);
    }

    /** The number {@code digits} spell (ASCII digits only, at most 9), or -1. */
    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    /** Whether every name of the family, on {@code temp}, is free. */
    private static boolean free(List<String> prefixes, String temp, Set<String> blocked, Predicate<String> isReserved) {
        return prefixes.stream().map(p -> p + temp).noneMatch(n -> blocked.contains(n) || isReserved.test(n));
    }

    /** The names in text the model keeps as it is: raw code, opaque statements, expressions and loop headers. */
    private static void frozenNames(List<Code> codes, Set<String> into) {
        for (Code c : codes) {
            if (c instanceof Code.Raw r) {
                Uses.javaNames(r.text(), into::add);
            } else if (c instanceof Code.Line l) {
                frozenNames(l.statement(), into);
            } else if (c instanceof Code.Branch b) {
                frozenNames(new Statement.Eval(b.cond()), into);
                frozenNames(b.then(), into);
                frozenNames(b.otherwise(), into);
            } else if (c instanceof Code.Loop l) {
                if (l.header() instanceof LoopHeader.Opaque h) {
                    Uses.javaNames(h.text(), into::add);
                }
                Code.statements(List.of(new Code.Loop(l.header(), List.of())), s -> frozenNames(s, into));
                frozenNames(l.body(), into);
            }
        }
    }

    private static void frozenNames(Statement s, Set<String> into) {
        if (s instanceof Statement.Opaque || Uses.expressions(s).stream().anyMatch(Uses::opaque)) {
            Uses.names(s, into::add);
        }
    }

    private static List<Code> rename(List<Code> codes, Map<String, String> renamed) {
        List<Code> out = new ArrayList<>(codes.size());
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                out.add(new Code.Line(rename(l.statement(), renamed)));
            } else if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(
                        rename(b.cond(), renamed), rename(b.then(), renamed), rename(b.otherwise(), renamed)));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(rename(l.header(), renamed), rename(l.body(), renamed)));
            } else {
                out.add(c); // (a comment; raw text holds no renamed name)
            }
        }
        return out;
    }

    private static LoopHeader rename(LoopHeader h, Map<String, String> renamed) {
        if (h instanceof LoopHeader.While w) {
            return new LoopHeader.While(rename(w.cond(), renamed));
        } else if (h instanceof LoopHeader.For f) {
            return new LoopHeader.For(
                    f.init() == null ? null : rename(f.init(), renamed),
                    f.cond() == null ? null : rename(f.cond(), renamed),
                    f.update() == null ? null : rename(f.update(), renamed));
        }
        return h;
    }

    private static Statement rename(Statement s, Map<String, String> renamed) {
        Statement out = Uses.rewrite(s, x -> renamed(x, renamed));
        if (out instanceof Statement.Declare d && renamed.containsKey(d.name())) {
            return new Statement.Declare(d.modifiers(), d.type(), renamed.get(d.name()), d.init());
        }
        return out;
    }

    private static Expr rename(Expr e, Map<String, String> renamed) {
        return Uses.rewrite(e, x -> renamed(x, renamed));
    }

    /** {@code x} renamed when it is a renamed name (one node: {@code Uses.rewrite} visits the others). */
    private static Expr renamed(Expr x, Map<String, String> renamed) {
        return x instanceof Expr.Name n && renamed.containsKey(n.id()) ? new Expr.Name(renamed.get(n.id())) : x;
    }
}
