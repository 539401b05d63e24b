package dev.adjoint.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.objects.ListParam;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The public methods of a lifted instance method, {@code nameGrad(Model self, ...)} and
 * {@code nameVjp(Model self, ..., seed, ...)}: they load the object's fields once (a private one
 * through a {@code static final VarHandle}), call the internal {@code _nameVjp} that takes them as
 * parameters, and, for {@code wrt = "this"}, add the fields' gradients into the caller's
 * {@code ModelGrad} (scalars through cells borrowed from the thread's stacks: no allocation).
 */
final class ReceiverWrappers {
    private ReceiverWrappers() {}

    /** The owner's class as the adjoint class writes it. */
    static ClassName owner(MethodRequest r) {
        List<String> path = r.ownerPath();
        return ClassName.get(
                r.packageName(), path.get(0), path.subList(1, path.size()).toArray(String[]::new));
    }

    /**
     * The owner as a parameter's type: {@code Model}, or {@code Model<?>} for a generic class, so that
     * {@code -Xlint:all} finds no raw type in the generated code (a class literal stays {@link #owner}).
     */
    static TypeName ownerType(MethodRequest r) {
        ClassName owner = owner(r);
        int n = r.declaration()
                .findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
                .filter(c -> c.getNameAsString()
                        .equals(r.ownerPath().get(r.ownerPath().size() - 1)))
                .map(c -> c.getTypeParameters().size())
                .orElse(0);
        return n == 0
                ? owner
                : ParameterizedTypeName.get(
                        owner,
                        java.util.Collections.nCopies(n, com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class))
                                .toArray(TypeName[]::new));
    }

    /** The gradient class of the owner, {@code ModelGrad} ({@code Outer_InnerGrad} for a nested one). */
    static ClassName gradClass(MethodRequest r) {
        return ClassName.get(r.packageName(), String.join("_", r.ownerPath()) + "Grad");
    }

    /** The handle field reading private field {@code field}. */
    static String handle(String field) {
        return "FIELD_" + field;
    }

    /** {@code nameGrad(Model self, ...)}, for a scalar result. */
    static MethodSpec grad(AdjointMethod m, Receiver rc) {
        MethodRequest r = m.request();
        List<String> args = new ArrayList<>();
        if (rc.instance()) {
            args.add(Receiver.SELF);
        }
        publicParams(r, rc).forEach(p -> args.add(p.name()));
        args.add(r.result().prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0");
        List<String> buffers = publicBuffers(m, rc).stream().map(b -> b.name()).toList();
        args.addAll(buffers);
        return signature(m, rc, Receiver.publicName(r) + "Grad", false)
                .addJavadoc(
                        "Returns {@code $L(...)} and adds its gradient into $L.\n",
                        (rc.instance() ? "self." : r.ownerSimpleName() + ".") + r.name(),
                        codes(buffers))
                .addStatement("return $L($L)", Receiver.publicName(r) + "Vjp", String.join(", ", args))
                .build();
    }

    /** {@code nameVjp(Model self, ..., seed, ...)}. */
    static MethodSpec vjp(AdjointMethod m, Receiver rc) {
        MethodRequest r = m.request();
        Sinks sinks = sinks(m, rc);
        java.util.Map<String, Slot> slots = SinkChecks.readOnce(r, rc, slots(rc, sinks));
        List<String> args = new ArrayList<>();
        if (rc.instance()) {
            args.add(Receiver.SELF);
        }
        for (Param p : r.params()) {
            Slot s = slots.get(p.name());
            args.add(s == null ? p.name() : s.read());
        }
        args.add(m.seedName());
        CodeBlock.Builder body = CodeBlock.builder();
        exactClass(r, rc, body);
        loadHeld(rc, body);
        SinkChecks.loadOnce(r, rc, body);
        SinkChecks.add(r, rc, sinks, m.bufferNames(), body);
        ElementGathers.gather(rc, sinks, body);
        List<Param> wrt = r.wrtParams();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < wrt.size(); i++) {
            Param p = wrt.get(i);
            Slot s = slots.get(p.name());
            if (s == null) {
                args.add(m.bufferNames().get(i));
            } else if (p.type().isArray()) {
                args.add(s.sink());
            } else {
                if (adds.isEmpty()) {
                    body.addStatement("$T _stack = $T.forThread()", STACKS, STACKS);
                    body.addStatement("int _cells = _stack.doubleCellMark()");
                    body.addStatement("int _cellsf = _stack.floatCellMark()");
                }
                String cell = "_d_" + p.name();
                borrowCell(body, p.type(), cell);
                adds.add(s.sink() + " += " + cell + ".get()");
                args.add(cell);
            }
        }
        String call = r.adjointName() + "Vjp(" + String.join(", ", args) + ")";
        java.util.Set<String> wrtNames =
                new java.util.HashSet<>(wrt.stream().map(Param::name).toList());
        FieldBoxes.fill(rc, sinks, false, wrtNames, body);
        if (adds.isEmpty() && !ElementGathers.any(rc)) {
            body.addStatement("return $L", call);
        } else {
            body.addStatement("$T _result = $L", AdjointClassEmitter.typeName(r.result()), call);
            adds.forEach(a -> body.addStatement("$L", a));
            if (!adds.isEmpty()) {
                body.addStatement("_stack.releaseCells(_cells, _cellsf)");
            }
            ElementGathers.scatter(rc, sinks, body);
            ElementGathers.release(rc, "d", body);
            body.addStatement("return _result");
        }
        FieldBoxes.store(rc, sinks, true, wrtNames, body);
        return signature(m, rc, Receiver.publicName(r) + "Vjp", true)
                .addJavadoc(
                        "Returns {@code $L(...)} and adds {@code $L} times its gradient into $L.\n",
                        (rc.instance() ? "self." : r.ownerSimpleName() + ".") + r.name(),
                        m.seedName(),
                        codes(publicBuffers(m, rc).stream().map(b -> b.name()).toList()))
                .addCode(body.build())
                .build();
    }

    /**
     * A lifted parameter that carries a field or a component: how the public method reads its
     * value, and where its gradient goes ({@code dthis.w}, {@code dp.k}).
     */
    record Slot(String read, String sink) {}

    /** The gradient sinks of {@code m}'s public methods. */
    static Sinks sinks(AdjointMethod m, Receiver rc) {
        List<String> generated = new ArrayList<>(List.of(m.seedName()));
        Sinks.plainWrt(m.request(), rc)
                .forEach(i -> generated.add(m.bufferNames().get(i)));
        return Sinks.of("d", m.request(), rc, generated);
    }

    /**
     * The slots, with the object's and records' gradient-class parameters named by {@code sinks}
     * ({@code d}: gradients; {@code t}: the tangents of forward mode).
     */
    static java.util.Map<String, Slot> slots(Receiver rc, Sinks sinks) {
        String prefix = sinks.prefix();
        java.util.Map<String, Slot> out = new java.util.HashMap<>();
        for (Receiver.Leaf l : rc.leaves()) {
            out.put(
                    l.param(),
                    l.boxed()
                            ? new Slot(FieldBoxes.box(l.param()), FieldBoxes.sinkBox(prefix, l.param()))
                            : new Slot(fieldRead(l), sinks.self() + "." + l.field()));
        }
        // a list read as an array: the array the public method filled from it (never differentiated: no sink)
        rc.lists().forEach(l -> out.put(l.name(), new Slot(ElementGathers.local(l.name()), "")));
        for (Receiver.RecordParam p : rc.records()) {
            for (Receiver.Leaf l : p.components()) {
                out.put(
                        l.param(),
                        p.elements().isPresent()
                                ? new Slot(ElementGathers.local(l.param()), ElementGathers.sinkLocal(prefix, l.param()))
                                // a nested record's component: its path in.x is read p.in().x() (s.in.x of an object)
                                // and added into dp.in.x
                                : new Slot(p.readPath(recordRead(p), l.field()), sinks.of(p) + "." + l.field()));
            }
        }
        return out;
    }

    /**
     * How the public methods name the record or array of them {@code p}: the parameter, or for a
     * field of the object the local {@link #loadHeld} reads it into.
     */
    static String recordRead(Receiver.RecordParam p) {
        return p.held().map(h -> "_self_" + h.field()).orElse(p.name());
    }

    /** Reads the records and arrays of them the object holds into locals, once (a private one through its handle). */
    static void loadHeld(Receiver rc, CodeBlock.Builder body) {
        for (Receiver.RecordParam p : rc.records()) {
            p.held()
                    .ifPresent(h -> body.addStatement(
                            h.isPrivate() ? "$T $L = ($T) $L.get($L)" : "$T $L = $L$L.$L",
                            recordType(p),
                            recordRead(p),
                            h.isPrivate() ? recordType(p) : "",
                            h.isPrivate() ? handle(h.field()) : Receiver.SELF,
                            h.isPrivate() ? Receiver.SELF : h.field()));
        }
    }

    /** The type of record parameter {@code p}: its record, or an array of its elements. */
    static TypeName recordType(Receiver.RecordParam p) {
        return p.elements().isPresent() ? ArrayTypeName.of(recordClass(p)) : recordClass(p);
    }

    /** How the public methods read field {@code l} of the object. */
    static String fieldRead(Receiver.Leaf l) {
        return l.isPrivate()
                ? "(" + l.type().java() + ") " + handle(l.field()) + ".get(" + Receiver.SELF + ")"
                : Receiver.SELF + "." + l.field();
    }

    /** The record's class. */
    static ClassName recordClass(Receiver.RecordParam p) {
        List<String> path = p.recordPath();
        return ClassName.get(
                p.recordPackage(), path.get(0), path.subList(1, path.size()).toArray(String[]::new));
    }

    /** The record's gradient class, {@code ParamsGrad} ({@code Outer_ParamsGrad} for a nested one). */
    static ClassName recordGradClass(Receiver.RecordParam p) {
        return ClassName.get(p.recordPackage(), String.join("_", p.recordPath()) + "Grad");
    }

    /** The type of a record parameter's gradient: its gradient class, an array of them for an array of elements. */
    static TypeName recordGradType(Receiver.RecordParam p) {
        return p.elements().isPresent() ? ArrayTypeName.of(recordGradClass(p)) : recordGradClass(p);
    }

    /** Refuses an object of a subclass when {@code rc} says the public methods must. */
    static void exactClass(MethodRequest r, Receiver rc, CodeBlock.Builder body) {
        if (rc.exactClass()) {
            // the adjoint follows Model's own methods; a call on self would run a subclass's override
            body.beginControlFlow("if ($L.getClass() != $T.class)", Receiver.SELF, owner(r))
                    .addStatement(
                            "throw new $T($S + $L.getClass().getName() + $S)",
                            IllegalArgumentException.class,
                            "self is a ",
                            Receiver.SELF,
                            ", a subclass of " + r.ownerSimpleName() + ": this adjoint differentiates "
                                    + r.ownerSimpleName() + "'s own methods, which a subclass may override; make "
                                    + r.ownerSimpleName()
                                    + ", or the methods that " + r.name() + " calls, final")
                    .endControlFlow();
        }
    }

    /** A parameter of the public methods. */
    record Public(String name, TypeName type) {}

    /** The user's parameters, records as records. */
    static List<Public> publicParams(MethodRequest r, Receiver rc) {
        List<Public> out = new ArrayList<>();
        java.util.Set<String> componentLeaves = new java.util.HashSet<>();
        rc.records().forEach(p -> p.components().forEach(l -> componentLeaves.add(l.param())));
        for (Param p : r.params().subList(0, rc.ownParams())) {
            if (!componentLeaves.contains(p.name())) {
                out.add(new Public(
                        p.name(),
                        ListParam.of(rc, p.name())
                                .map(l -> listOf(AdjointClassEmitter.typeName(
                                                l.values().orElseThrow().element())
                                        .box()))
                                .orElse(AdjointClassEmitter.typeName(p.type()))));
            }
        }
        for (Receiver.RecordParam p : rc.records()) {
            if (!p.isHeld()) {
                TypeName type = ListParam.of(rc, p.name()).isPresent() ? listOf(recordClass(p)) : recordType(p);
                out.add(Math.min(p.position(), out.size()), new Public(p.name(), type));
            }
        }
        return out;
    }

    /** {@code java.util.List<element>}. */
    private static TypeName listOf(TypeName element) {
        return ParameterizedTypeName.get(ClassName.get(List.class), element);
    }

    /** The public buffers: the object's gradient first (for {@code wrt = "this"}), then the parameters', records' as their gradient classes. */
    private static List<Public> publicBuffers(AdjointMethod m, Receiver rc) {
        List<Public> out = new ArrayList<>();
        Sinks sinks = sinks(m, rc);
        if (rc.wrtThis()) {
            out.add(new Public(sinks.self(), gradClass(m.request())));
        }
        java.util.Map<String, Slot> slots = slots(rc, sinks);
        java.util.Map<String, Receiver.RecordParam> recordOf = new java.util.HashMap<>();
        rc.records().forEach(p -> p.components().forEach(l -> recordOf.put(l.param(), p)));
        List<Param> wrt = m.request().wrtParams();
        java.util.Set<String> recordsDone = new java.util.HashSet<>();
        for (int i = 0; i < wrt.size(); i++) {
            Param p = wrt.get(i);
            Receiver.RecordParam record = recordOf.get(p.name());
            if (record != null) {
                if (!record.isHeld()
                        && recordsDone.add(record.name())) { // (one the object holds is part of its gradient)
                    out.add(new Public(sinks.of(record), recordGradType(record)));
                }
            } else if (!slots.containsKey(p.name())) {
                out.add(new Public(m.bufferNames().get(i), AdjointClassEmitter.bufferType(p.type())));
            }
        }
        return out;
    }

    private static MethodSpec.Builder signature(AdjointMethod m, Receiver rc, String name, boolean withSeed) {
        MethodRequest r = m.request();
        MethodSpec.Builder b = publicHead(r, rc, name);
        if (withSeed) {
            b.addParameter(AdjointClassEmitter.typeName(r.result()), m.seedName());
        }
        publicBuffers(m, rc).forEach(p -> b.addParameter(p.type(), p.name()));
        return b;
    }

    /**
     * The head every public method of a lifted method shares: {@code static}, public as the method is,
     * its result and {@code throws}, then {@code Model self} (an instance method) and the public
     * parameters (the method's own, records whole).
     */
    static MethodSpec.Builder publicHead(MethodRequest r, Receiver rc, String name) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.STATIC)
                .returns(AdjointClassEmitter.typeName(r.result()));
        AdjointClassEmitter.declareThrows(r, b);
        if (r.isPublic()) {
            b.addModifiers(Modifier.PUBLIC);
        }
        if (rc.instance()) {
            b.addParameter(ownerType(r), Receiver.SELF);
        }
        publicParams(r, rc).forEach(p -> b.addParameter(p.type(), p.name()));
        return b;
    }

    /** Borrows the cell {@code cell} of {@code type}'s precision from the thread's stacks ({@code _stack}). */
    static void borrowCell(CodeBlock.Builder body, Ty type, String cell) {
        boolean isFloat = type.prim() == Ty.Prim.FLOAT;
        body.addStatement(
                "$T $L = _stack.$L()",
                isFloat ? FloatGrad.class : DoubleGrad.class,
                cell,
                isFloat ? "borrowFloatCell" : "borrowDoubleCell");
    }

    private static final ClassName STACKS = ClassName.get("dev.adjoint.stack", "AdjointStacks");

    private static String codes(List<String> names) {
        return names.stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
    }
}
