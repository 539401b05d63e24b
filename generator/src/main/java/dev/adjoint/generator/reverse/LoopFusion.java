package dev.adjoint.generator.reverse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
final class LoopFusion {
    private static final Pattern START = Pattern.compile("((?U)[\\w$]+) = (.+)");
    private static final Pattern STORE = Pattern.compile("^((?U)[\\w$]+)\\[[^\\[\\]]+\\] ?(=|\\+=|-=|\\*=|/=|%=)[^=]");
    private static final Pattern OFFSET = Pattern.compile("[\\w$.\\s*/%+-]+");
    private static final Pattern MATH_CALL = Pattern.compile("(Strict)?Math\\.\\w+");
    private static final Pattern UNSAFE = Pattern.compile("\\+\\+|--|/\\*|\\bnew\\b|\\b(break|continue|return|throw)\\b|AdjointStacks");

    private LoopFusion() {}

    /**
     * {@code codes} with every such pair fused, inner loops first.
     *
     * @param mentions how often each name occurs in the whole method (forward and reverse sweep)
     */
    static List<Code> fuse(List<Code> codes, Map<String, Integer> mentions) {
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
                Code.texts(List.of(second.start, second.loop), t -> Code.Names.each(t, n -> own[0] += n.equals(second.counter) ? 1 : 0));
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
                out.add(new Code.Line(c + " = " + first.counter));
            }
            i = next;
        }
        return out;
    }

    /** Whether {@code b} may run in {@code a}'s iterations; {@code pending}: counters set after the loop. */
    private static boolean fusible(Counted a, Counted b, List<String> pending) {
        Counted renamed = b.renamed(a.counter);
        if (renamed == null || !renamed.startText().equals(a.startText()) || !renamed.loop.header().equals(a.loop.header())
                || !renamed.stepText().equals(a.stepText()) || renamed.stepFirst != a.stepFirst) {
            return false;
        }
        Body x = Body.of(a);
        Body y = Body.of(renamed);
        if (x == null || y == null) {
            return false;
        }
        // names the range depends on, and names both bodies share, that either body assigns
        Set<String> range = new HashSet<>();
        String rangeText = a.startText() + "; " + a.loop.header().substring("while (".length());
        Code.Names.collect(rangeText, range);
        range.remove(a.counter);
        // (a call in the start or the bound, other than Math's, could change what the bodies read)
        if (!callsOnlyMath(rangeText)) {
            return false;
        }
        Set<String> assigned = new HashSet<>(x.assigned);
        assigned.addAll(y.assigned);
        for (String n : range) {
            if (assigned.contains(n) || x.stored.contains(n) || y.stored.contains(n)) {
                return false;
            }
        }
        if (x.names.contains(b.counter) && !b.counter.equals(a.counter) || intersects(x.assigned, y.names)
                || intersects(y.assigned, x.names) || pending.stream().anyMatch(y.names::contains)) {
            return false;
        }
        // arrays both touch and either writes: one index, the counter plus what neither assigns
        for (String array : x.indices.keySet()) {
            if (!y.indices.containsKey(array) || !(x.stored.contains(array) || y.stored.contains(array))) {
                continue;
            }
            Set<String> indices = new HashSet<>(x.indices.get(array));
            indices.addAll(y.indices.get(array));
            if (indices.size() != 1 || !movesWithCounter(indices.iterator().next(), a.counter, assigned)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code index} is {@code counter} or {@code offset + counter}, the offset unchanged by the loops. */
    private static boolean movesWithCounter(String index, String counter, Set<String> assigned) {
        String i = index.trim();
        if (i.equals(counter)) {
            return true;
        }
        if (!i.endsWith(" + " + counter)) {
            return false;
        }
        String offset = i.substring(0, i.length() - counter.length() - 3);
        Set<String> names = new HashSet<>();
        Code.Names.collect(offset, names);
        // (only operators that bind at least as tightly as +: in c > 0 ? 1 : 0 + j, or m << 1 + j, the
        // counter is not simply added, and every iteration may reach the same element)
        return OFFSET.matcher(offset).matches() && !names.contains(counter) && !intersects(names, assigned);
    }

    /** Whether every call in {@code text} is one of {@code Math}'s functions. */
    private static boolean callsOnlyMath(String text) {
        Matcher call = Code.Names.CALL.matcher(text);
        while (call.find()) {
            if (!MATH_CALL.matcher(call.group(1)).matches()) {
                return false;
            }
        }
        return true;
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
     * A loop right after the line that starts its counter, whose first or last statement steps
     * the counter by one: {@code [start, end)} in the list.
     */
    private record Counted(String counter, Code.Line start, Code.Loop loop, boolean stepFirst, int end) {
        static Counted at(List<Code> codes, int i) {
            if (i + 1 >= codes.size() || !(codes.get(i) instanceof Code.Line start) || !(codes.get(i + 1) instanceof Code.Loop loop)) {
                return null;
            }
            Matcher m = START.matcher(start.text());
            if (!m.matches() || loop.body().isEmpty() || !loop.header().startsWith("while (")) {
                return null;
            }
            String counter = m.group(1);
            Set<String> header = new HashSet<>();
            Code.Names.collect(loop.header(), header);
            if (!header.contains(counter)) {
                return null;
            }
            for (boolean first : new boolean[] {true, false}) {
                Code step = loop.body().get(first ? 0 : loop.body().size() - 1);
                if (step instanceof Code.Line l && (l.text().equals(counter + " = " + counter + " + 1")
                        || l.text().equals(counter + " = " + counter + " - 1"))) {
                    return new Counted(counter, start, loop, first, i + 2);
                }
            }
            return null;
        }

        String startText() {
            return start.text();
        }

        String stepText() {
            return ((Code.Line) step()).text();
        }

        Code step() {
            return loop.body().get(stepFirst ? 0 : loop.body().size() - 1);
        }

        /** The statements of the body other than the step. */
        List<Code> work() {
            return stepFirst ? loop.body().subList(1, loop.body().size()) : loop.body().subList(0, loop.body().size() - 1);
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
            Pattern p = Pattern.compile("(?<![\\w$])" + Pattern.quote(counter) + "(?![\\w$])");
            java.util.function.UnaryOperator<String> r = t -> p.matcher(t).replaceAll(Matcher.quoteReplacement(name));
            List<Code> body = new ArrayList<>();
            for (Code c : loop.body()) {
                body.add(c instanceof Code.Line l ? new Code.Line(r.apply(l.text())) : c);
            }
            return new Counted(name, new Code.Line(r.apply(start.text())), new Code.Loop(r.apply(loop.header()), body), stepFirst, end);
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
    private record Body(Set<String> names, Set<String> assigned, Set<String> stored, Map<String, Set<String>> indices) {
        static Body of(Counted c) {
            Set<String> names = new HashSet<>();
            Set<String> assigned = new HashSet<>();
            Set<String> stored = new HashSet<>();
            Map<String, Set<String>> indices = new java.util.HashMap<>();
            for (Code code : c.work()) {
                if (code instanceof Code.Comment) {
                    continue;
                }
                if (!(code instanceof Code.Line line) || UNSAFE.matcher(line.text()).find()) {
                    return null;
                }
                String text = line.text();
                if (!callsOnlyMath(text)) {
                    return null;
                }
                Matcher e = Code.Names.ELEMENT.matcher(text);
                while (e.find()) {
                    indices.computeIfAbsent(e.group(1), k -> new HashSet<>()).add(e.group(2).trim());
                }
                // an element of an element, or of a 2-D array: indices this reading cannot follow
                if (e.reset().replaceAll("").contains("[")) {
                    return null;
                }
                Matcher s = STORE.matcher(text);
                if (s.find()) {
                    stored.add(s.group(1));
                }
                Code.Names.collect(text, names);
                Code.Names.assigned(text, assigned);
            }
            names.remove(c.counter);
            // (the counter is assigned by the step alone)
            return assigned.contains(c.counter) ? null : new Body(names, assigned, stored, indices);
        }
    }
}
