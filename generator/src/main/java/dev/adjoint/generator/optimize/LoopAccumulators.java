package dev.adjoint.generator.optimize;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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
public final class LoopAccumulators {
    private LoopAccumulators() {}

    /**
     * {@code codes} with every such loop rewritten, inner loops first.
     *
     * @param arrays the element type of each adjoint array, by name
     * @param claim gives a fresh local name for a proposed one
     */
    public static List<Code> promote(List<Code> codes, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(
                        b.cond(), promote(b.then(), arrays, claim), promote(b.otherwise(), arrays, claim)));
            } else if (c instanceof Code.Loop l) {
                loop(new Code.Loop(l.header(), promote(l.body(), arrays, claim)), arrays, claim, out);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code da[i] += e} or {@code da[i] -= e}: an add into an element of a named 1-D array whose
     * index holds no element access.
     */
    private record Increment(Expr.Element element, String array, String op, Expr value) {
        static Increment of(Code c) {
            if (!(c instanceof Code.Line line)) {
                return null;
            }
            Expr.Assign a = Uses.assignment(line.statement());
            if (a == null
                    || !(a.op().equals("+=") || a.op().equals("-="))
                    || !(a.target() instanceof Expr.Element el)
                    || !(el.array() instanceof Expr.Name array)) {
                return null;
            }
            boolean[] nested = {false};
            Uses.each(
                    el.index(),
                    x -> nested[0] |= x instanceof Expr.Element || x instanceof Expr.Pop || x instanceof Expr.Opaque);
            return nested[0] ? null : new Increment(el, array.id(), a.op(), a.value());
        }
    }

    private static void loop(Code.Loop l, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim, List<Code> out) {
        Set<String> assigned = new HashSet<>();
        Code.statements(List.of(l), s -> Uses.assigned(s, assigned));
        // each element the loop only increments (da[i]), with the array's name
        Map<Expr.Element, String> elements = new LinkedHashMap<>();
        Set<String> spoiled = new HashSet<>();
        for (Code c : l.body()) {
            Increment inc = Increment.of(c);
            if (inc != null && arrays.containsKey(inc.array())) {
                Set<String> indexReads = new HashSet<>();
                Uses.names(inc.element().index(), indexReads::add);
                indexReads.retainAll(assigned);
                if (!indexReads.isEmpty()
                        || (elements.containsKey(inc.element())
                                && !elements.get(inc.element()).equals(inc.array()))) {
                    spoiled.add(inc.array());
                }
                elements.putIfAbsent(inc.element(), inc.array());
            }
        }
        // an array named anywhere else in the loop, or incremented at two elements, keeps its adds
        Map<String, Integer> mentions = new LinkedHashMap<>();
        Code.mentions(List.of(l), name -> mentions.merge(name, 1, Integer::sum));
        Map<String, Integer> increments = new LinkedHashMap<>();
        elements.values().forEach(a -> increments.merge(a, 1, Integer::sum));
        Map<Expr.Element, String> sums = new LinkedHashMap<>();
        for (Map.Entry<Expr.Element, String> e : elements.entrySet()) {
            String array = e.getValue();
            if (spoiled.contains(array)
                    || increments.get(array) != 1
                    || mentions.get(array) != countLines(l.body(), e.getKey())) {
                continue;
            }
            sums.put(e.getKey(), claim.apply("_sum_" + stripUnderscores(array)));
        }
        if (sums.isEmpty()) {
            out.add(l);
            return;
        }
        List<Code> body = new ArrayList<>();
        for (Code c : l.body()) {
            Increment inc = Increment.of(c);
            if (inc != null && sums.containsKey(inc.element())) {
                body.add(new Code.Line(new Statement.Eval(
                        new Expr.Assign(new Expr.Name(sums.get(inc.element())), inc.op(), inc.value()))));
            } else {
                body.add(c);
            }
        }
        for (Map.Entry<Expr.Element, String> s : sums.entrySet()) {
            Ty.Prim p = arrays.get(elements.get(s.getKey()));
            out.add(new Code.Line(
                    new Statement.Declare("", p.java(), s.getValue(), new Expr.Literal(new Ty(p, 0).zero()))));
        }
        out.add(new Code.Loop(l.header(), body));
        for (Map.Entry<Expr.Element, String> s : sums.entrySet()) {
            Ty.Prim p = arrays.get(elements.get(s.getKey()));
            Expr sum = new Expr.Name(s.getValue());
            out.add(new Code.Branch(
                    new Expr.Binary("!=", sum, new Expr.Literal(new Ty(p, 0).zero())),
                    List.of(new Code.Line(new Statement.Eval(new Expr.Assign(s.getKey(), "+=", sum)))),
                    List.of()));
        }
    }

    /** {@code name} without its leading underscores. */
    static String stripUnderscores(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '_') {
            i++;
        }
        return name.substring(i);
    }

    /** How many lines of {@code body} (top level) increment {@code element} by a value that does not name its array. */
    private static int countLines(List<Code> body, Expr.Element element) {
        int n = 0;
        for (Code c : body) {
            Increment inc = Increment.of(c);
            if (inc != null && inc.element().equals(element) && !Uses.mentions(inc.value(), inc.array())) {
                n++;
            }
        }
        return n;
    }
}
