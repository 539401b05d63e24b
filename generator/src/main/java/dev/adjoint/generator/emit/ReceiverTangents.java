package dev.adjoint.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public forward-mode method of a lifted method (an instance method, or one taking records):
 * {@code R nameJvp(Model self, P1 p1, ..., ModelGrad tthis, T1 t1, ..., out)}. Tangents are shaped
 * as the gradients of {@code nameVjp}: the object's tangent (for {@code wrt = "this"}) is a
 * {@code ModelGrad} whose fields hold the direction of each field, a record's a
 * {@code ParamsGrad}; the method loads the fields and their tangents once and calls the internal
 * {@code _nameJvp} that takes them as parameters.
 */
final class ReceiverTangents {
    private ReceiverTangents() {}

    /** The prefix of the tangents' gradient-class parameters: {@code tthis}, {@code tp}. */
    private static final String PREFIX = "t";

    static MethodSpec jvp(JvpMethod j, Receiver rc) {
        MethodRequest r = j.request();
        List<String> generated = new ArrayList<>(List.of(j.outName()));
        Sinks.plainWrt(r, rc).forEach(i -> generated.add(j.tangentNames().get(i)));
        Sinks sinks = Sinks.of(PREFIX, r, rc, generated);
        Map<String, ReceiverWrappers.Slot> slots = SinkChecks.readOnce(r, rc, ReceiverWrappers.slots(rc, sinks));
        MethodSpec.Builder b = ReceiverWrappers.publicHead(r, rc, Receiver.publicName(r) + "Jvp");
        List<String> args = new ArrayList<>();
        if (rc.instance()) {
            args.add(Receiver.SELF);
        }
        for (Param p : r.params()) {
            ReceiverWrappers.Slot s = slots.get(p.name());
            args.add(s == null ? p.name() : s.read());
        }
        // the tangents, in the order of nameVjp's buffers: the object's, then the parameters' (records as their Grad
        // class)
        List<String> tangents = new ArrayList<>();
        if (rc.wrtThis()) {
            b.addParameter(ReceiverWrappers.gradClass(r), sinks.self());
            tangents.add(sinks.self());
        }
        Map<String, Receiver.RecordParam> recordOf = new java.util.HashMap<>();
        rc.records().forEach(p -> p.components().forEach(l -> recordOf.put(l.param(), p)));
        Set<String> recordsDone = new HashSet<>();
        List<Param> wrt = r.wrtParams();
        for (int i = 0; i < wrt.size(); i++) {
            Param p = wrt.get(i);
            ReceiverWrappers.Slot s = slots.get(p.name());
            Receiver.RecordParam record = recordOf.get(p.name());
            if (record != null && !record.isHeld() && recordsDone.add(record.name())) {
                b.addParameter(ReceiverWrappers.recordGradType(record), sinks.of(record));
                tangents.add(sinks.of(record));
            } else if (s == null) {
                b.addParameter(
                        AdjointClassEmitter.typeName(p.type()), j.tangentNames().get(i));
                tangents.add(j.tangentNames().get(i));
            }
            args.add(s == null ? j.tangentNames().get(i) : s.sink());
        }
        b.addParameter(
                r.result().isArray()
                        ? AdjointClassEmitter.typeName(r.result())
                        : AdjointClassEmitter.bufferType(r.result()),
                j.outName());
        args.add(j.outName());
        CodeBlock.Builder body = CodeBlock.builder();
        ReceiverWrappers.exactClass(r, rc, body);
        ReceiverWrappers.loadHeld(rc, body);
        SinkChecks.loadOnce(r, rc, body);
        SinkChecks.add(r, rc, sinks, j.tangentNames(), body);
        ElementGathers.gather(rc, sinks, body);
        Set<String> wrtNames = new HashSet<>(wrt.stream().map(Param::name).toList());
        FieldBoxes.fill(rc, sinks, true, wrtNames, body);
        if (ElementGathers.any(rc)) {
            body.addStatement(
                    "$T _result = $L($L)",
                    AdjointClassEmitter.typeName(r.result()),
                    r.tangentName() + "Jvp",
                    String.join(", ", args));
            ElementGathers.release(rc, PREFIX, body);
            body.addStatement("return _result");
        } else {
            body.addStatement("return $L($L)", r.tangentName() + "Jvp", String.join(", ", args));
        }
        FieldBoxes.store(rc, sinks, false, wrtNames, body);
        return b.addJavadoc(
                        "Returns {@code $L(...)} and <em>sets</em> {@code $L} to its derivative along the direction $L\n"
                                + "(forward mode; the tangent of a field is the same field of the {@code Grad} object).\n",
                        (rc.instance() ? "self." : r.ownerSimpleName() + ".") + r.name(),
                        j.outName(),
                        tangents.stream().map(t -> "{@code " + t + "}").collect(Collectors.joining(", ")))
                .addCode(body.build())
                .build();
    }
}
