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
 * A loop that stores into arrays and reads an element it neither writes nor moves, as GMM's
 * {@code qxc[b] += icf[li] * xc[a]} over {@code b}, reads that element once, into a local, before
 * the loop. The JIT cannot do this itself: any {@code double[]} the loop stores into may be the
 * one it reads, so it loads the element again after every store.
 *
 * <p>The local is loaded only when the loop's condition holds on entry ({@code double _xc_a =
 * b < d ? xc[a] : 0.0}), where the loop's first iteration would load it too: a loop that runs no
 * iteration need not have a valid index. Only loops {@code while (cond)} without jumps, calls that
 * could write arrays, or other statements than lines are rewritten, and only elements that their
 * top-level lines read unconditionally (not after a {@code ?}, {@code &&} or {@code ||}): every
 * iteration reads those.
 */
final class InvariantLoads {
    private static final Pattern HEADER = Pattern.compile("while \\((.+)\\)");
    private static final Pattern STORE = Pattern.compile("^((?U)[\\w$]+)\\[.*?\\] ?(=|\\+=|-=|\\*=|/=|%=)[^=]");
    /** Calls that write no array the loop reads: {@code Math}'s functions, a push onto a stack the method's locals hold (and keywords before a parenthesis). */
    private static final Pattern HARMLESS_CALL = Pattern.compile("(Strict)?Math\\.\\w+|(dev\\.adjoint\\.stack\\.)?AdjointStacks\\.push|while|if|for");
    private static final Pattern CONDITIONAL = Pattern.compile("\\?|&&|\\|\\|");
    private static final Pattern JUMP = Pattern.compile("\\b(break|continue|return)\\b");

    private InvariantLoads() {}

    /**
     * {@code codes} with every such loop rewritten, inner loops first.
     *
     * @param arrays the element type of each 1-D array the code may read, by name
     * @param claim gives a fresh local name for a proposed one
     */
    static List<Code> hoist(List<Code> codes, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(b.cond(), hoist(b.then(), arrays, claim), hoist(b.otherwise(), arrays, claim)));
            } else if (c instanceof Code.Loop l) {
                loop(new Code.Loop(l.header(), hoist(l.body(), arrays, claim)), arrays, claim, out);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static void loop(Code.Loop l, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim, List<Code> out) {
        Matcher header = HEADER.matcher(l.header());
        if (!header.matches() || header.group(1).equals("true") || !plain(l.body())) {
            out.add(l);
            return;
        }
        Set<String> assigned = new HashSet<>();
        Set<String> stored = new HashSet<>();
        boolean[] unsafe = {false};
        Code.texts(List.of(l), text -> {
            Matcher s = STORE.matcher(text);
            if (s.find()) {
                stored.add(s.group(1));
            }
            Code.Names.assigned(text, assigned);
            Matcher call = Code.Names.CALL.matcher(text);
            while (call.find()) {
                unsafe[0] |= !HARMLESS_CALL.matcher(call.group(1)).matches();
            }
            unsafe[0] |= JUMP.matcher(text).find() || text.startsWith("/*");
        });
        // (a loop that stores nothing: the JIT keeps the element in a register itself)
        boolean[] pushes = {false};
        Code.texts(List.of(l), text -> pushes[0] |= text.contains("AdjointStacks.push("));
        boolean stores = !stored.isEmpty() || pushes[0];
        if (unsafe[0] || !stores) {
            out.add(l);
            return;
        }
        // each invariant element the top-level lines read, by its text, with its local
        Map<String, String> locals = new LinkedHashMap<>();
        Map<String, Ty.Prim> types = new LinkedHashMap<>();
        for (Code c : l.body()) {
            if (!(c instanceof Code.Line line)) {
                continue;
            }
            // (what follows a ?, && or || is read only sometimes)
            Matcher e = Code.Names.ELEMENT.matcher(CONDITIONAL.split(line.text(), 2)[0]);
            while (e.find()) {
                String array = e.group(1);
                Set<String> indexReads = new HashSet<>();
                Code.Names.collect(e.group(2), indexReads);
                indexReads.retainAll(assigned);
                if (arrays.containsKey(array) && !stored.contains(array) && !assigned.contains(array) && indexReads.isEmpty()
                        && !locals.containsKey(e.group())) {
                    String index = e.group(2).trim();
                    locals.put(e.group(), claim.apply("_" + array.replaceFirst("^_+", "") + "_" + (index.matches("(?U)[\\w$]+") ? index : "e")));
                    types.put(e.group(), arrays.get(array));
                }
            }
        }
        if (locals.isEmpty()) {
            out.add(l);
            return;
        }
        for (Map.Entry<String, String> e : locals.entrySet()) {
            Ty.Prim p = types.get(e.getKey());
            out.add(new Code.Line(p.java() + " " + e.getValue() + " = " + header.group(1) + " ? " + e.getKey() + " : " + new Ty(p, 0).zero()));
        }
        List<Code> body = new ArrayList<>();
        for (Code c : l.body()) {
            if (c instanceof Code.Line line) {
                Matcher e = Code.Names.ELEMENT.matcher(line.text());
                body.add(new Code.Line(e.replaceAll(r -> Matcher.quoteReplacement(locals.getOrDefault(r.group(), r.group())))));
            } else {
                body.add(c);
            }
        }
        out.add(new Code.Loop(l.header(), body));
    }

    /** Whether {@code codes} are lines, comments and loops of those only (nothing printed as raw text). */
    private static boolean plain(List<Code> codes) {
        for (Code c : codes) {
            if (c instanceof Code.Raw || (c instanceof Code.Branch b && !(plain(b.then()) && plain(b.otherwise())))
                    || (c instanceof Code.Loop l && !plain(l.body()))) {
                return false;
            }
        }
        return true;
    }
}
