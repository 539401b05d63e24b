package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.objects.ListParam;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.types.Ty;
import java.util.Arrays;
import java.util.List;

/**
 * The public methods' part for an array of records or objects ({@code Layer[] layers}): before
 * the internal method runs, its leaves are gathered from the elements into arrays borrowed from the
 * thread's pool (row references, never numbers: see {@link Receiver.Elements}), and likewise the
 * arrays of the caller's {@code LayerGrad[]} for the gradient (or the tangent), after checking that
 * they match the elements' shapes; afterwards the references are cleared and the arrays given
 * back. A warm call allocates nothing.
 */
final class ElementGathers {
    private ElementGathers() {}

    private static final ClassName STACKS = ClassName.get("dev.adjoint.stack", "AdjointStacks");
    private static final String STACK = "_gather";
    private static final String MARK = "_gathered";

    /** Whether {@code rc} has an array of elements, or a list read as an array. */
    static boolean any(Receiver rc) {
        return rc.records().stream().anyMatch(p -> p.elements().isPresent())
                || !rc.lists().isEmpty();
    }

    /** How the public methods read element {@code e} of {@code p}, an array of records or a list of them. */
    private static String element(Receiver rc, Receiver.RecordParam p, String e) {
        String array = ReceiverWrappers.recordRead(p);
        return ListParam.of(rc, p.name()).isPresent() ? array + ".get(" + e + ")" : array + "[" + e + "]";
    }

    /** The local holding the gathered value of leaf {@code leaf}. */
    static String local(String leaf) {
        return "_" + leaf;
    }

    /** The local holding the gathered gradient (or tangent, by {@code prefix}) of leaf {@code leaf}. */
    static String sinkLocal(String prefix, String leaf) {
        return "_" + prefix + leaf;
    }

    /** Gathers the leaves of every array of elements, and for those {@code wrt} names, their gradients' arrays. */
    static void gather(Receiver rc, Sinks sinks, CodeBlock.Builder body) {
        gather(rc, java.util.Optional.of(sinks), body);
    }

    /** Gathers the leaves of every array of elements only: for a method that makes its own buffers ({@code Jacobian}). */
    static void gatherValues(Receiver rc, CodeBlock.Builder body) {
        gather(rc, java.util.Optional.empty(), body);
    }

    private static void gather(Receiver rc, java.util.Optional<Sinks> sinks, CodeBlock.Builder body) {
        if (!any(rc)) {
            return;
        }
        body.addStatement("$T $L = $T.forThread()", STACKS, STACK, STACKS);
        body.addStatement("int $L = $L.arrays.mark()", MARK, STACK);
        for (Receiver.RecordParam p : rc.records()) {
            if (p.elements().isEmpty()) {
                continue;
            }
            Receiver.Elements e = p.elements().get();
            String n = local(e.count());
            ClassName type = ReceiverWrappers.recordClass(p);
            String array = ReceiverWrappers.recordRead(p);
            body.addStatement(
                    "int $L = $L.$L", n, array, ListParam.of(rc, p.name()).isPresent() ? "size()" : "length");
            for (Receiver.Gathered g : e.components()) {
                if (isScalar(g)) {
                    body.addStatement(
                            "$L[] $L = $L.arrays.$L($L)",
                            g.type().prim().java(),
                            local(g.rows()),
                            STACK,
                            borrowValues(g),
                            n);
                    continue;
                }
                g.at().ifPresent(at -> body.addStatement("int[] $L = $L.arrays.borrowInts($L + 1)", local(at), STACK, n)
                        .beginControlFlow("for (int _e = 0; _e < $L; _e++)", n)
                        .addStatement(
                                "$L[_e + 1] = $L[_e] + $L.$L.length",
                                local(at),
                                local(at),
                                element(rc, p, "_e"),
                                read(e, g))
                        .endControlFlow());
                body.addStatement(
                        "$L[][] $L = $L.arrays.$L($L)",
                        g.type().prim().java(),
                        local(g.rows()),
                        STACK,
                        borrowRows(g),
                        g.at().map(at -> local(at) + "[" + n + "]").orElse(n));
            }
            body.beginControlFlow("for (int _e = 0; _e < $L; _e++)", n)
                    .addStatement("$T _el = $L", type, element(rc, p, "_e"));
            for (Receiver.Gathered g : e.components()) {
                if (g.at().isPresent()) {
                    String at = local(g.at().get());
                    body.addStatement(
                            "$T.arraycopy(_el.$L, 0, $L, $L[_e], $L[_e + 1] - $L[_e])",
                            System.class,
                            read(e, g),
                            local(g.rows()),
                            at,
                            at,
                            at);
                } else {
                    body.addStatement(
                            "$L[_e] = _el.$L" + (g.ordinal() ? ".ordinal()" : ""), local(g.rows()), read(e, g));
                }
            }
            body.endControlFlow();
            if (sinks.isPresent() && p.wrt() && e.components().stream().anyMatch(ElementGathers::hasSink)) {
                gatherSinks(p, e, sinks.get().of(p), sinks.get().prefix(), body);
            }
        }
        for (ListParam l : rc.lists()) {
            // a List<Double> read as a double[], unboxed once; a List<double[]> as a double[][] of the caller's rows
            // (get(i) of an ArrayList, List.of or Arrays.asList is a read: nothing allocated)
            l.values()
                    .ifPresent(t -> body.addStatement(
                                    "$T $L = $L.arrays.$L($L.size())",
                                    AdjointClassEmitter.typeName(t),
                                    local(l.name()),
                                    STACK,
                                    t.dims() == 2 ? borrowRows(t) : borrowValues(t),
                                    l.name())
                            .beginControlFlow("for (int _e = 0; _e < $L.length; _e++)", local(l.name()))
                            .addStatement("$L[_e] = $L.get(_e)", local(l.name()), l.name())
                            .endControlFlow());
        }
    }

    /**
     * Checks, before anything is borrowed, that {@code sink} (the caller's {@code LayerGrad[]}) has one object per
     * element of {@code p} ({@code values} in messages), and each of its array components at least the element's
     * shape ({@code BufferShapes}, named {@code shapes}); {@code like} says how to allocate it.
     */
    static void checkSinks(
            Receiver rc,
            Receiver.RecordParam p,
            String sink,
            String values,
            String like,
            Object shapes,
            CodeBlock.Builder body) {
        Receiver.Elements e = p.elements().orElseThrow();
        String count =
                ReceiverWrappers.recordRead(p) + (ListParam.of(rc, p.name()).isPresent() ? ".size()" : ".length");
        body.addStatement(
                BufferChecks.format(shapes) + ".requireSinks($L, $L, $S, $S, $S)",
                shapes,
                sink,
                count,
                sink,
                values,
                like);
        List<Receiver.Gathered> arrays =
                e.components().stream().filter(g -> hasSink(g) && !isScalar(g)).toList();
        if (arrays.isEmpty()) {
            return;
        }
        body.beginControlFlow("for (int _e = 0; _e < $L; _e++)", count);
        for (Receiver.Gathered g : arrays) {
            body.addStatement(
                    BufferChecks.format(shapes) + ".requireElement($L[_e].$L, $L.$L, $S, _e, $S, $S, $S)",
                    shapes,
                    sink,
                    g.component(),
                    element(rc, p, "_e"),
                    read(e, g),
                    sink,
                    g.component(),
                    values,
                    like);
        }
        body.endControlFlow();
    }

    /**
     * Gathers, after {@link #gather}, the arrays of the further {@code sinks} of the arrays of
     * elements {@code wrt} names ({@code Hvp}'s gradient and {@code H·v} beside its direction).
     */
    static void gatherMore(Receiver rc, Sinks sinks, CodeBlock.Builder body) {
        for (Receiver.RecordParam p : rc.records()) {
            if (p.wrt()
                    && p.elements()
                            .filter(e -> e.components().stream().anyMatch(ElementGathers::hasSink))
                            .isPresent()) {
                gatherSinks(p, p.elements().get(), sinks.of(p), sinks.prefix(), body);
            }
        }
    }

    /** Gathers the arrays of {@code sink}, the caller's {@code LayerGrad[]}, checking their shapes against the elements'. */
    private static void gatherSinks(
            Receiver.RecordParam p, Receiver.Elements e, String sink, String prefix, CodeBlock.Builder body) {
        String n = local(e.count()); // (SinkChecks checked sink's length and shapes)
        List<Receiver.Gathered> gs =
                e.components().stream().filter(ElementGathers::hasSink).toList();
        for (Receiver.Gathered g : gs) {
            if (isScalar(g)) {
                body.addStatement(
                        "$L[] $L = $L.arrays.$L($L)",
                        g.type().prim().java(),
                        sinkLocal(prefix, g.rows()),
                        STACK,
                        borrowValues(g),
                        n);
            } else {
                body.addStatement(
                        "$L[][] $L = $L.arrays.$L($L)",
                        g.type().prim().java(),
                        sinkLocal(prefix, g.rows()),
                        STACK,
                        borrowRows(g),
                        g.at().map(at -> local(at) + "[" + n + "]").orElse(n));
            }
        }
        body.beginControlFlow("for (int _e = 0; _e < $L; _e++)", n)
                .addStatement("$T _g = $L[_e]", ReceiverWrappers.recordGradClass(p), sink);
        for (Receiver.Gathered g : gs) {
            String c = g.component();
            if (isScalar(g)) {
                // a tangent or direction is read from the element's mirror; a gradient or H·v is added into it by
                // scatter
                if (readsIn(prefix)) {
                    body.addStatement("$L[_e] = _g.$L", sinkLocal(prefix, g.rows()), c);
                }
            } else if (g.at().isPresent()) {
                String at = local(g.at().get());
                body.beginControlFlow("if (_g.$L.length != $L[_e + 1] - $L[_e])", c, at, at)
                        .addStatement(
                                "throw new $T($S + _e + $S + _g.$L.length + $S + _e + $S + ($L[_e + 1] - $L[_e]))",
                                IllegalArgumentException.class,
                                sink + "[",
                                "]." + c + " has ",
                                c,
                                " rows and " + p.name() + "[",
                                "]." + read(e, g) + " ",
                                at,
                                at)
                        .endControlFlow();
                body.addStatement(
                        "$T.arraycopy(_g.$L, 0, $L, $L[_e], _g.$L.length)",
                        System.class,
                        c,
                        sinkLocal(prefix, g.rows()),
                        at,
                        c);
            } else {
                body.addStatement("$L[_e] = _g.$L", sinkLocal(prefix, g.rows()), c);
            }
        }
        body.endControlFlow();
    }

    /**
     * After the internal method returned: adds the gradient (or {@code H·v}, by {@code sinks}'
     * prefix) of each scalar component, which was summed into a borrowed array, into the caller's
     * {@code LayerGrad[]} (an array component's was added in place, through its rows).
     */
    static void scatter(Receiver rc, Sinks sinks, CodeBlock.Builder body) {
        for (Receiver.RecordParam p : rc.records()) {
            if (!p.wrt() || p.elements().isEmpty()) {
                continue;
            }
            Receiver.Elements e = p.elements().get();
            List<Receiver.Gathered> scalars = e.components().stream()
                    .filter(g -> hasSink(g) && isScalar(g))
                    .toList();
            if (scalars.isEmpty()) {
                continue;
            }
            body.beginControlFlow("for (int _e = 0; _e < $L; _e++)", local(e.count()))
                    .addStatement("$T _g = $L[_e]", ReceiverWrappers.recordGradClass(p), sinks.of(p));
            scalars.forEach(
                    g -> body.addStatement("_g.$L += $L[_e]", g.component(), sinkLocal(sinks.prefix(), g.rows())));
            body.endControlFlow();
        }
    }

    /** Clears the gathered references (the pool must not keep the caller's arrays alive) and gives the arrays back. */
    static void release(Receiver rc, String prefix, CodeBlock.Builder body) {
        release(rc, List.of(prefix), body);
    }

    /** {@link #release} after gathering the sinks of each of {@code prefixes}. */
    static void release(Receiver rc, List<String> prefixes, CodeBlock.Builder body) {
        if (!any(rc)) {
            return;
        }
        for (Receiver.RecordParam p : rc.records()) {
            for (Receiver.Gathered g :
                    p.elements().map(Receiver.Elements::components).orElse(List.of())) {
                if (isScalar(g)) {
                    continue; // (values, no references)
                }
                body.addStatement("$T.fill($L, null)", Arrays.class, local(g.rows()));
                if (p.wrt()) {
                    prefixes.forEach(prefix ->
                            body.addStatement("$T.fill($L, null)", Arrays.class, sinkLocal(prefix, g.rows())));
                }
            }
        }
        rc.lists().stream()
                .filter(l -> l.values().filter(t -> t.dims() == 2).isPresent())
                .forEach(l -> body.addStatement("$T.fill($L, null)", Arrays.class, local(l.name())));
        body.addStatement("$L.arrays.release($L)", STACK, MARK);
    }

    private static String read(Receiver.Elements e, Receiver.Gathered g) {
        return e.accessors() ? g.component() + "()" : g.component();
    }

    /** Whether {@code g} is a scalar component, gathered as values rather than rows. */
    static boolean isScalar(Receiver.Gathered g) {
        return g.type().dims() == 0;
    }

    /** Whether {@code g} has a gradient, tangent or direction: a {@code float}/{@code double} component. */
    static boolean hasSink(Receiver.Gathered g) {
        return g.type().isFloating();
    }

    /** Whether the sinks of {@code prefix} are read by the internal method (tangents, directions) rather than added into. */
    private static boolean readsIn(String prefix) {
        return prefix.equals("t") || prefix.equals("v");
    }

    private static String borrowValues(Receiver.Gathered g) {
        return borrowValues(g.type());
    }

    private static String borrowRows(Receiver.Gathered g) {
        return borrowRows(g.type());
    }

    private static String borrowValues(Ty t) {
        return switch (t.prim()) {
            case FLOAT -> "borrowFloats";
            case INT -> "borrowInts";
            case LONG -> "borrowLongs";
            case BOOLEAN -> "borrowBooleans";
            default -> "borrowDoubles";
        };
    }

    private static String borrowRows(Ty t) {
        return t.prim() == Ty.Prim.FLOAT ? "borrowFloatRows" : "borrowDoubleRows";
    }
}
