package dev.adjoint.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public {@code nameJacobian(Model self, P1 p1, ..., double[][] jac)} of a lifted method with
 * an array result (an instance method, or one taking records): the dense Jacobian, its columns the
 * differentiated inputs flat, the object's fields first (for {@code wrt = "this"}, in declaration
 * order, then those of the records it holds), then the parameters in declaration order, a record
 * as its components in order. The inputs are read once, copied, before the method runs once on
 * the caller's arguments for the value; then each {@code Vjp} (a row) or {@code Jvp} (a column) of
 * the internal methods works on fresh copies of those values, so the Jacobian is the one at the
 * inputs the call saw and the object is left as one run of the method leaves it.
 */
public final class ReceiverJacobians {
    private ReceiverJacobians() {}

    /**
     * Why the lifted method {@code rc} describes, which has a {@code Jvp} and an array result, has no
     * {@code Jacobian} yet (for the build's note); empty when it has one.
     */
    public static Optional<String> whyNone(Receiver rc) {
        if (rc.records().stream().flatMap(p -> p.components().stream()).anyMatch(Receiver.Leaf::boxed)) {
            return Optional.of(
                    "it (or another @Differentiable method of its class) assigns fields of an object it holds, whose"
                            + " Jacobian is not generated yet: each of its calls would assign them again (its Vjp and Jvp"
                            + " are generated; call them once per row or column, or assign those fields outside the"
                            + " differentiated methods)");
        }
        return Optional.empty();
    }

    /** The method, or empty where it has none yet ({@link #whyNone}). */
    static Optional<MethodSpec> jacobian(JvpMethod j, Receiver rc) {
        return jacobian(j.request(), rc, true);
    }

    /**
     * The same for a method without a {@code Jvp} (one on the tape): {@code m} {@code Vjp} calls,
     * one row each, whatever the shape.
     */
    static Optional<MethodSpec> jacobianByRows(MethodRequest r, Receiver rc) {
        return jacobian(r, rc, false);
    }

    private static Optional<MethodSpec> jacobian(MethodRequest r, Receiver rc, boolean byColumns) {
        if (!r.result().isArray() || whyNone(rc).isPresent()) {
            return Optional.empty();
        }
        Set<String> taken = new HashSet<>(NameClashes.userNames(r));
        taken.add(Receiver.SELF);
        // (the locals ElementGathers declares: _gather, _gathered, _e, _el, and _x for each gathered x)
        taken.addAll(List.of("_gather", "_gathered", "_e", "_el"));
        r.params().forEach(p -> taken.add(ElementGathers.local(p.name())));
        ReceiverWrappers.publicParams(r, rc).forEach(p -> taken.add(p.name()));
        Names names = new Names(taken);
        String jac = names.claim("jac");
        MethodSpec.Builder b = ReceiverWrappers.publicHead(r, rc, Receiver.publicName(r) + "Jacobian");
        b.addParameter(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)), jac);
        // how the public method reads each lifted parameter (a field of self, a record's component, the array gathered
        // from a List or from constant elements), as its other public methods do; else it is the parameter itself
        Sinks sinks = Sinks.of("t", r, rc, List.of(jac));
        Map<String, String> reads = new HashMap<>();
        // (a private field is read through its handle, a cast: parenthesised, as the copy calls clone() on it)
        ReceiverWrappers.slots(rc, sinks)
                .forEach((param, slot) ->
                        reads.put(param, slot.read().startsWith("(") ? "(" + slot.read() + ")" : slot.read()));
        // a field the method assigns is read into a one-element array of its own, as the Vjp and Jvp take it (see
        // FieldBoxes): each row's or column's copy of it is assigned, never the object, which only the method's one
        // run below leaves as it leaves it
        Set<String> boxed = new HashSet<>();
        for (Receiver.Leaf l : rc.leaves()) {
            if (l.boxed()) {
                boxed.add(l.param());
                reads.put(l.param(), "new " + l.type().java() + "[] {" + ReceiverWrappers.fieldRead(l) + "}");
            }
        }
        Map<String, String> shown = new HashMap<>();
        Set<String> ofThis = new java.util.LinkedHashSet<>();
        for (Receiver.Leaf l : rc.leaves()) {
            shown.put(l.param(), "this." + l.field());
            ofThis.add(l.param());
        }
        for (Receiver.RecordParam p : rc.records()) {
            for (Receiver.Leaf l : p.components()) {
                shown.put(l.param(), p.held().map(h -> "this." + h.field()).orElse(p.name()) + "." + l.field());
                if (p.isHeld()) {
                    ofThis.add(l.param());
                }
            }
        }
        CodeBlock.Builder c = CodeBlock.builder();
        ReceiverWrappers.exactClass(r, rc, c);
        ReceiverWrappers.loadHeld(rc, c);
        ElementGathers.gatherValues(rc, c); // (the buffers are the Jacobian's own)
        // the copies below would take one array held or passed twice (a field and a parameter) for two
        // (an assigned field's one-element array is new here: it holds no one else's array)
        ApartChecks.add(r, c, p -> boxed.contains(p) ? null : reads.getOrDefault(p, p), p -> shown.getOrDefault(p, p));
        c.add("// the inputs as the call sees them: each Vjp or Jvp below works on fresh copies of these\n");
        Map<String, String> values = new HashMap<>();
        for (Param p : r.params()) {
            String local = names.claim("_in_" + p.name());
            values.put(p.name(), local);
            c.addStatement(
                    "$T $L = $L",
                    AdjointClassEmitter.typeName(p.type()),
                    local,
                    boxed.contains(p.name())
                            ? reads.get(p.name())
                            : JacobianEmitter.copy(p, reads.getOrDefault(p.name(), p.name())));
        }
        // the object's part in the order of ModelGrad's fields: its own fields, then the records it holds
        List<Param> columns = new ArrayList<>();
        Map<String, Param> wrt = new HashMap<>();
        r.wrtParams().forEach(p -> wrt.put(p.name(), p));
        ofThis.stream().filter(wrt::containsKey).map(wrt::get).forEach(columns::add);
        r.wrtParams().stream().filter(p -> !ofThis.contains(p.name())).forEach(columns::add);
        JacobianEmitter.Calls calls = new JacobianEmitter.Calls(
                r,
                rc.instance() ? List.of(Receiver.SELF) : List.of(),
                values,
                columns,
                ElementColumns.shown(rc, columns, p -> shown.getOrDefault(p.name(), p.name())),
                r.adjointName() + "Vjp",
                byColumns ? Optional.of(r.tangentName() + "Jvp") : Optional.empty());
        String n = JacobianEmitter.inputs(c, calls, names);
        String value = names.claim("_value");
        List<String> args = ReceiverWrappers.publicParams(r, rc).stream()
                .map(ReceiverWrappers.Public::name)
                .toList();
        // (a jac with rows of another length is refused before the run, which may change the object)
        c.addStatement(
                "dev.adjoint.Jacobians.requireColumns($L, $L, $S, $S)",
                jac,
                n,
                r.ownerSimpleName() + "." + r.name(),
                String.join(", ", calls.shown()));
        c.add("// the method itself, once, on the caller's arguments\n");
        c.addStatement(
                "$T $L = $L.$L($L)",
                AdjointClassEmitter.typeName(r.result()),
                value,
                rc.instance() ? Receiver.SELF : ClassSpelling.of(r).owner(r).orElseThrow(),
                r.name(),
                String.join(", ", args));
        JacobianEmitter.fill(c, calls, names, jac, n, value);
        if (ElementColumns.any(rc, columns)) {
            ElementColumns.permute(c, rc, columns, values, names, jac, n, value + ".length");
        }
        ElementGathers.release(rc, List.of(), c);
        c.addStatement("return $L", value);
        return Optional.of(b.addJavadoc(
                        "Returns {@code $L(...)} and fills {@code $L} (rows: the result's elements; columns: the differentiated\n"
                                + "inputs $L, arrays flat, 2-D ones row by row) with its Jacobian, by reverse mode row by row"
                                + (byColumns
                                        ? " or by forward\nmode column by column, whichever takes fewer calls,"
                                        : ",")
                                + " at the inputs as the call sees them.\n",
                        (rc.instance() ? "self." : r.ownerSimpleName() + ".") + r.name(),
                        jac,
                        String.join(", ", calls.shown()))
                .addCode(c.build())
                .build());
    }
}
