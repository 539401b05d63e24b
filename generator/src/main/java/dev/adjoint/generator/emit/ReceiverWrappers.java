package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FieldHandles;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /** The name of the {@code ModelGrad} parameter. */
    static final String SINK = "dthis";

    /** The owner's class as the adjoint class writes it. */
    static ClassName owner(MethodRequest r) {
        List<String> path = r.ownerPath();
        return ClassName.get(r.packageName(), path.get(0), path.subList(1, path.size()).toArray(String[]::new));
    }

    /** The gradient class of the owner, {@code ModelGrad} ({@code Outer_InnerGrad} for a nested one). */
    static ClassName gradClass(MethodRequest r) {
        return ClassName.get(r.packageName(), String.join("_", r.ownerPath()) + "Grad");
    }

    /** The handle field reading private field {@code field}. */
    private static String handle(String field) {
        return "FIELD_" + field;
    }

    /** Adds the handles on the private fields that {@code methods} read, once each, in field order. */
    static void addHandles(TypeSpec.Builder type, List<AdjointMethod> methods) {
        Set<String> done = new TreeSet<>();
        for (AdjointMethod m : methods) {
            Receiver rc = Receiver.of(m.request()).orElse(null);
            if (rc == null || !m.request().adjointName().startsWith("_")) {
                continue;
            }
            for (Receiver.Leaf l : rc.leaves()) {
                if (l.isPrivate() && done.add(l.field())) {
                    type.addField(FieldSpec.builder(VarHandle.class, handle(l.field()), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$T.of($T.lookup(), $T.class, $S, $T.class)", FieldHandles.class, MethodHandles.class,
                                    owner(m.request()), l.field(), AdjointClassEmitter.typeName(l.type()))
                            .build());
                }
            }
        }
        if (!done.isEmpty()) {
            type.alwaysQualify("VarHandle", "MethodHandles", "FieldHandles");
        }
    }

    /** {@code nameGrad(Model self, ...)}, for a scalar result. */
    static MethodSpec grad(AdjointMethod m, Receiver rc) {
        MethodRequest r = m.request();
        List<String> args = new ArrayList<>();
        args.add(Receiver.SELF);
        own(r, rc).forEach(p -> args.add(p.name()));
        args.add(r.result().prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0");
        args.addAll(publicBuffers(m, rc));
        return signature(m, rc, Receiver.publicName(r) + "Grad", false)
                .addJavadoc("Returns {@code self.$L(...)} and adds its gradient into $L.\n", r.name(), codes(publicBuffers(m, rc)))
                .addStatement("return $L($L)", Receiver.publicName(r) + "Vjp", String.join(", ", args))
                .build();
    }

    /** {@code nameVjp(Model self, ..., seed, ...)}. */
    static MethodSpec vjp(AdjointMethod m, Receiver rc) {
        MethodRequest r = m.request();
        List<String> args = new ArrayList<>();
        args.add(Receiver.SELF);
        own(r, rc).forEach(p -> args.add(p.name()));
        for (Receiver.Leaf l : rc.leaves()) {
            args.add(l.isPrivate() ? "(" + l.type().java() + ") " + handle(l.field()) + ".get(" + Receiver.SELF + ")"
                    : Receiver.SELF + "." + l.field());
        }
        args.add(m.seedName());
        CodeBlock.Builder body = CodeBlock.builder();
        List<Param> wrt = r.wrtParams();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < wrt.size(); i++) {
            Param p = wrt.get(i);
            Receiver.Leaf leaf = leafOf(rc, p).orElse(null);
            if (leaf == null) {
                args.add(m.bufferNames().get(i));
            } else if (p.type().isArray()) {
                args.add(SINK + "." + leaf.field());
            } else {
                if (cells.isEmpty()) {
                    body.addStatement("$T _stack = $T.forThread()", STACKS, STACKS);
                    body.addStatement("int _cells = _stack.doubleCellMark()");
                    body.addStatement("int _cellsf = _stack.floatCellMark()");
                }
                String cell = "_d_" + leaf.field();
                boolean isFloat = p.type().prim() == Ty.Prim.FLOAT;
                body.addStatement("$T $L = _stack.$L()", isFloat ? FloatGrad.class : DoubleGrad.class, cell,
                        isFloat ? "borrowFloatCell" : "borrowDoubleCell");
                cells.add(leaf.field());
                args.add(cell);
            }
        }
        String call = r.adjointName() + "Vjp(" + String.join(", ", args) + ")";
        if (cells.isEmpty()) {
            body.addStatement("return $L", call);
        } else {
            body.addStatement("$T _result = $L", AdjointClassEmitter.typeName(r.result()), call);
            cells.forEach(f -> body.addStatement("$L.$L += _d_$L.get()", SINK, f, f));
            body.addStatement("_stack.releaseCells(_cells, _cellsf)");
            body.addStatement("return _result");
        }
        return signature(m, rc, Receiver.publicName(r) + "Vjp", true)
                .addJavadoc("Returns {@code self.$L(...)} and adds {@code $L} times its gradient into $L.\n", r.name(), m.seedName(),
                        codes(publicBuffers(m, rc)))
                .addCode(body.build())
                .build();
    }

    private static final ClassName STACKS = ClassName.get("dev.adjoint.stack", "AdjointStacks");

    private static String codes(List<String> names) {
        return names.stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
    }

    private static List<Param> own(MethodRequest r, Receiver rc) {
        return r.params().subList(0, rc.ownParams());
    }

    private static java.util.Optional<Receiver.Leaf> leafOf(Receiver rc, Param p) {
        return rc.leaves().stream().filter(l -> l.param().equals(p.name())).findFirst();
    }

    /** The public buffers: the object's gradient first (for {@code wrt = "this"}), then the parameters'. */
    private static List<String> publicBuffers(AdjointMethod m, Receiver rc) {
        List<String> out = new ArrayList<>();
        if (rc.wrtThis()) {
            out.add(SINK);
        }
        List<Param> wrt = m.request().wrtParams();
        for (int i = 0; i < wrt.size(); i++) {
            if (leafOf(rc, wrt.get(i)).isEmpty()) {
                out.add(m.bufferNames().get(i));
            }
        }
        return out;
    }

    private static MethodSpec.Builder signature(AdjointMethod m, Receiver rc, String name, boolean withSeed) {
        MethodRequest r = m.request();
        MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC).returns(AdjointClassEmitter.typeName(r.result()));
        if (r.isPublic()) {
            b.addModifiers(Modifier.PUBLIC);
        }
        b.addParameter(owner(r), Receiver.SELF);
        own(r, rc).forEach(p -> b.addParameter(AdjointClassEmitter.typeName(p.type()), p.name()));
        if (withSeed) {
            b.addParameter(AdjointClassEmitter.typeName(r.result()), m.seedName());
        }
        if (rc.wrtThis()) {
            b.addParameter(gradClass(r), SINK);
        }
        List<Param> wrt = r.wrtParams();
        for (int i = 0; i < wrt.size(); i++) {
            if (leafOf(rc, wrt.get(i)).isEmpty()) {
                b.addParameter(AdjointClassEmitter.bufferType(wrt.get(i).type()), m.bufferNames().get(i));
            }
        }
        return b;
    }
}
