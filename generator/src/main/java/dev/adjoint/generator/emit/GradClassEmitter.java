package dev.adjoint.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.AdjointGenerated;
import dev.adjoint.FieldHandles;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.types.Ty;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Prints {@code ModelGrad}, the gradient of a {@code Model} with respect to its {@code float} and
 * {@code double} fields: one public field per such field of the model, of the same type (arrays of
 * the same shape), which {@code nameGrad(self, ..., dthis, ...)} adds into (Swift's tangent vector,
 * as a plain Java class the caller owns and zeroes).
 */
public final class GradClassEmitter {
    private GradClassEmitter() {}

    /**
     * The gradient classes the public methods of {@code methods} take, by qualified name: the
     * owner's for {@code wrt = "this"}, a record's for {@code wrt} naming a record parameter.
     *
     * @param sourceFileName the owner's file name, for the header
     * @param out takes each class, qualified name and source (the same class may come twice, from
     *     two methods: the caller checks that both are the same)
     */
    public static void emitAll(
            String sourceFileName, List<AdjointMethod> methods, java.util.function.BiConsumer<String, String> out) {
        for (AdjointMethod m : methods) {
            Receiver rc = Receiver.of(m.request()).orElse(null);
            if (rc == null || !rc.annotated()) {
                continue;
            }
            if (rc.wrtThis()) {
                ClassName grad = ReceiverWrappers.gradClass(m.request());
                List<NestedField> held = new java.util.ArrayList<>();
                for (Receiver.RecordParam p : rc.records()) {
                    p.held()
                            .ifPresent(h -> held.add(new NestedField(
                                    h.field(),
                                    ReceiverWrappers.recordGradClass(p),
                                    p.elements().isPresent(),
                                    h.isPrivate()
                                            ? CodeBlock.of(
                                                    "($T) FIELD_$L.get(value)",
                                                    ReceiverWrappers.recordType(p),
                                                    h.field())
                                            : CodeBlock.of("value.$L", h.field()),
                                    h.isPrivate()
                                            ? java.util.Optional.of(ReceiverWrappers.recordType(p))
                                            : java.util.Optional.empty())));
                }
                out.accept(
                        grad.canonicalName(),
                        emit(
                                sourceFileName,
                                ReceiverWrappers.owner(m.request()),
                                ReceiverWrappers.ownerType(m.request()),
                                grad,
                                rc.leaves(),
                                l -> l.isPrivate()
                                        ? "((" + l.type().java() + ") FIELD_" + l.field() + ".get(value))"
                                        : "value." + l.field(),
                                held));
            }
            for (Receiver.RecordParam p : rc.records()) {
                if (p.wrt() && p.elements().isPresent()) {
                    Receiver.Elements e = p.elements().get();
                    ClassName grad = ReceiverWrappers.recordGradClass(p);
                    out.accept(
                            grad.canonicalName(),
                            emit(
                                    p.sourceFile(),
                                    ReceiverWrappers.recordClass(p),
                                    ReceiverWrappers.recordClass(p),
                                    grad,
                                    e.mirrored(),
                                    l -> l.isPrivate()
                                            ? "((" + l.type().java() + ") FIELD_" + l.field() + ".get(value))"
                                            : "value." + l.field() + (e.accessors() ? "()" : ""),
                                    List.of()));
                } else if (p.wrt()) {
                    emitRecord(
                            out,
                            p,
                            "",
                            ReceiverWrappers.recordClass(p),
                            ReceiverWrappers.recordGradClass(p),
                            p.sourceFile(),
                            p.accessors());
                }
            }
        }
    }

    /**
     * A component of a record that is a record itself, or a field of the object holding a record
     * or an array of them: its gradient is a field of the nested record's gradient class (an
     * array of them).
     *
     * @param name the component or field
     * @param grad the nested record's gradient class
     * @param array whether it is an array of them
     * @param read how {@code like} reads the value's
     * @param handle for a private field, its type (the gradient class reads it through a {@code VarHandle})
     */
    private record NestedField(
            String name, ClassName grad, boolean array, CodeBlock read, java.util.Optional<TypeName> handle) {}

    /**
     * Puts into {@code out} the gradient class of the record at {@code prefix} ({@code ""}: the
     * parameter's own, {@code "in."}: its component {@code in}) and, first, those of its nested records.
     */
    private static void emitRecord(
            java.util.function.BiConsumer<String, String> out,
            Receiver.RecordParam p,
            String prefix,
            ClassName record,
            ClassName grad,
            String sourceFile,
            boolean accessors) {
        String call =
                accessors ? "()" : ""; // a record's component is read through its accessor, an object's field as it is
        List<Receiver.Leaf> own = new java.util.ArrayList<>();
        for (Receiver.Leaf l : p.components()) {
            if (isChild(l.field(), prefix)) {
                own.add(new Receiver.Leaf(l.field().substring(prefix.length()), l.param(), l.type(), false));
            }
        }
        List<NestedField> nested = new java.util.ArrayList<>();
        for (Receiver.Nested n : p.nested()) {
            if (isChild(n.path(), prefix)) {
                List<String> path = n.recordPath();
                ClassName nestedRecord = ClassName.get(
                        n.recordPackage(),
                        path.get(0),
                        path.subList(1, path.size()).toArray(String[]::new));
                ClassName nestedGrad = ClassName.get(n.recordPackage(), String.join("_", path) + "Grad");
                String name = n.path().substring(prefix.length());
                nested.add(new NestedField(
                        name, nestedGrad, false, CodeBlock.of("value.$L$L", name, call), java.util.Optional.empty()));
                emitRecord(out, p, n.path() + ".", nestedRecord, nestedGrad, n.sourceFile(), n.accessors());
            }
        }
        out.accept(
                grad.canonicalName(),
                emit(sourceFile, record, record, grad, own, l -> "value." + l.field() + call, nested));
    }

    /** Whether {@code path} names a component directly under {@code prefix} ({@code in.x} under {@code in.}). */
    private static boolean isChild(String path, String prefix) {
        return path.startsWith(prefix) && path.indexOf('.', prefix.length()) < 0;
    }

    /** The source of {@code self}, the gradient of {@code owner} with respect to its floating {@code leaves} and {@code nested} records. */
    private static String emit(
            String sourceFileName,
            ClassName owner,
            TypeName ownerType,
            ClassName self,
            List<Receiver.Leaf> leaves,
            java.util.function.Function<Receiver.Leaf, String> read,
            List<NestedField> nested) {
        List<Receiver.Leaf> floating =
                leaves.stream().filter(l -> l.type().isFloating()).toList();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(
                        "The gradient of a {@link $T} with respect to its {@code float} and {@code double} fields: one\n"
                                + "public field each, of the field's type (arrays of the same shape). The generated\n"
                                + "{@code ...Grad} and {@code ...Vjp} methods <em>add</em> into it; {@link #zero()} clears it.\n",
                        owner)
                .addAnnotation(AnnotationSpec.builder(AdjointGenerated.class)
                        .addMember("value", "$S", owner.canonicalName())
                        .build());
        boolean handles = false;
        for (Receiver.Leaf l : floating) {
            type.addField(FieldSpec.builder(AdjointClassEmitter.typeName(l.type()), l.field(), Modifier.PUBLIC)
                    .addJavadoc("The gradient with respect to {@code $L}.\n", l.field())
                    .build());
            if (l.isPrivate() && l.type().isArray()) {
                handles = true;
                type.addField(FieldHandleFields.handle(
                        "FIELD_" + l.field(), owner, l.field(), AdjointClassEmitter.typeName(l.type())));
            }
        }
        for (NestedField n : nested) {
            if (n.array()) {
                type.addField(FieldSpec.builder(ArrayTypeName.of(n.grad()), n.name(), Modifier.PUBLIC)
                        .addJavadoc(
                                "The gradient with respect to the components of {@code $L}'s elements: see {@link #like}.\n",
                                n.name())
                        .build());
            } else {
                type.addField(FieldSpec.builder(n.grad(), n.name(), Modifier.PUBLIC)
                        .initializer("new $T()", n.grad())
                        .addJavadoc("The gradient with respect to {@code $L}'s components.\n", n.name())
                        .build());
            }
            if (n.handle().isPresent()) {
                handles = true;
                type.addField(FieldSpec.builder(
                                VarHandle.class, "FIELD_" + n.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(
                                "$T.of($T.lookup(), $T.class, $S, $T.class)",
                                FieldHandles.class,
                                MethodHandles.class,
                                owner,
                                n.name(),
                                n.handle().get())
                        .build());
            }
        }
        if (handles) {
            type.alwaysQualify("VarHandle", "MethodHandles", "FieldHandles");
        }
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A gradient of zero scalars whose arrays are {@code null}: see {@link #like}.\n")
                .build());
        type.addMethod(like(ownerType, self, floating, read, nested));
        type.addMethod(likeEach(ownerType, self));
        type.addMethod(zeroEach(self));
        type.addMethod(zero(floating, nested));
        type.addMethod(toText(self, floating, nested));
        return JavaFile.builder(self.packageName(), type.build())
                .addFileComment(
                        "Generated by Adjoint from $L. Do not edit: edit the source and rebuild.", sourceFileName)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .toString();
    }

    private static MethodSpec like(
            TypeName owner,
            ClassName self,
            List<Receiver.Leaf> floating,
            java.util.function.Function<Receiver.Leaf, String> reader,
            List<NestedField> nested) {
        CodeBlock.Builder body = CodeBlock.builder().addStatement("$T g = new $T()", self, self);
        for (NestedField n : nested) {
            body.addStatement("g.$L = $T.like($L)", n.name(), n.grad(), n.read());
        }
        for (Receiver.Leaf l : floating) {
            if (!l.type().isArray()) {
                continue;
            }
            String read = reader.apply(l);
            String prim = l.type().prim().java();
            if (l.type().dims() == 1) {
                body.addStatement("g.$L = new $L[$L.length]", l.field(), prim, read);
            } else {
                body.addStatement("$L[][] $L = $L", prim, "rows_" + l.field(), read);
                body.addStatement("g.$L = new $L[rows_$L.length][]", l.field(), prim, l.field());
                body.beginControlFlow("for (int i = 0; i < rows_$L.length; i++)", l.field())
                        .addStatement("g.$L[i] = new $L[rows_$L[i].length]", l.field(), prim, l.field())
                        .endControlFlow();
            }
        }
        return MethodSpec.methodBuilder("like")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc("A zero gradient whose arrays have the shapes of {@code value}'s.\n")
                .addParameter(owner, "value")
                .addCode(body.addStatement("return g").build())
                .build();
    }

    /** {@code like} of each element: the gradient of an array of them ({@code Layer[] layers}). */
    private static MethodSpec likeEach(TypeName owner, ClassName self) {
        return MethodSpec.methodBuilder("like")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ArrayTypeName.of(self))
                .addJavadoc(
                        "Zero gradients of the elements of {@code values}, each shaped as its element: the gradient of\n"
                                + "an array of them.\n")
                .addParameter(ArrayTypeName.of(owner), "values")
                .addStatement("$T[] g = new $T[values.length]", self, self)
                .beginControlFlow("for (int i = 0; i < values.length; i++)")
                .addStatement("g[i] = like(values[i])")
                .endControlFlow()
                .addStatement("return g")
                .build();
    }

    /** {@code zero()} of each element of an array of gradients. */
    private static MethodSpec zeroEach(ClassName self) {
        return MethodSpec.methodBuilder("zero")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeName.VOID)
                .addJavadoc("Sets every component of each of {@code grads} to zero, keeping the arrays.\n")
                .addParameter(ArrayTypeName.of(self), "grads")
                .beginControlFlow("for ($T g : grads)", self)
                .addStatement("g.zero()")
                .endControlFlow()
                .build();
    }

    private static MethodSpec zero(List<Receiver.Leaf> floating, List<NestedField> nested) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (Receiver.Leaf l : floating) {
            String zero = l.type().prim() == Ty.Prim.FLOAT ? "0.0f" : "0.0";
            if (!l.type().isArray()) {
                body.addStatement("$L = $L", l.field(), zero);
            } else if (l.type().dims() == 1) {
                body.beginControlFlow("if ($L != null)", l.field())
                        .addStatement("$T.fill($L, $L)", Arrays.class, l.field(), zero)
                        .endControlFlow();
            } else {
                body.beginControlFlow("if ($L != null)", l.field())
                        .beginControlFlow("for ($L[] row : $L)", l.type().prim().java(), l.field())
                        .addStatement("$T.fill(row, $L)", Arrays.class, zero)
                        .endControlFlow()
                        .endControlFlow();
            }
        }
        for (NestedField n : nested) {
            body.beginControlFlow("if ($L != null)", n.name())
                    .addStatement(n.array() ? "$T.zero($L)" : "$L$L.zero()", n.array() ? n.grad() : "", n.name())
                    .endControlFlow();
        }
        return MethodSpec.methodBuilder("zero")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.VOID)
                .addJavadoc(
                        "Sets every component to zero, keeping the arrays (gradients are added, never overwritten).\n")
                .addCode(body.build())
                .build();
    }

    private static MethodSpec toText(ClassName self, List<Receiver.Leaf> floating, List<NestedField> nested) {
        CodeBlock.Builder parts = CodeBlock.builder().add("return $S", self.simpleName() + "{");
        for (int i = 0; i < floating.size(); i++) {
            Receiver.Leaf l = floating.get(i);
            String label = (i == 0 ? "" : ", ") + l.field() + "=";
            if (!l.type().isArray()) {
                parts.add(" + $S + $L", label, l.field());
            } else if (l.type().dims() == 1) {
                parts.add(" + $S + $T.toString($L)", label, Arrays.class, l.field());
            } else {
                parts.add(" + $S + $T.deepToString($L)", label, Arrays.class, l.field());
            }
        }
        for (int i = 0; i < nested.size(); i++) {
            NestedField n = nested.get(i);
            if (n.array()) {
                parts.add(
                        " + $S + $T.toString($L)",
                        (floating.isEmpty() && i == 0 ? "" : ", ") + n.name() + "=",
                        Arrays.class,
                        n.name());
            } else {
                parts.add(" + $S + $L", (floating.isEmpty() && i == 0 ? "" : ", ") + n.name() + "=", n.name());
            }
        }
        parts.add(" + $S", "}");
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("$L", parts.build())
                .build();
    }
}
