package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Set;

/**
 * The boxes of the scalar fields a lifted instance method assigns (see {@code objects/FieldWrites}):
 * the public methods borrow a one-element array per such field from the thread's pool, fill it
 * from the field, pass it as the field's leaf, and when the internal method returns (or throws)
 * copy its value back into the field, so that the object ends as the method leaves it. A field
 * {@code wrt} names gets a second box: its gradient, added into {@code dthis.b} afterwards, or
 * its tangent, filled from {@code tthis.b}; for a Hessian-vector product three (the direction,
 * filled from {@code vthis.b}; the gradient and {@code H·v}, added afterwards).
 */
final class FieldBoxes {
    private FieldBoxes() {}

    private static final String STACK = "_boxes";
    private static final String MARK = "_boxed";
    private static final ClassName STACKS = ClassName.get("dev.adjoint.stack", "AdjointStacks");

    static boolean any(Receiver rc) {
        return rc.leaves().stream().anyMatch(Receiver.Leaf::boxed);
    }

    /** The box holding the field's value, passed for leaf {@code param}. */
    static String box(String param) {
        return "_box_" + param;
    }

    /** The box holding the field's gradient ({@code d}) or tangent ({@code t}). */
    static String sinkBox(String prefix, String param) {
        return "_" + prefix + "box_" + param;
    }

    /**
     * Borrows and fills the boxes; {@code wrt}: the leaves differentiated, whose sink boxes start
     * at zero (gradients) or at {@code tthis}'s field ({@code tangent}).
     */
    static void fill(Receiver rc, Sinks sinks, boolean tangent, Set<String> wrt, CodeBlock.Builder body) {
        fill(rc, List.of(sinks), List.of(tangent), wrt, body);
    }

    /**
     * As {@link #fill(Receiver, Sinks, boolean, Set, CodeBlock.Builder)} with a sink box per leaf for
     * each of {@code sinks} (a Hessian-vector product's direction, gradient and {@code H·v}), those
     * {@code read} says filled from their object's field, the others at zero.
     */
    static void fill(Receiver rc, List<Sinks> sinks, List<Boolean> read, Set<String> wrt, CodeBlock.Builder body) {
        if (!any(rc)) {
            return;
        }
        body.addStatement("$T $L = $T.forThread()", STACKS, STACK, STACKS);
        body.addStatement("int $L = $L.arrays.mark()", MARK, STACK);
        for (Receiver.Leaf l : rc.leaves()) {
            if (!l.boxed()) {
                continue;
            }
            Ty.Prim p = l.type().prim();
            body.addStatement("$L[] $L = $L.arrays.$L(1)", p.java(), box(l.param()), STACK, borrow(p));
            body.addStatement("$L[0] = $L", box(l.param()), ReceiverWrappers.fieldRead(l));
            if (!wrt.contains(l.param())) {
                continue;
            }
            for (int k = 0; k < sinks.size(); k++) {
                String sink = sinkBox(sinks.get(k).prefix(), l.param());
                body.addStatement("$L[] $L = $L.arrays.$L(1)", p.java(), sink, STACK, borrow(p));
                if (read.get(k)) {
                    body.addStatement("$L[0] = $L.$L", sink, sinks.get(k).self(), l.field());
                }
            }
        }
        body.beginControlFlow("try");
    }

    /**
     * Closes what {@link #fill} opened: copies every box back into its field, and for gradients
     * adds the sink boxes into {@code dthis}'s fields, then gives the boxes back.
     */
    static void store(Receiver rc, Sinks sinks, boolean gradient, Set<String> wrt, CodeBlock.Builder body) {
        store(rc, gradient ? List.of(sinks) : List.of(), wrt, body);
    }

    /** As {@link #store(Receiver, Sinks, boolean, Set, CodeBlock.Builder)}, adding the sink boxes of each of {@code added}. */
    static void store(Receiver rc, List<Sinks> added, Set<String> wrt, CodeBlock.Builder body) {
        if (!any(rc)) {
            return;
        }
        body.nextControlFlow("finally");
        for (Receiver.Leaf l : rc.leaves()) {
            if (!l.boxed()) {
                continue;
            }
            if (l.isPrivate()) {
                body.addStatement(
                        "$L.set($L, $L[0])", ReceiverWrappers.handle(l.field()), Receiver.SELF, box(l.param()));
            } else {
                body.addStatement("$L.$L = $L[0]", Receiver.SELF, l.field(), box(l.param()));
            }
            if (wrt.contains(l.param())) {
                for (Sinks sinks : added) {
                    body.addStatement("$L.$L += $L[0]", sinks.self(), l.field(), sinkBox(sinks.prefix(), l.param()));
                }
            }
        }
        body.addStatement("$L.arrays.release($L)", STACK, MARK);
        body.endControlFlow();
    }

    private static String borrow(Ty.Prim p) {
        return switch (p) {
            case DOUBLE -> "borrowDoubles";
            case FLOAT -> "borrowFloats";
            case INT -> "borrowInts";
            case LONG -> "borrowLongs";
            case BOOLEAN -> "borrowBooleans";
            // (FieldWrites.boxable: an assigned field of another type is an error at the assignment)
            case SHORT, BYTE, CHAR, STRING, ENUM, RANDOM ->
                throw new IllegalStateException("a " + p.java() + " field has no box");
        };
    }
}
