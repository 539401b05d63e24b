package dev.adjoint.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code nameJacobian(params..., double[][] jac)} for an array result: the dense Jacobian, row
 * {@code i} the gradient of result {@code i}, column {@code j} the derivative along the
 * {@code j}-th differentiated input (the wrt parameters laid out flat in declaration order, 2-D
 * arrays row by row). With {@code m} results and {@code n} inputs it makes {@code m} VJP calls (one
 * row each) when {@code m <= n}, else {@code n} JVP calls (one column each), chosen at run time.
 * Every call works on fresh copies of the array arguments; at the end the method itself runs once
 * on the caller's arguments, so the value and the arrays written in place are as it leaves them.
 */
final class JacobianEmitter {
    private JacobianEmitter() {}

    static MethodSpec jacobian(JvpMethod j) {
        return jacobian(j.request(), true);
    }

    /**
     * The same for a method without a {@code Jvp} (one on the tape): {@code m} {@code Vjp} calls,
     * one row each, whatever the shape.
     */
    static MethodSpec jacobianByRows(MethodRequest r) {
        return jacobian(r, false);
    }

    private static MethodSpec jacobian(MethodRequest r, boolean columns) {
        Names names = new Names(NameClashes.userNames(r));
        String jac = names.claim("jac");
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.tangentName() + "Jacobian")
                .addModifiers(Modifier.STATIC)
                .returns(AdjointClassEmitter.typeName(r.result()));
        AdjointClassEmitter.declareThrows(r, b);
        if (r.isPublic()) {
            b.addModifiers(Modifier.PUBLIC);
        }
        List<String> args = new ArrayList<>();
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (Param p : r.params()) {
            b.addParameter(AdjointClassEmitter.typeName(p.type()), p.name());
            args.add(p.name());
            values.put(p.name(), p.name());
        }
        b.addParameter(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)), jac);
        b.addJavadoc(
                "Returns {@link $L#$L} and fills {@code $L} (rows: the result's elements; columns: the differentiated\n"
                        + "inputs in declaration order, 2-D arrays row by row, 3-D ones layer by layer) with its Jacobian, by reverse mode row by row"
                        + (columns ? "\nor by forward mode column by column, whichever takes fewer calls.\n" : ".\n"),
                r.ownerSimpleName(),
                r.name(),
                jac);
        String owner = ClassSpelling.of(r).owner(r).orElseThrow();
        String elem = r.result().element().java();
        CodeBlock.Builder c = CodeBlock.builder();
        // each call below gets its own copies, which would take one array passed twice for two
        ApartChecks.add(r, c, p -> p, p -> p);
        Calls calls = new Calls(
                r,
                List.of(),
                values,
                r.wrtParams(),
                r.wrtParams().stream().map(Param::name).toList(),
                r.adjointName() + "Vjp",
                columns ? java.util.Optional.of(r.tangentName() + "Jvp") : java.util.Optional.empty());
        String n = inputs(c, calls, names);
        String value = names.claim("_value");
        List<String> copies = r.params().stream().map(p -> copy(p, p.name())).toList();
        c.addStatement("$L[] $L = $L.$L($L)", elem, value, owner, r.name(), String.join(", ", copies));
        fill(c, calls, names, jac, n, value);
        c.addStatement("return $L.$L($L)", owner, r.name(), String.join(", ", args));
        return b.addCode(c.build()).build();
    }

    /**
     * What fills a Jacobian: the method's parameters (as the generated {@code Vjp} and {@code Jvp}
     * take them, after {@code prefix}), each copied from the expression {@code values} gives for it
     * at every call; the differentiated ones in the order of the columns, each named for messages.
     *
     * @param vjp the method taking a seed and adding into one buffer per differentiated parameter
     * @param jvp the method taking one tangent per differentiated parameter and setting the result's,
     *     when forward mode has one
     */
    record Calls(
            MethodRequest r,
            List<String> prefix,
            java.util.Map<String, String> values,
            List<Param> columns,
            List<String> shown,
            String vjp,
            java.util.Optional<String> jvp) {}

    /** Declares {@code int _n}, the number of inputs (the Jacobian's columns), and returns its name. */
    static String inputs(CodeBlock.Builder c, Calls calls, Names names) {
        String n = names.claim("_n");
        StringBuilder size = new StringBuilder("0");
        for (Param p : calls.columns()) {
            size.append(" + ").append(sizeOf(p, calls.values().get(p.name())));
        }
        c.addStatement("int $L = $L", n, size);
        return n;
    }

    /**
     * Checks {@code jac}'s shape against {@code value}'s length and the inputs', then fills it: row
     * by row with {@code Vjp} calls, or, when {@code calls} has a {@code Jvp} and the inputs are fewer
     * than the results, column by column.
     */
    static void fill(CodeBlock.Builder c, Calls calls, Names names, String jac, String n, String value) {
        MethodRequest r = calls.r();
        String m = names.claim("_m");
        String i = names.claim("_i");
        String offset = names.claim("_o");
        String elem = r.result().element().java();
        c.addStatement("int $L = $L.length", m, value);
        c.addStatement(
                "dev.adjoint.Jacobians.requireShape($L, $L, $L, $S, $S)",
                jac,
                m,
                n,
                r.ownerSimpleName() + "." + r.name(),
                String.join(", ", calls.shown()));
        List<String> copies = new ArrayList<>(calls.prefix());
        r.params().forEach(p -> copies.add(copy(p, calls.values().get(p.name()))));
        if (calls.jvp().isPresent()) {
            c.beginControlFlow("if ($L <= $L)", m, n);
        }
        c.add("// row $L: the gradient of result $L (reverse mode)\n", i, i);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, m, i);
        String seed = names.claim("_seed");
        c.addStatement("$L[] $L = new $L[$L]", elem, seed, elem, m);
        c.addStatement("$L[$L] = 1", seed, i);
        List<String> vjp = new ArrayList<>(copies);
        vjp.add(seed);
        java.util.Map<String, String> buffers = new java.util.HashMap<>();
        for (Param p : r.wrtParams()) {
            String g = names.claim("_g_" + p.name());
            buffers.put(p.name(), g);
            vjp.add(g);
            String like = calls.values().get(p.name());
            String init = p.type().dims() == 1
                    ? "new " + p.type().prim().java() + "[" + like + ".length]"
                    : p.type().dims() >= 2
                            ? "dev.adjoint.Gradients.like(" + like + ")"
                            : p.type().prim() == Ty.Prim.FLOAT
                                    ? "new dev.adjoint.FloatGrad()"
                                    : "new dev.adjoint.DoubleGrad()";
            String type = p.type().isArray()
                    ? p.type().java()
                    : p.type().prim() == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
            c.addStatement("$L $L = $L", type, g, init);
        }
        c.addStatement("$L($L)", calls.vjp(), String.join(", ", vjp));
        c.addStatement("int $L = 0", offset);
        for (Param p : calls.columns()) {
            String g = buffers.get(p.name());
            if (p.type().isArray()) {
                c.addStatement("dev.adjoint.Jacobians.put($L[$L], $L, $L)", jac, i, offset, g);
            } else {
                c.addStatement("$L[$L][$L] = $L.get()", jac, i, offset, g);
            }
            c.addStatement("$L += $L", offset, sizeOf(p, calls.values().get(p.name())));
        }
        c.endControlFlow();
        if (calls.jvp().isPresent()) {
            columns(c, calls, names, copies, jac, n, m, i, offset, elem);
        }
    }

    /** The other branch: {@code n} Jvp calls, one column each, when the inputs are fewer than the results. */
    private static void columns(
            CodeBlock.Builder c,
            Calls calls,
            Names names,
            List<String> copies,
            String jac,
            String n,
            String m,
            String i,
            String offset,
            String elem) {
        MethodRequest r = calls.r();
        String col = names.claim("_j");
        c.nextControlFlow("else");
        c.add("// column $L: the derivative along input $L (forward mode)\n", col, col);
        String out = names.claim("_column");
        c.addStatement("$L[] $L = new $L[$L]", elem, out, elem, m);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", col, col, n, col);
        c.addStatement("int $L = $L", offset, col);
        java.util.Map<String, String> tangents = new java.util.HashMap<>();
        for (Param p : calls.columns()) {
            String t = names.claim("_t_" + p.name());
            tangents.put(p.name(), t);
            String like = calls.values().get(p.name());
            if (p.type().isArray()) {
                String init = p.type().dims() == 1
                        ? "new " + p.type().prim().java() + "[" + like + ".length]"
                        : "dev.adjoint.Gradients.like(" + like + ")";
                c.addStatement("$L $L = $L", p.type().java(), t, init);
                c.addStatement("dev.adjoint.Jacobians.unit($L, $L)", t, offset);
            } else {
                c.addStatement("$L $L = $L == 0 ? 1 : 0", p.type().java(), t, offset);
            }
            c.addStatement("$L -= $L", offset, sizeOf(p, like));
        }
        List<String> jvp = new ArrayList<>(copies);
        r.wrtParams().forEach(p -> jvp.add(tangents.get(p.name())));
        jvp.add(out);
        c.addStatement("$L($L)", calls.jvp().orElseThrow(), String.join(", ", jvp));
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, m, i);
        c.addStatement("$L[$L][$L] = $L[$L]", jac, i, col, out, i);
        c.endControlFlow();
        c.endControlFlow();
        c.endControlFlow();
    }

    /** A fresh copy of {@code value}, the value of parameter {@code p}: arrays cloned, deeply when 2-D or more. */
    static String copy(Param p, String value) {
        return p.type().dims() == 1
                ? value + ".clone()"
                : p.type().dims() >= 2 ? "dev.adjoint.Gradients.copy(" + value + ")" : value;
    }

    /** The number of flat inputs parameter {@code p}, of value {@code value}, contributes, as Java text. */
    static String sizeOf(Param p, String value) {
        return p.type().dims() == 1
                ? value + ".length"
                : p.type().dims() >= 2 ? "dev.adjoint.Jacobians.size(" + value + ")" : "1";
    }
}
