package dev.adjoint.generator.reverse;

import dev.adjoint.generator.ir.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reverse loop that adds into one element of an adjoint array at every iteration,
 * {@code da[i] += e} with {@code i} unchanged by the loop, adds into a local instead and into
 * {@code da[i]} once after the loop. The JIT cannot do this itself: it cannot tell that
 * {@code da} is not another array the loop writes (two {@code double[]} may be the same array),
 * so each iteration would load and store the element, a chain through memory from one iteration
 * to the next (the triangular loop of GMM's {@code Q·x}: {@code dxc[a]} in the loop over
 * {@code b}).
 *
 * <p>The sum is added only when it is not zero: when the loop ran no iteration, {@code i} need not
 * be a valid index.
 */
final class LoopAccumulators {
    private static final Pattern ELEMENT_INCREMENT = Pattern.compile("((?U)[\\w$]+)(\\[[^\\[\\]]+\\]) (\\+=|-=) (.+)");

    private LoopAccumulators() {}

    /**
     * {@code codes} with every such loop rewritten, inner loops first.
     *
     * @param arrays the element type of each adjoint array, by name
     * @param claim gives a fresh local name for a proposed one
     */
    static List<Code> promote(List<Code> codes, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(b.cond(), promote(b.then(), arrays, claim), promote(b.otherwise(), arrays, claim)));
            } else if (c instanceof Code.Loop l) {
                loop(new Code.Loop(l.header(), promote(l.body(), arrays, claim)), arrays, claim, out);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static void loop(Code.Loop l, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim, List<Code> out) {
        Set<String> assigned = new HashSet<>();
        assignedIn(List.of(l), assigned);
        // each element the loop only increments, by its text (da[i]), with the array's name
        Map<String, String> elements = new LinkedHashMap<>();
        Set<String> spoiled = new HashSet<>();
        for (Code c : l.body()) {
            if (c instanceof Code.Line line) {
                Matcher m = ELEMENT_INCREMENT.matcher(line.text());
                if (m.matches() && arrays.containsKey(m.group(1))) {
                    String element = m.group(1) + m.group(2);
                    Set<String> indexReads = new HashSet<>();
                    Code.Names.collect(m.group(2), indexReads);
                    indexReads.retainAll(assigned);
                    if (!indexReads.isEmpty() || (elements.containsKey(element) && !elements.get(element).equals(m.group(1)))) {
                        spoiled.add(m.group(1));
                    }
                    elements.putIfAbsent(element, m.group(1));
                }
            }
        }
        // an array named anywhere else in the loop, or incremented at two elements, keeps its adds
        Map<String, Integer> mentions = new LinkedHashMap<>();
        countMentions(List.of(l), mentions);
        Map<String, Integer> increments = new LinkedHashMap<>();
        elements.values().forEach(a -> increments.merge(a, 1, Integer::sum));
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : elements.entrySet()) {
            String array = e.getValue();
            if (spoiled.contains(array) || increments.get(array) != 1 || mentions.get(array) != countLines(l.body(), e.getKey())) {
                continue;
            }
            sums.put(e.getKey(), claim.apply("_sum_" + array.replaceFirst("^_+", "")));
        }
        if (sums.isEmpty()) {
            out.add(l);
            return;
        }
        List<Code> body = new ArrayList<>();
        for (Code c : l.body()) {
            Matcher m = c instanceof Code.Line line ? ELEMENT_INCREMENT.matcher(line.text()) : null;
            if (m != null && m.matches() && sums.containsKey(m.group(1) + m.group(2))) {
                body.add(new Code.Line(sums.get(m.group(1) + m.group(2)) + " " + m.group(3) + " " + m.group(4)));
            } else {
                body.add(c);
            }
        }
        for (Map.Entry<String, String> s : sums.entrySet()) {
            Ty.Prim p = arrays.get(elements.get(s.getKey()));
            out.add(new Code.Line(p.java() + " " + s.getValue() + " = " + new Ty(p, 0).zero()));
        }
        out.add(new Code.Loop(l.header(), body));
        for (Map.Entry<String, String> s : sums.entrySet()) {
            Ty.Prim p = arrays.get(elements.get(s.getKey()));
            out.add(new Code.Branch(s.getValue() + " != " + new Ty(p, 0).zero(), List.of(new Code.Line(s.getKey() + " += " + s.getValue())),
                    List.of()));
        }
    }

    /** How many lines of {@code body} (top level) increment {@code element}. */
    private static int countLines(List<Code> body, String element) {
        int n = 0;
        for (Code c : body) {
            if (c instanceof Code.Line line) {
                Matcher m = ELEMENT_INCREMENT.matcher(line.text());
                if (m.matches() && (m.group(1) + m.group(2)).equals(element) && !mentions(m.group(4), m.group(1))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean mentions(String text, String name) {
        Set<String> names = new HashSet<>();
        Code.Names.collect(text, names);
        return names.contains(name);
    }

    /** How many times each name occurs in {@code codes}, nested code and loop headers included. */
    private static void countMentions(List<Code> codes, Map<String, Integer> into) {
        Code.texts(codes, text -> Code.Names.each(text, name -> into.merge(name, 1, Integer::sum)));
    }

    /** The variables {@code codes} assign ({@code v = }, {@code v += }, {@code v++}), nested code and headers included. */
    private static void assignedIn(List<Code> codes, Set<String> into) {
        Code.texts(codes, text -> Code.Names.assigned(text, into));
    }
}
