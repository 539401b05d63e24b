package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public Hessian-vector product of a lifted method (an instance method, or one taking records):
 * {@code R nameHvp(Model self, P1 p1, ..., ModelGrad vthis, V1 v1, ..., ModelGrad dthis, G1 dp1, ...,
 * ModelGrad hvthis, H1 hvp1, ...)}. Directions, gradients and {@code H·v} are shaped as
 * {@code nameVjp}'s buffers: the object's as a {@code ModelGrad}, a record's as its
 * {@code ParamsGrad}. The method loads the fields and the directions once and calls the internal
 * {@code _nameHvp} that takes them as parameters; a scalar field's gradient and {@code H·v} come
 * back in cells borrowed from the thread's stacks and are added into the caller's objects.
 */
final class ReceiverHessians {
    private ReceiverHessians() {}

    private static final ClassName STACKS = ClassName.get("dev.adjoint.stack", "AdjointStacks");

    /** The prefixes of the gradient-class parameters: the direction, the gradient, {@code H·v}. */
    private static final List<String> PREFIXES = List.of("v", "d", "hv");

    static MethodSpec hvp(HvpMethod h, Receiver rc) {
        MethodRequest r = h.request();
        MethodSpec.Builder b = ReceiverWrappers.publicHead(r, rc, Receiver.publicName(r) + "Hvp");
        List<String> args = new ArrayList<>();
        if (rc.instance()) {
            args.add(Receiver.SELF);
        }
        List<Integer> plain = Sinks.plainWrt(r, rc);
        List<String> generated = new ArrayList<>();
        for (List<String> names : List.of(h.directionNames(), h.gradNames(), h.hvNames())) {
            plain.forEach(i -> generated.add(names.get(i)));
        }
        List<Sinks> sinksOf = new ArrayList<>();
        for (String prefix : PREFIXES) {
            Sinks s = Sinks.of(prefix, r, rc, generated);
            sinksOf.add(s);
            generated.add(s.self()); // (each prefix's names also avoid the others')
            rc.records().forEach(q -> generated.add(s.of(q)));
        }
        Map<String, ReceiverWrappers.Slot> read =
                SinkChecks.readOnce(r, rc, ReceiverWrappers.slots(rc, sinksOf.get(0)));
        for (Param p : r.params()) {
            ReceiverWrappers.Slot s = read.get(p.name());
            args.add(s == null ? p.name() : s.read());
        }
        Map<String, Receiver.RecordParam> recordOf = new HashMap<>();
        rc.records().forEach(p -> p.components().forEach(l -> recordOf.put(l.param(), p)));
        List<Param> wrt = r.wrtParams();
        CodeBlock.Builder body = CodeBlock.builder();
        ReceiverWrappers.exactClass(r, rc, body);
        // an array of elements: its leaves and the rows of the direction, the gradient and H·v, gathered
        ReceiverWrappers.loadHeld(rc, body);
        SinkChecks.loadOnce(r, rc, body);
        List<List<String>> internalNames = List.of(h.directionNames(), h.gradNames(), h.hvNames());
        for (int k = 0; k < PREFIXES.size(); k++) {
            SinkChecks.add(r, rc, sinksOf.get(k), internalNames.get(k), body);
        }
        ElementGathers.gather(rc, sinksOf.get(0), body);
        sinksOf.subList(1, sinksOf.size()).forEach(s -> ElementGathers.gatherMore(rc, s, body));
        List<String> adds = new ArrayList<>();
        List<String> publicNames = new ArrayList<>();
        for (int k = 0; k < PREFIXES.size(); k++) {
            String prefix = PREFIXES.get(k);
            boolean direction = k == 0;
            Sinks sinks = sinksOf.get(k);
            Map<String, ReceiverWrappers.Slot> slots = ReceiverWrappers.slots(rc, sinks);
            if (rc.wrtThis()) {
                b.addParameter(ReceiverWrappers.gradClass(r), sinks.self());
                publicNames.add(sinks.self());
            }
            Set<String> recordsDone = new HashSet<>();
            for (int i = 0; i < wrt.size(); i++) {
                Param p = wrt.get(i);
                ReceiverWrappers.Slot s = slots.get(p.name());
                Receiver.RecordParam record = recordOf.get(p.name());
                String internal = internalNames.get(k).get(i);
                if (record != null && !record.isHeld() && recordsDone.add(record.name())) {
                    b.addParameter(ReceiverWrappers.recordGradType(record), sinks.of(record));
                    publicNames.add(sinks.of(record));
                } else if (s == null) {
                    TypeName type = direction
                            ? AdjointClassEmitter.typeName(p.type())
                            : AdjointClassEmitter.bufferType(p.type());
                    b.addParameter(type, internal);
                    publicNames.add(internal);
                }
                if (s == null) {
                    args.add(internal);
                } else if (direction || p.type().isArray()) {
                    args.add(s.sink()); // (a direction is only read; an array buffer is added into in place)
                } else {
                    // a scalar field's gradient or H·v: a borrowed cell, added into the caller's object after the call
                    if (adds.isEmpty()) {
                        body.addStatement("$T _stack = $T.forThread()", STACKS, STACKS);
                        body.addStatement("int _cells = _stack.doubleCellMark()");
                        body.addStatement("int _cellsf = _stack.floatCellMark()");
                    }
                    String cell = "_" + prefix + "_" + p.name();
                    ReceiverWrappers.borrowCell(body, p.type(), cell);
                    adds.add(s.sink() + " += " + cell + ".get()");
                    args.add(cell);
                }
            }
        }
        // (the fields it assigns travel in boxes, put back into the object when it returns: see FieldBoxes)
        Set<String> wrtNames = new HashSet<>(wrt.stream().map(Param::name).toList());
        FieldBoxes.fill(rc, sinksOf, List.of(true, false, false), wrtNames, body);
        String call = r.tangentName() + "Hvp(" + String.join(", ", args) + ")";
        if (adds.isEmpty() && !ElementGathers.any(rc)) {
            body.addStatement("return $L", call);
        } else {
            body.addStatement("$T _result = $L", AdjointClassEmitter.typeName(r.result()), call);
            adds.forEach(a -> body.addStatement("$L", a));
            if (!adds.isEmpty()) {
                body.addStatement("_stack.releaseCells(_cells, _cellsf)");
            }
            sinksOf.subList(1, sinksOf.size())
                    .forEach(s -> ElementGathers.scatter(rc, s, body)); // the gradient and H·v
            ElementGathers.release(rc, PREFIXES, body);
            body.addStatement("return _result");
        }
        FieldBoxes.store(rc, sinksOf.subList(1, sinksOf.size()), wrtNames, body);
        return b.addJavadoc(
                        "Returns {@code $L(...)}, adds its gradient into the {@code d...} parameters and its Hessian times\n"
                                + "the direction (the {@code v...} parameters, shaped as the gradient) into the {@code hv...} ones: $L.\n",
                        (rc.instance() ? "self." : r.ownerSimpleName() + ".") + r.name(),
                        publicNames.stream().map(t -> "{@code " + t + "}").collect(Collectors.joining(", ")))
                .addCode(body.build())
                .build();
    }
}
