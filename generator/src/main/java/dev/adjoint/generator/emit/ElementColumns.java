package dev.adjoint.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a {@code Jacobian} for a differentiated array or {@code List} of records or
 * objects ({@code Layer[] layers}): element by element, each element's {@code float}/{@code double}
 * components the method reads in declaration order ({@code layers[0].w} row by row,
 * {@code layers[0].b}, {@code layers[0].scale}, then {@code layers[1]}'s), as a flat parameter vector
 * lays out a list of layers.
 *
 * <p>The internal {@code Vjp} and {@code Jvp} take the elements gathered, component by component
 * ({@link ElementGathers}: every element's {@code b}, then every element's {@code w}), so the rows
 * and columns {@link JacobianEmitter} fills are in that order; the method emitted here builds
 * {@code from[c]}, the column in that order of element-major column {@code c}, and permutes each row
 * of the Jacobian once. An element's part of a gathered component is contiguous in it (element 0's
 * rows, then element 1's), so one running index per component walks it.
 */
final class ElementColumns {
    private ElementColumns() {}

    /** A gathered component with a derivative, and the array of elements it belongs to. */
    private record Part(Receiver.RecordParam owner, Receiver.Gathered g) {}

    /** The differentiated gathered components by their lifted parameter's name. */
    private static Map<String, Part> parts(Receiver rc) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Receiver.RecordParam p : rc.records()) {
            if (!p.wrt() || p.elements().isEmpty()) {
                continue;
            }
            for (Receiver.Gathered g : p.elements().get().components()) {
                if (ElementGathers.hasSink(g)) {
                    parts.put(g.rows(), new Part(p, g));
                }
            }
        }
        return parts;
    }

    /**
     * Whether {@code columns} has an array of elements' components, each array's together: else the
     * order is the calls' own (nothing to permute).
     *
     * @throws IllegalStateException when one array's components are not next to each other
     */
    static boolean any(Receiver rc, List<Param> columns) {
        Map<String, Part> parts = parts(rc);
        Receiver.RecordParam last = null;
        List<Receiver.RecordParam> done = new ArrayList<>();
        for (Param p : columns) {
            Part part = parts.get(p.name());
            Receiver.RecordParam owner = part == null ? null : part.owner();
            if (owner != last && owner != null && done.contains(owner)) {
                throw new IllegalStateException("the components of '" + owner.name() + "' are not together");
            }
            if (owner != null && owner != last) {
                done.add(owner);
            }
            last = owner;
        }
        return !done.isEmpty();
    }

    /** The columns as messages name them: an array of elements' as {@code (layers[e].w, layers[e].b) for each e}. */
    static List<String> shown(Receiver rc, List<Param> columns, Function<Param, String> other) {
        Map<String, Part> parts = parts(rc);
        List<String> shown = new ArrayList<>();
        Receiver.RecordParam last = null;
        for (Param p : columns) {
            Part part = parts.get(p.name());
            if (part == null) {
                shown.add(other.apply(p));
            } else if (part.owner() != last) {
                String name = part.owner()
                        .held()
                        .map(h -> "this." + h.field())
                        .orElse(part.owner().name());
                shown.add("("
                        + String.join(
                                ", ",
                                inDeclarationOrder(part.owner(), columns, parts).stream()
                                        .map(q -> name + "[e]." + q.g().component())
                                        .toList())
                        + ") for each e");
            }
            last = part == null ? null : part.owner();
        }
        return shown;
    }

    /**
     * Permutes the {@code m} rows of {@code jac}, which the calls filled with the columns in
     * {@code columns}' order, {@code n} of them, into element-major order.
     */
    static void permute(
            CodeBlock.Builder c,
            Receiver rc,
            List<Param> columns,
            Map<String, String> values,
            Names names,
            String jac,
            String n,
            String m) {
        Map<String, Part> parts = parts(rc);
        String from = names.claim("_from");
        String src = names.claim("_src");
        String to = names.claim("_to");
        c.add("// the columns element by element: the calls above filled them component by component\n");
        c.addStatement("int[] $L = new int[$L]", from, n);
        c.addStatement("int $L = 0", src);
        c.addStatement("int $L = 0", to);
        Receiver.RecordParam last = null;
        for (Param p : columns) {
            Part part = parts.get(p.name());
            if (part == null) {
                String q = names.claim("_q");
                c.beginControlFlow(
                        "for (int $L = 0; $L < $L; $L++)", q, q, JacobianEmitter.sizeOf(p, values.get(p.name())), q);
                c.addStatement("$L[$L++] = $L++", from, to, src);
                c.endControlFlow();
            } else if (part.owner() != last) {
                elementMajor(c, part.owner(), columns, parts, values, names, from, src, to);
            }
            last = part == null ? null : part.owner();
        }
        String row = names.claim("_row");
        String i = names.claim("_i");
        String k = names.claim("_c");
        c.addStatement("double[] $L = new double[$L]", row, n);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, m, i);
        c.addStatement("$T.arraycopy($L[$L], 0, $L, 0, $L)", System.class, jac, i, row, n);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", k, k, n, k);
        c.addStatement("$L[$L][$L] = $L[$L[$L]]", jac, i, k, row, from, k);
        c.endControlFlow();
        c.endControlFlow();
    }

    /** The part of {@code from} for the array {@code owner}: its components' running indices, walked element by element. */
    private static void elementMajor(
            CodeBlock.Builder c,
            Receiver.RecordParam owner,
            List<Param> columns,
            Map<String, Part> parts,
            Map<String, String> values,
            Names names,
            String from,
            String src,
            String to) {
        // where each component starts in the calls' order: the components one after the other, as in columns
        Map<String, String> next = new LinkedHashMap<>();
        for (Param p : columns) {
            Part part = parts.get(p.name());
            if (part != null && part.owner() == owner) {
                String s = names.claim("_s_" + part.g().component());
                next.put(p.name(), s);
                c.addStatement("int $L = $L", s, src);
                c.addStatement("$L += $L", src, JacobianEmitter.sizeOf(p, values.get(p.name())));
            }
        }
        String count = values.get(owner.elements().orElseThrow().count());
        String e = names.claim("_e");
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", e, e, count, e);
        for (Part q : inDeclarationOrder(owner, columns, parts)) {
            String rows = values.get(q.g().rows());
            String s = next.get(q.g().rows());
            if (ElementGathers.isScalar(q.g())) {
                c.addStatement("$L[$L++] = $L++", from, to, s);
                continue;
            }
            String x = names.claim("_x");
            if (q.g().at().isEmpty()) { // element e's one row
                c.beginControlFlow("for (int $L = 0; $L < $L[$L].length; $L++)", x, x, rows, e, x);
                c.addStatement("$L[$L++] = $L++", from, to, s);
                c.endControlFlow();
                continue;
            }
            String r = names.claim("_r");
            String at = values.get(q.g().at().get()); // element e's rows: at[e] to at[e + 1]
            c.beginControlFlow("for (int $L = $L[$L]; $L < $L[$L + 1]; $L++)", r, at, e, r, at, e, r);
            c.beginControlFlow("for (int $L = 0; $L < $L[$L].length; $L++)", x, x, rows, r, x);
            c.addStatement("$L[$L++] = $L++", from, to, s);
            c.endControlFlow();
            c.endControlFlow();
        }
        c.endControlFlow();
    }

    /** {@code owner}'s differentiated components in {@code columns}, in the element type's declaration order. */
    private static List<Part> inDeclarationOrder(
            Receiver.RecordParam owner, List<Param> columns, Map<String, Part> parts) {
        List<String> declared = owner.elements().orElseThrow().mirrored().stream()
                .map(Receiver.Leaf::field)
                .toList();
        return columns.stream()
                .map(p -> parts.get(p.name()))
                .filter(q -> q != null && q.owner() == owner)
                .sorted(Comparator.comparingInt(q -> declared.indexOf(q.g().component())))
                .toList();
    }
}
