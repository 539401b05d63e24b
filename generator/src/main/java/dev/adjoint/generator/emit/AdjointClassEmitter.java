package dev.adjoint.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.AdjointGenerated;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Prints the adjoint class of one owner type. */
public final class AdjointClassEmitter {
    private AdjointClassEmitter() {}

    /**
     * The source of the adjoint class holding {@code methods}, which all belong to one owner.
     *
     * @param sourceFileName the owner's file name, for the header
     */
    public static String emit(String sourceFileName, List<AdjointMethod> methods) {
        return emit(sourceFileName, methods, java.util.Map.of(), java.util.Map.of());
    }

    /**
     * As {@link #emit(String, List)}, with the tangent ({@code Jvp}) method of each method that
     * has one in {@code jvps}, and the Hessian-vector product ({@code Hvp}) of each in {@code hvps}.
     */
    public static String emit(
            String sourceFileName,
            List<AdjointMethod> methods,
            java.util.Map<MethodRequest, JvpMethod> jvps,
            java.util.Map<MethodRequest, HvpMethod> hvps) {
        return emit(sourceFileName, methods, jvps, hvps, java.util.Set.of());
    }

    /**
     * As {@link #emit(String, List, java.util.Map, java.util.Map)}, with a {@code Jacobian} by rows
     * (from {@code Vjp} alone) for each array-result method in {@code jacobiansByRows}, which has no {@code Jvp}.
     */
    public static String emit(
            String sourceFileName,
            List<AdjointMethod> methods,
            java.util.Map<MethodRequest, JvpMethod> jvps,
            java.util.Map<MethodRequest, HvpMethod> hvps,
            java.util.Set<MethodRequest> jacobiansByRows) {
        return emit(sourceFileName, methods, jvps, hvps, jacobiansByRows, r -> false);
    }

    /**
     * As {@link #emit(String, List, java.util.Map, java.util.Map, java.util.Set)}, where the methods
     * that {@code wrtVariant} accepts are a callee's internal variant differentiating every
     * parameter: only its {@code Vjp} (and {@code Jvp}, {@code Record}), which its callers' adjoints call.
     */
    public static String emit(
            String sourceFileName,
            List<AdjointMethod> methods,
            java.util.Map<MethodRequest, JvpMethod> jvps,
            java.util.Map<MethodRequest, HvpMethod> hvps,
            java.util.Set<MethodRequest> jacobiansByRows,
            java.util.function.Predicate<MethodRequest> wrtVariant) {
        MethodRequest first = methods.get(0).request();
        TypeSpec.Builder type = TypeSpec.classBuilder(first.adjointSimpleName())
                .addModifiers(Modifier.FINAL)
                .addJavadoc(
                        "Gradients of the {@code @Differentiable} methods of {@link $L}, by reverse-mode automatic\n"
                                + "differentiation. Each {@code ...Grad} and {@code ...Vjp} method returns the original\n"
                                + "method's value and <em>adds</em> the gradient into the buffers passed to it."
                                + (jvps.keySet().stream()
                                                .anyMatch(methods.stream()
                                                        .map(AdjointMethod::request)
                                                        .toList()::contains)
                                        ? " Each {@code ...Jvp}\nmethod (forward mode) <em>sets</em> the derivative along a direction.\n"
                                        : "\n"),
                        first.ownerSimpleName())
                .addAnnotation(AnnotationSpec.builder(AdjointGenerated.class)
                        .addMember("value", "$S", first.ownerQualifiedName())
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        if (methods.stream().anyMatch(m -> m.request().isPublic())) {
            type.addModifiers(Modifier.PUBLIC);
        }
        FieldHandleFields.add(type, methods);
        TableCopyFields.add(type, methods);
        HessianEmitter hessians = new HessianEmitter(type);
        for (AdjointMethod m : methods) {
            java.util.Optional<Receiver> rc = Receiver.of(m.request());
            if (rc.isPresent()) {
                // an instance method: public wrappers taking the object, then the internal methods taking its fields
                // (a callee's variant for callers that pass a differentiated value outside its wrt has no wrappers)
                boolean wrapped = rc.get().annotated() && !wrtVariant.test(m.request());
                if (wrapped && !m.request().result().isArray()) {
                    type.addMethod(ReceiverWrappers.grad(m, rc.get()));
                }
                if (wrapped) {
                    type.addMethod(ReceiverWrappers.vjp(m, rc.get()));
                }
                type.addMethod(vjp(m, false));
                m.recorder().ifPresent(rec -> type.addMethod(recorder(m, rec)));
                if (wrapped && jacobiansByRows.contains(m.request())) {
                    ReceiverJacobians.jacobianByRows(m.request(), rc.get()).ifPresent(type::addMethod);
                }
                JvpMethod j = jvps.get(m.request());
                if (j != null) {
                    if (wrapped) {
                        type.addMethod(ReceiverTangents.jvp(j, rc.get()));
                        ReceiverJacobians.jacobian(j, rc.get()).ifPresent(type::addMethod);
                    }
                    type.addMethod(jvp(j, false));
                }
                HvpMethod h = hvps.get(m.request());
                if (h != null) {
                    if (wrapped) {
                        type.addMethod(ReceiverHessians.hvp(h, rc.get()));
                    }
                    hessians.add(h);
                }
                continue;
            }
            boolean variant = wrtVariant.test(m.request());
            if (!m.request().result().isArray() && !variant) {
                type.addMethod(grad(m)); // an array result has no implicit seed, as backward(v)
            }
            type.addMethod(
                    variant
                            ? vjp(m, false).toBuilder()
                                    .addJavadoc(
                                            "(Every float and double parameter differentiated: for callers that pass a"
                                                    + " differentiated value\nto a parameter the {@code wrt} of {@link $L#$L} leaves out.)\n",
                                            m.request().ownerSimpleName(),
                                            m.request().name())
                                    .build()
                            : vjp(m, true));
            m.recorder().ifPresent(rec -> type.addMethod(recorder(m, rec)));
            JvpMethod j = jvps.get(m.request());
            if (jacobiansByRows.contains(m.request())) {
                type.addMethod(JacobianEmitter.jacobianByRows(m.request()));
            }
            if (j != null) {
                type.addMethod(jvp(j, !variant));
                if (m.request().result().isArray()) {
                    type.addMethod(JacobianEmitter.jacobian(j));
                }
            }
            HvpMethod h = hvps.get(m.request());
            if (h != null) {
                hessians.add(h);
            }
        }
        hessians.finish();
        JavaFile file = JavaFile.builder(first.packageName(), type.build())
                .addFileComment(
                        "Generated by Adjoint from $L. Do not edit: edit the source and rebuild.", sourceFileName)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return file.toString();
    }

    private static MethodSpec grad(AdjointMethod m) {
        MethodRequest r = m.request();
        String seed = r.result().prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0";
        List<String> args = new ArrayList<>();
        r.params().forEach(p -> args.add(p.name()));
        args.add(seed);
        args.addAll(m.bufferNames());
        return signature(m, r.adjointName() + "Grad", false)
                .addJavadoc(
                        "Returns {@link $L#$L} and adds its gradient into $L.\n",
                        r.ownerSimpleName(),
                        r.name(),
                        m.bufferNames().stream().map(b -> "{@code " + b + "}").collect(Collectors.joining(", ")))
                .addStatement("return $L($L)", r.adjointName() + "Vjp", String.join(", ", args))
                .build();
    }

    /** {@code nameVjp}; with {@code checked}, a method the user calls: its buffers' shapes checked first. */
    private static MethodSpec vjp(AdjointMethod m, boolean checked) {
        MethodRequest r = m.request();
        MethodSpec.Builder b = signature(m, r.adjointName() + "Vjp", true)
                .addJavadoc(
                        "Returns {@link $L#$L} and adds {@code $L} times its gradient into $L.\n",
                        r.ownerSimpleName(),
                        r.name(),
                        m.seedName(),
                        m.bufferNames().stream().map(x -> "{@code " + x + "}").collect(Collectors.joining(", ")));
        CodeBlock.Builder body = CodeBlock.builder();
        if (checked) {
            BufferChecks.add(body, r, m.bufferNames());
        }
        ApartChecks.add(r, body);
        BodyPrinter.print(m.body(), body, NameClashes.hiddenIn(r));
        return b.addCode(body.build()).build();
    }

    /** {@code nameJvp}; with {@code checked}, a method the user calls: its directions' shapes checked first. */
    private static MethodSpec jvp(JvpMethod j, boolean checked) {
        MethodRequest r = j.request();
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.tangentName() + "Jvp")
                .addModifiers(Modifier.STATIC)
                .returns(typeName(r.result()));
        receiver(r, b);
        declareThrows(r, b);
        for (Param p : r.params()) {
            b.addParameter(typeName(p.type()), p.name());
        }
        int i = 0;
        for (Param p : r.wrtParams()) {
            b.addParameter(typeName(p.type()), j.tangentNames().get(i++));
        }
        String tangents =
                j.tangentNames().stream().map(x -> "{@code " + x + "}").collect(Collectors.joining(", "));
        if (r.result().isArray()) {
            b.addParameter(typeName(r.result()), j.outName());
            b.addJavadoc(
                    "Returns {@link $L#$L} and writes into {@code $L} (of the result's length) its derivative along\n"
                            + "the direction $L: the Jacobian-vector product, by forward mode.\n",
                    r.ownerSimpleName(),
                    r.name(),
                    j.outName(),
                    tangents);
        } else {
            b.addParameter(bufferType(r.result()), j.outName());
            b.addJavadoc(
                    "Returns {@link $L#$L} and <em>sets</em> {@code $L} to its derivative along the direction\n"
                            + "$L (forward mode; the cell is overwritten, not added to).\n",
                    r.ownerSimpleName(),
                    r.name(),
                    j.outName(),
                    tangents);
        }
        CodeBlock.Builder body = CodeBlock.builder();
        if (checked) {
            BufferChecks.add(body, r, j.tangentNames());
        }
        ApartChecks.add(r, body);
        BodyPrinter.print(j.body(), body, NameClashes.hiddenIn(r));
        return b.addCode(body.build()).build();
    }

    private static MethodSpec recorder(AdjointMethod m, AdjointMethod.Recorder rec) {
        MethodRequest r = m.request();
        String tape = NameClashes.tapeParameter(r);
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.adjointName() + "Record")
                .addModifiers(Modifier.STATIC)
                .returns(typeName(r.result()))
                .addJavadoc(
                        "Runs {@link $L#$L} recording every operation on {@code $L}; the result's $L left in\n"
                                + "{@code $L.$L()}. Used by the tape strategy.\n",
                        r.ownerSimpleName(),
                        r.name(),
                        tape,
                        r.result().isArray() ? "element handles are" : "handle is",
                        tape,
                        r.result().isArray() ? "resultHandles" : "result");
        receiver(r, b);
        declareThrows(r, b);
        b.addParameter(ClassName.get("dev.adjoint.tape", "Tape"), tape);
        for (int i = 0; i < r.params().size(); i++) {
            Param p = r.params().get(i);
            b.addParameter(typeName(p.type()), p.name());
            String h = rec.paramHandles().get(i);
            if (h != null) {
                TypeName handle = TypeName.INT; // one handle per floating-point element: int, int[], int[][]
                for (int d = 0; d < p.type().dims(); d++) {
                    handle = ArrayTypeName.of(handle);
                }
                b.addParameter(handle, h);
            }
        }
        CodeBlock.Builder body = CodeBlock.builder();
        ApartChecks.add(r, body);
        BodyPrinter.print(rec.body(), body, NameClashes.hiddenIn(r));
        return b.addCode(body.build()).build();
    }

    static MethodSpec.Builder signature(AdjointMethod m, String name, boolean withSeed) {
        MethodRequest r = m.request();
        MethodSpec.Builder b =
                MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC).returns(typeName(r.result()));
        receiver(r, b);
        declareThrows(r, b);
        for (Param p : r.params()) {
            b.addParameter(ParameterSpec.builder(typeName(p.type()), p.name()).build());
        }
        if (withSeed) {
            b.addParameter(typeName(r.result()), m.seedName());
        }
        int i = 0;
        for (Param p : r.wrtParams()) {
            b.addParameter(bufferType(p.type()), m.bufferNames().get(i++));
        }
        return b;
    }

    /**
     * The method's own {@code throws} clause, its classes written out: each generated method runs the
     * method's guards in its forward sweep and throws where the method throws, or calls the adjoint
     * of a method that does (which Java makes the method declare too).
     */
    static void declareThrows(MethodRequest r, MethodSpec.Builder b) {
        dev.adjoint.generator.select.ThrownTypes.declared(r.declaration())
                .orElse(List.of())
                .forEach(q -> b.addException(ClassName.bestGuess(q)));
    }

    /**
     * Public for a public method; for a lifted instance method, package-private (its public
     * wrappers take the object) and taking the object first, as {@link Receiver#SELF}.
     */
    private static void receiver(MethodRequest r, MethodSpec.Builder b) {
        if (Receiver.of(r).isPresent()) {
            if (Receiver.of(r).get().instance()) {
                b.addParameter(ReceiverWrappers.ownerType(r), Receiver.SELF);
            }
        } else if (r.isPublic()) {
            b.addModifiers(Modifier.PUBLIC);
        }
    }

    static TypeName typeName(Ty t) {
        TypeName base = switch (t.prim()) {
            case DOUBLE -> TypeName.DOUBLE;
            case FLOAT -> TypeName.FLOAT;
            case LONG -> TypeName.LONG;
            case INT -> TypeName.INT;
            case BOOLEAN -> TypeName.BOOLEAN;
            case SHORT -> TypeName.SHORT;
            case BYTE -> TypeName.BYTE;
            case CHAR -> TypeName.CHAR;
            case STRING -> ClassName.get(String.class);
            case RANDOM -> ClassName.get(java.util.Random.class);
            case ENUM -> ClassName.bestGuess(t.enumName());
        };
        for (int i = 0; i < t.dims(); i++) {
            base = ArrayTypeName.of(base);
        }
        return base;
    }

    static TypeName bufferType(Ty t) {
        if (t.isArray()) {
            return typeName(t);
        }
        return t.prim() == Ty.Prim.FLOAT ? ClassName.get(FloatGrad.class) : ClassName.get(DoubleGrad.class);
    }
}
