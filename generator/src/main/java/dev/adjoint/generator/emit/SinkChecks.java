package dev.adjoint.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first statements of the public methods of a lifted method (an instance method, or one taking
 * records or arrays of them): {@code nameVjp}, and through it {@code nameGrad};
 * {@code nameJvp}; {@code nameHvp}, once per kind of buffer. Before anything is added, borrowed or
 * read, each gradient, tangent, direction or {@code H·v} object the caller passes ({@code dthis},
 * {@code dp}, a {@code LayerGrad[]} and its elements) is checked to be there, and each array of it
 * the method adds into or reads ({@code dthis.w}) against the array it mirrors ({@code self.w}),
 * as {@link BufferChecks} checks a static method's buffers: a {@code ModelGrad()} whose arrays are
 * still null is then a message saying to allocate it with {@code ModelGrad.like(self)}, not a
 * {@code NullPointerException} half-way through, with some gradient already added.
 */
final class SinkChecks {
    private SinkChecks() {}

    /**
     * Checks the objects of {@code sinks} and the plain buffers {@code names} (one per wrt
     * parameter of {@code r}, in order; only those the public method takes as they are).
     */
    static void add(MethodRequest r, Receiver rc, Sinks sinks, List<String> names, CodeBlock.Builder body) {
        Object shapes = BufferChecks.shapes(r);
        String t = BufferChecks.format(shapes);
        Set<String> wrt = r.wrtParams().stream().map(Param::name).collect(Collectors.toSet());
        String selfLike = ReceiverWrappers.gradClass(r).simpleName() + ".like(" + Receiver.SELF + ")";
        if (rc.wrtThis()) {
            body.addStatement(t + ".requireSink($L, $S, $S)", shapes, sinks.self(), sinks.self(), selfLike);
            for (Receiver.Leaf l : rc.leaves()) {
                if (checked(l, wrt)) {
                    String sink = sinks.self() + "." + l.field();
                    body.addStatement(
                            t + ".requireLike($L, $L, $S, $S, $S)",
                            shapes,
                            sink,
                            l.isPrivate() ? local(l) : ReceiverWrappers.fieldRead(l),
                            sink,
                            Receiver.SELF + "." + l.field(),
                            selfLike);
                }
            }
        }
        for (Receiver.RecordParam p : rc.records()) {
            String root = sinks.of(p);
            // (a List is never differentiated: no sink)
            String like = p.isHeld()
                    ? selfLike
                    : ReceiverWrappers.recordGradClass(p).simpleName() + ".like(" + p.name() + ")";
            String values = p.held().map(h -> Receiver.SELF + "." + h.field()).orElse(p.name());
            if (p.elements().isPresent()) {
                if (p.wrt()) {
                    ElementGathers.checkSinks(rc, p, root, values, like, shapes, body);
                }
                continue;
            }
            List<Receiver.Leaf> differentiated =
                    p.components().stream().filter(l -> wrt.contains(l.param())).toList();
            if (differentiated.isEmpty()) {
                continue;
            }
            body.addStatement(t + ".requireSink($L, $S, $S)", shapes, root, root, like);
            // a nested record's gradient object (dp.in), outermost first, where a differentiated leaf is under it
            for (Receiver.Nested n : p.nested()) {
                if (differentiated.stream().anyMatch(l -> l.field().startsWith(n.path() + "."))) {
                    String sink = root + "." + n.path();
                    body.addStatement(t + ".requireSink($L, $S, $S)", shapes, sink, sink, like);
                }
            }
            for (Receiver.Leaf l : differentiated) {
                if (l.type().isArray()) {
                    String sink = root + "." + l.field();
                    body.addStatement(
                            t + ".requireLike($L, $L, $S, $S, $S)",
                            shapes,
                            sink,
                            p.readPath(ReceiverWrappers.recordRead(p), l.field()),
                            sink,
                            values + "." + l.field(),
                            like);
                }
            }
        }
        BufferChecks.add(body, r, names, Sinks.plainWrt(r, rc));
    }

    /**
     * {@code slots} with each private array field the checks read ({@code wrt = "this"}) read from
     * the local {@link #loadOnce} reads it into: one {@code VarHandle} read for the check and the call.
     */
    static Map<String, ReceiverWrappers.Slot> readOnce(
            MethodRequest r, Receiver rc, Map<String, ReceiverWrappers.Slot> slots) {
        Map<String, ReceiverWrappers.Slot> out = new HashMap<>(slots);
        readOnce(r, rc)
                .forEach(l -> out.put(
                        l.param(),
                        new ReceiverWrappers.Slot(local(l), slots.get(l.param()).sink())));
        return out;
    }

    /** Reads each private array field the checks read into its local (after {@code loadHeld}, before {@link #add}). */
    static void loadOnce(MethodRequest r, Receiver rc, CodeBlock.Builder body) {
        readOnce(r, rc)
                .forEach(
                        l -> body.addStatement("$L $L = $L", l.type().java(), local(l), ReceiverWrappers.fieldRead(l)));
    }

    private static List<Receiver.Leaf> readOnce(MethodRequest r, Receiver rc) {
        Set<String> wrt = r.wrtParams().stream().map(Param::name).collect(Collectors.toSet());
        return rc.wrtThis()
                ? rc.leaves().stream()
                        .filter(l -> l.isPrivate() && checked(l, wrt))
                        .toList()
                : List.of();
    }

    /** Whether field {@code l} is an array whose gradient the checks check. */
    private static boolean checked(Receiver.Leaf l, Set<String> wrt) {
        return wrt.contains(l.param()) && l.type().isArray() && !l.boxed();
    }

    /** The local holding private field {@code l} (as {@code loadHeld} names a record field's). */
    private static String local(Receiver.Leaf l) {
        return "_self_" + l.field();
    }
}
