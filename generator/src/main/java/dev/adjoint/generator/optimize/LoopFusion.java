package dev.adjoint.generator.optimize;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two loops in a row over the same range, whose iteration {@code j} touches only element
 * {@code j} of what one writes and the other reads, run as one loop: GMM's {@code xc[j] = x − μ}
 * then {@code qxc[j] = q[j]·xc[j]}, and in the reverse sweep the adjoints of both. At two or ten
 * elements a loop's set-up and exit cost about as much as its body; the JIT does not fuse loops.
 *
 * <p>Fused are two loops each right after the line that starts its counter ({@code j_1 = 0;
 * while (j_1 < d) {…; j_1 = j_1 + 1}}, or the reverse sweep's {@code j = max(0, d); while (j > 0)
 * {j = j − 1; …}}), only comments between them, with the same start, header and step once the
 * second counter is named like the first, and bodies that
 * <ul>
 *   <li>are lines (no branch, nested loop, jump, stack push or pop, call other than {@code Math}'s);</li>
 *   <li>share no variable that either assigns (a value carried from one loop into the other would
 *       be read one iteration early), and assign neither counter, bound nor start;</li>
 *   <li>touch an array both name and either writes at one index only, the counter plus what
 *       neither body changes: then iteration {@code j} of the second reads only what iteration
 *       {@code j} of the first wrote, and nothing of a later one.</li>
 * </ul>
 * Different arrays are different objects: locals come from {@code new}, and the generated code
 * assumes that parameter arrays are distinct (the README's unsupported list). The second
 * counter, where the method names it elsewhere, is set to the first's final value after the loop.
 */
public final class LoopFusion {
    private LoopFusion() {}

    /**
     * {@code codes} with every such pair fused, inner loops first.
     *
     * @param mentions how often each name occurs in the whole method (forward and reverse sweep)
     */
    public static List<Code> fuse(List<Code> codes, Map<String, Integer> mentions) {
        List<Code> in = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                in.add(new Code.Branch(b.cond(), fuse(b.then(), mentions), fuse(b.otherwise(), mentions)));
            } else if (c instanceof Code.Loop l) {
                in.add(new Code.Loop(l.header(), fuse(l.body(), mentions)));
            } else {
                in.add(c);
            }
        }
        List<Code> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            Counted first = Counted.at(in, i);
            if (first == null) {
                out.add(in.get(i++));
                continue;
            }
            // the comments before the first loop's start are already in out
            List<Code> comments = new ArrayList<>();
            List<String> copies = new ArrayList<>();
            int fused = 1;
            int next = first.end;
            while (true) {
                int j = next;
                while (j < in.size() && in.get(j) instanceof Code.Comment) {
                    j++;
                }
                Counted second = Counted.at(in, j);
                if (second == null || !fusible(first, second, copies)) {
                    break;
                }
                comments.addAll(in.subList(next, j));
                int[] own = {0};
                Code.mentions(List.of(second.start, second.loop), n -> own[0] += n.equals(second.counter) ? 1 : 0);
                if (!second.counter.equals(first.counter) && mentions.getOrDefault(second.counter, 0) > own[0]) {
                    copies.add(second.counter);
                }
                first = first.then(second);
                fused++;
                next = second.end;
            }
            out.addAll(comments);
            if (fused > 1) {
                out.add(new Code.Comment(fused + " loops over the same range, run as one"));
            }
            out.add(first.start);
            out.add(first.loop);
            for (String c : copies) {
                out.add(new Code.Line(
                        new Statement.Eval(new Expr.Assign(new Expr.Name(c), "=", new Expr.Name(first.counter)))));
            }
            i = next;
        }
        return out;
    }

    /** Whether {@code b} may run in {@code a}'s iterations; {@code pending}: counters set after the loop. */
    private static boolean fusible(Counted a, Counted b, List<String> pending) {
        Counted renamed = b.renamed(a.counter);
        if (renamed == null
                || !renamed.start.equals(a.start)
                || !renamed.loop.header().equals(a.loop.header())
                || !renamed.step().equals(a.step())
                || renamed.stepFirst != a.stepFirst) {
            return false;
        }
        Body x = Body.of(a);
        Body y = Body.of(renamed);
        if (x == null || y == null) {
            return false;
        }
        // names the range depends on, and names both bodies share, that either body assigns
        Set<String> range = new HashSet<>();
        Expr start = Uses.assignment(a.start.statement()).value();
        Expr bound = ((LoopHeader.While) a.loop.header()).cond();
        Uses.names(start, range::add);
        Uses.names(bound, range::add);
        range.remove(a.counter);
        // (a call in the start or the bound, other than Math's, could change what the bodies read)
        if (!callsOnlyMath(start) || !callsOnlyMath(bound)) {
            return false;
        }
        Set<String> assigned = new HashSet<>(x.assigned);
        assigned.addAll(y.assigned);
        for (String n : range) {
            if (assigned.contains(n) || x.stored.contains(n) || y.stored.contains(n)) {
                return false;
            }
        }
        if (x.names.contains(b.counter) && !b.counter.equals(a.counter)
                || intersects(x.assigned, y.names)
                || intersects(y.assigned, x.names)
                || pending.stream().anyMatch(y.names::contains)) {
            return false;
        }
        // arrays both touch and either writes: one index, the counter plus what neither assigns
        for (String array : x.indices.keySet()) {
            if (!y.indices.containsKey(array) || !(x.stored.contains(array) || y.stored.contains(array))) {
                continue;
            }
            Set<Expr> indices = new HashSet<>(x.indices.get(array));
            indices.addAll(y.indices.get(array));
            if (indices.size() != 1 || !movesWithCounter(indices.iterator().next(), a.counter, assigned)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code index} is {@code counter} or {@code offset + counter}, the offset unchanged by the loops. */
    private static boolean movesWithCounter(Expr index, String counter, Set<String> assigned) {
        Expr j = new Expr.Name(counter);
        if (index.equals(j)) {
            return true;
        }
        if (!(index instanceof Expr.Binary b && b.op().equals("+") && b.right().equals(j))) {
            return false;
        }
        Set<String> names = new HashSet<>();
        Uses.names(b.left(), names::add);
        return arithmetic(b.left()) && !names.contains(counter) && !intersects(names, assigned);
    }

    /**
     * Whether {@code offset} is names, numbers and fields under {@code + - * / %}: nothing that
     * calls, assigns, chooses or shifts (kept as narrow as the offsets the reverse pass writes).
     */
    private static boolean arithmetic(Expr offset) {
        boolean[] ok = {true};
        Uses.each(
                offset,
                x -> ok[0] &= x instanceof Expr.Name
                        || x instanceof Expr.Field
                        || x instanceof Expr.Literal l
                                && !l.text().isEmpty()
                                && Character.isDigit(l.text().charAt(0))
                        || x instanceof Expr.Binary b
                                && Set.of("+", "-", "*", "/", "%").contains(b.op())
                        || x instanceof Expr.Unary u && (u.op().equals("-") || u.op().equals("+")));
        return ok[0];
    }

    /** Whether every call in {@code e} is one of {@code Math}'s functions. */
    private static boolean callsOnlyMath(Expr e) {
        boolean[] ok = {true};
        Uses.each(
                e,
                x -> ok[0] &= !(x instanceof Expr.Call c)
                        || c.target() instanceof Expr.Name n && (n.id().equals("Math") || n.id().equals("StrictMath")));
        return ok[0];
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A loop {@code while (cond)} right after the line {@code counter = start}, whose first or
     * last statement steps the counter by one: {@code [start, end)} in the list.
     */
    private record Counted(String counter, Code.Line start, Code.Loop loop, boolean stepFirst, int end) {
        static Counted at(List<Code> codes, int i) {
            if (i + 1 >= codes.size()
                    || !(codes.get(i) instanceof Code.Line start)
                    || !(codes.get(i + 1) instanceof Code.Loop loop)) {
                return null;
            }
            String counter = Uses.assignedName(start.statement());
            if (counter == null
                    || !Uses.assignment(start.statement()).op().equals("=")
                    || loop.body().isEmpty()
                    || !(loop.header() instanceof LoopHeader.While header)
                    || !Uses.mentions(header.cond(), counter)) {
                return null;
            }
            for (boolean first : new boolean[] {true, false}) {
                Code step = loop.body().get(first ? 0 : loop.body().size() - 1);
                if (step instanceof Code.Line l
                        && (l.statement().equals(step(counter, "+"))
                                || l.statement().equals(step(counter, "-")))) {
                    return new Counted(counter, start, loop, first, i + 2);
                }
            }
            return null;
        }

        /** {@code counter = counter op 1}. */
        private static Statement step(String counter, String op) {
            Expr c = new Expr.Name(counter);
            return new Statement.Eval(new Expr.Assign(c, "=", new Expr.Binary(op, c, new Expr.Literal("1"))));
        }

        Code step() {
            return loop.body().get(stepFirst ? 0 : loop.body().size() - 1);
        }

        /** The statements of the body other than the step. */
        List<Code> work() {
            return stepFirst
                    ? loop.body().subList(1, loop.body().size())
                    : loop.body().subList(0, loop.body().size() - 1);
        }

        /** This loop with its counter named {@code name}; null when the loop already names {@code name}. */
        Counted renamed(String name) {
            if (name.equals(counter)) {
                return this;
            }
            Set<String> names = new HashSet<>();
            Code.names(List.of(start, loop), names);
            if (names.contains(name)) {
                return null;
            }
            Expr from = new Expr.Name(counter);
            Expr to = new Expr.Name(name);
            java.util.function.UnaryOperator<Expr> r = e -> e.equals(from) ? to : e;
            List<Code> body = new ArrayList<>();
            for (Code c : loop.body()) {
                body.add(c instanceof Code.Line l ? new Code.Line(Uses.rewrite(l.statement(), r)) : c);
            }
            LoopHeader header = new LoopHeader.While(Uses.rewrite(((LoopHeader.While) loop.header()).cond(), r));
            return new Counted(
                    name,
                    new Code.Line(Uses.rewrite(start.statement(), r)),
                    new Code.Loop(header, body),
                    stepFirst,
                    end);
        }

        /** This loop running {@code next}'s work (already renamed or not) after its own in each iteration. */
        Counted then(Counted next) {
            Counted n = next.renamed(counter);
            List<Code> body = new ArrayList<>();
            if (stepFirst) {
                body.add(step());
            }
            body.addAll(work());
            body.addAll(n.work());
            if (!stepFirst) {
                body.add(step());
            }
            return new Counted(counter, start, new Code.Loop(loop.header(), body), stepFirst, next.end);
        }
    }

    /** What a loop's work (its body without the step) names, assigns, stores into and indexes. */
    private record Body(Set<String> names, Set<String> assigned, Set<String> stored, Map<String, Set<Expr>> indices) {
        static Body of(Counted c) {
            Set<String> names = new HashSet<>();
            Set<String> assigned = new HashSet<>();
            Set<String> stored = new HashSet<>();
            Map<String, Set<Expr>> indices = new java.util.HashMap<>();
            for (Code code : c.work()) {
                if (code instanceof Code.Comment) {
                    continue;
                }
                if (!(code instanceof Code.Line line)
                        || !(line.statement() instanceof Statement.Eval
                                || line.statement() instanceof Statement.Declare)) {
                    return null;
                }
                for (Expr e : Uses.expressions(line.statement())) {
                    if (!safe(e) || !callsOnlyMath(e) || !elements(e, indices)) {
                        return null;
                    }
                }
                Uses.stored(line.statement(), stored);
                Uses.names(line.statement(), names::add);
                Uses.assigned(line.statement(), assigned);
            }
            names.remove(c.counter);
            // (the counter is assigned by the step alone)
            return assigned.contains(c.counter) ? null : new Body(names, assigned, stored, indices);
        }

        /** Whether {@code e} has no increment, stack push or pop, object or array creation, or text the model did not read. */
        private static boolean safe(Expr e) {
            boolean[] ok = {true};
            Uses.each(
                    e,
                    x -> ok[0] &= !(x instanceof Expr.Unary u && (u.op().equals("++") || u.op().equals("--"))
                            || x instanceof Expr.Postfix
                            || x instanceof Expr.Push
                            || x instanceof Expr.Pop
                            || x instanceof Expr.New
                            || x instanceof Expr.NewArray
                            || x instanceof Expr.Opaque));
            return ok[0];
        }

        /**
         * Adds the index of each element {@code a[i]} in {@code e} to {@code indices}; false when an
         * element is one this reading cannot follow: of an element, of a 2-D array, at an index
         * that holds an element itself.
         */
        private static boolean elements(Expr e, Map<String, Set<Expr>> indices) {
            if (e instanceof Expr.Element el) {
                if (!(el.array() instanceof Expr.Name a)) {
                    return false;
                }
                boolean[] nested = {false};
                Uses.each(el.index(), x -> nested[0] |= x instanceof Expr.Element);
                if (nested[0]) {
                    return false;
                }
                indices.computeIfAbsent(a.id(), k -> new HashSet<>()).add(el.index());
                return true;
            }
            for (Expr c : Uses.children(e)) {
                if (!elements(c, indices)) {
                    return false;
                }
            }
            return true;
        }
    }
}
