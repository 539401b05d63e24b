package dev.adjoint.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.HvpSource;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The Hessian-vector product methods of one adjoint class: each {@code nameHvp}, the reverse of
 * its tangent pair ({@code _hvp_nameVjp}), and for the methods it calls their tangents
 * ({@code _tan_g}, run by the reverse sweep's forward part) and the tangents' reverses
 * ({@code _tan_gVjp}). A callee's are printed once per class however many {@code Hvp}s call it.
 */
final class HessianEmitter {
    private final TypeSpec.Builder type;
    private final Set<String> printed = new HashSet<>();
    /** The callees' tangents and pair reverses, by signature, printed by {@link #finish}. */
    private final java.util.TreeMap<String, MethodSpec> helpers = new java.util.TreeMap<>();

    HessianEmitter(TypeSpec.Builder type) {
        this.type = type;
    }

    /** Adds {@code h}'s methods, and those of its callees' pairs not printed yet. */
    void add(HvpMethod h) {
        type.addMethod(hvp(h));
        if (printed.add(
                signature(h.pair().request().adjointName() + "Vjp", h.pair().request()))) {
            type.addMethod(hvpPair(h.pair(), h.request()));
        }
        for (HvpMethod.TangentPair c : h.callees()) {
            MethodRequest g = c.tangent().request();
            String tangent = signature(HvpSource.tangentName(g), g);
            if (printed.add(tangent)) {
                helpers.put(tangent, tangent(c.tangent()));
            }
            String pair = signature(
                    c.adjoint().request().adjointName() + "Vjp", c.adjoint().request());
            if (printed.add(pair)) {
                helpers.put(pair, hvpPair(c.adjoint(), g));
            }
        }
    }

    /**
     * Adds the callees' helpers, after every {@code Hvp}, ordered by name and parameter types: which
     * {@code Hvp} reaches a callee first must not move its helpers about (the order in which a
     * method's callees are found is not part of what the build promises to keep the same).
     */
    void finish() {
        helpers.values().forEach(type::addMethod);
        helpers.clear();
    }

    /** A generated method's name and its method's parameter types: overloads of one name are different methods. */
    private static String signature(String name, MethodRequest of) {
        return name + of.params().stream().map(p -> p.type().java()).toList();
    }

    /** {@code static R _tan_g(x..., v...)}: {@code ∇g(x)·v}, which the forward part of a caller's pair reverse runs. */
    private static MethodSpec tangent(JvpMethod j) {
        MethodRequest r = j.request();
        MethodSpec.Builder b = MethodSpec.methodBuilder(HvpSource.tangentName(r))
                .addModifiers(Modifier.STATIC)
                .returns(AdjointClassEmitter.typeName(r.result()))
                .addJavadoc(
                        "Returns {@code ∇$L(x)·v}, the tangent of {@link $L#$L}, for the {@code Hvp}s of its callers.\n",
                        r.name(),
                        r.ownerSimpleName(),
                        r.name());
        if (Receiver.of(r).filter(Receiver::instance).isPresent()) {
            b.addParameter(
                    ReceiverWrappers.ownerType(r), Receiver.SELF); // (it calls the object's methods for their values)
        }
        AdjointClassEmitter.declareThrows(r, b);
        for (Param p : r.params()) {
            b.addParameter(AdjointClassEmitter.typeName(p.type()), p.name());
        }
        int i = 0;
        for (Param p : r.wrtParams()) {
            b.addParameter(
                    AdjointClassEmitter.typeName(p.type()), j.tangentNames().get(i++));
        }
        List<Code> all = HvpSource.printedTangent(j);
        CodeBlock.Builder body = CodeBlock.builder();
        BodyPrinter.print(all, body, NameClashes.hiddenIn(r));
        return b.addCode(body.build()).build();
    }

    private static MethodSpec hvp(HvpMethod h) {
        MethodRequest r = h.request();
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.tangentName() + "Hvp")
                .addModifiers(Modifier.STATIC)
                .returns(AdjointClassEmitter.typeName(r.result()));
        AdjointClassEmitter.declareThrows(r, b);
        boolean lifted = Receiver.of(r).isPresent();
        if (r.isPublic() && !lifted) {
            b.addModifiers(Modifier.PUBLIC); // (a lifted method's takes its fields: its public one takes the object,
            // ReceiverHessians)
        }
        if (Receiver.of(r).filter(Receiver::instance).isPresent()) {
            b.addParameter(ReceiverWrappers.ownerType(r), Receiver.SELF);
        }
        List<String> args = new ArrayList<>();
        for (Param p : r.params()) {
            b.addParameter(AdjointClassEmitter.typeName(p.type()), p.name());
            args.add(p.name());
        }
        List<Param> wrt = r.wrtParams();
        for (int i = 0; i < wrt.size(); i++) {
            b.addParameter(
                    AdjointClassEmitter.typeName(wrt.get(i).type()),
                    h.directionNames().get(i));
            args.add(h.directionNames().get(i));
        }
        for (int i = 0; i < wrt.size(); i++) {
            b.addParameter(
                    AdjointClassEmitter.bufferType(wrt.get(i).type()),
                    h.gradNames().get(i));
        }
        for (int i = 0; i < wrt.size(); i++) {
            b.addParameter(
                    AdjointClassEmitter.bufferType(wrt.get(i).type()),
                    h.hvNames().get(i));
        }
        String t = r.result().java();
        String zero = r.result().zero();
        String one = r.result().prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0";
        args.add("new " + t + "[] {" + zero + ", " + one + "}");
        args.addAll(h.hvNames()); // d pair[1] / dx = H·v
        args.addAll(h.gradNames()); // d pair[1] / dv = ∇f
        String codes = String.join(
                ", ", h.directionNames().stream().map(x -> "{@code " + x + "}").toList());
        return b.addJavadoc(
                        "Returns {@link $L#$L}, adds its gradient into $L and its Hessian times the direction\n"
                                + "$L into $L (reverse mode over the tangent: the seed {@code {0, 1}} picks the\n"
                                + "gradient of {@code ∇f·v}, which is {@code H·v} in the point and {@code ∇f} in the direction).\n",
                        r.ownerSimpleName(),
                        r.name(),
                        String.join(
                                ", ",
                                h.gradNames().stream()
                                        .map(x -> "{@code " + x + "}")
                                        .toList()),
                        codes,
                        String.join(
                                ", ",
                                h.hvNames().stream()
                                        .map(x -> "{@code " + x + "}")
                                        .toList()))
                .addCode(checks(h, lifted))
                .addStatement(
                        "return $L($L)[0]",
                        h.pair().request().adjointName() + "Vjp",
                        String.join(", ", Receiver.generatedArgs(h.pair().request(), args)))
                .build();
    }

    /**
     * A public method's checks of its direction, gradient and {@code H·v} buffers (none for a lifted one's, internal),
     * then, for every one, that arrays the method writes are not passed twice.
     */
    private static com.palantir.javapoet.CodeBlock checks(HvpMethod h, boolean lifted) {
        com.palantir.javapoet.CodeBlock.Builder c = com.palantir.javapoet.CodeBlock.builder();
        if (!lifted) {
            BufferChecks.add(c, h.request(), h.directionNames());
            BufferChecks.add(c, h.request(), h.gradNames());
            BufferChecks.add(c, h.request(), h.hvNames());
        }
        ApartChecks.add(h.request(), c, p -> p, p -> p);
        return c.build();
    }

    private static MethodSpec hvpPair(AdjointMethod m, MethodRequest of) {
        MethodSpec.Builder b = AdjointClassEmitter.signature(m, m.request().adjointName() + "Vjp", true)
                .addJavadoc(
                        "The adjoint of {@code {$L(x), ∇$L(x)·v}} (the tangent of {@link $L#$L}), for {@code $LHvp}.\n",
                        of.name(),
                        of.name(),
                        of.ownerSimpleName(),
                        of.name(),
                        of.tangentName());
        CodeBlock.Builder body = CodeBlock.builder();
        BodyPrinter.print(m.body(), body, NameClashes.hiddenIn(m.request()));
        return b.addCode(body.build()).build();
    }
}
