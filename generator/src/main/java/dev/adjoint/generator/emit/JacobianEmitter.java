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
        String n = names.claim("_n");
        String m = names.claim("_m");
        String i = names.claim("_i");
        String col = names.claim("_j");
        String offset = names.claim("_o");
        String value = names.claim("_value");
        String elem = r.result().element().java();
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.tangentName() + "Jacobian")
                .addModifiers(Modifier.STATIC)
                .returns(AdjointClassEmitter.typeName(r.result()));
        AdjointClassEmitter.declareThrows(r, b);
        if (r.isPublic()) {
            b.addModifiers(Modifier.PUBLIC);
        }
        List<String> args = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        for (Param p : r.params()) {
            b.addParameter(AdjointClassEmitter.typeName(p.type()), p.name());
            args.add(p.name());
            copies.add(
                    p.type().dims() == 1
                            ? p.name() + ".clone()"
                            : p.type().dims() >= 2 ? "dev.adjoint.Gradients.copy(" + p.name() + ")" : p.name());
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
        CodeBlock.Builder c = CodeBlock.builder();
        StringBuilder size = new StringBuilder("0");
        for (Param p : r.wrtParams()) {
            size.append(" + ").append(sizeOf(p));
        }
        c.addStatement("int $L = $L", n, size);
        c.addStatement("$L[] $L = $L.$L($L)", elem, value, owner, r.name(), String.join(", ", copies));
        c.addStatement("int $L = $L.length", m, value);
        c.addStatement(
                "dev.adjoint.Jacobians.requireShape($L, $L, $L, $S, $S)",
                jac,
                m,
                n,
                r.ownerSimpleName() + "." + r.name(),
                String.join(", ", r.wrtParams().stream().map(Param::name).toList()));
        if (columns) {
            c.beginControlFlow("if ($L <= $L)", m, n);
        }
        c.add("// row $L: the gradient of result $L (reverse mode)\n", i, i);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, m, i);
        String seed = names.claim("_seed");
        c.addStatement("$L[] $L = new $L[$L]", elem, seed, elem, m);
        c.addStatement("$L[$L] = 1", seed, i);
        List<String> vjp = new ArrayList<>(copies);
        vjp.add(seed);
        List<String> buffers = new ArrayList<>();
        for (Param p : r.wrtParams()) {
            String g = names.claim("_g_" + p.name());
            buffers.add(g);
            String init = p.type().dims() == 1
                    ? "new " + p.type().prim().java() + "[" + p.name() + ".length]"
                    : p.type().dims() >= 2
                            ? "dev.adjoint.Gradients.like(" + p.name() + ")"
                            : p.type().prim() == Ty.Prim.FLOAT
                                    ? "new dev.adjoint.FloatGrad()"
                                    : "new dev.adjoint.DoubleGrad()";
            String type = p.type().isArray()
                    ? p.type().java()
                    : p.type().prim() == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
            c.addStatement("$L $L = $L", type, g, init);
        }
        vjp.addAll(buffers);
        c.addStatement("$LVjp($L)", r.adjointName(), String.join(", ", vjp));
        c.addStatement("int $L = 0", offset);
        int k = 0;
        for (Param p : r.wrtParams()) {
            String g = buffers.get(k++);
            if (p.type().isArray()) {
                c.addStatement("dev.adjoint.Jacobians.put($L[$L], $L, $L)", jac, i, offset, g);
            } else {
                c.addStatement("$L[$L][$L] = $L.get()", jac, i, offset, g);
            }
            c.addStatement("$L += $L", offset, sizeOf(p));
        }
        c.endControlFlow();
        if (columns) {
            columns(c, r, names, copies, jac, n, m, i, col, offset, elem);
        }
        c.addStatement("return $L.$L($L)", owner, r.name(), String.join(", ", args));
        return b.addCode(c.build()).build();
    }

    /** The other branch: {@code n} Jvp calls, one column each, when the inputs are fewer than the results. */
    private static void columns(
            CodeBlock.Builder c,
            MethodRequest r,
            Names names,
            List<String> copies,
            String jac,
            String n,
            String m,
            String i,
            String col,
            String offset,
            String elem) {
        c.nextControlFlow("else");
        c.add("// column $L: the derivative along input $L (forward mode)\n", col, col);
        String out = names.claim("_column");
        c.addStatement("$L[] $L = new $L[$L]", elem, out, elem, m);
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", col, col, n, col);
        c.addStatement("int $L = $L", offset, col);
        List<String> jvp = new ArrayList<>(copies);
        for (Param p : r.wrtParams()) {
            String t = names.claim("_t_" + p.name());
            jvp.add(t);
            if (p.type().isArray()) {
                String init = p.type().dims() == 1
                        ? "new " + p.type().prim().java() + "[" + p.name() + ".length]"
                        : "dev.adjoint.Gradients.like(" + p.name() + ")";
                c.addStatement("$L $L = $L", p.type().java(), t, init);
                c.addStatement("dev.adjoint.Jacobians.unit($L, $L)", t, offset);
            } else {
                c.addStatement("$L $L = $L == 0 ? 1 : 0", p.type().java(), t, offset);
            }
            c.addStatement("$L -= $L", offset, sizeOf(p));
        }
        jvp.add(out);
        c.addStatement("$LJvp($L)", r.tangentName(), String.join(", ", jvp));
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, m, i);
        c.addStatement("$L[$L][$L] = $L[$L]", jac, i, col, out, i);
        c.endControlFlow();
        c.endControlFlow();
        c.endControlFlow();
    }

    /** The number of flat inputs parameter {@code p} contributes, as Java text. */
    private static String sizeOf(Param p) {
        return p.type().dims() == 1
                ? p.name() + ".length"
                : p.type().dims() >= 2 ? "dev.adjoint.Jacobians.size(" + p.name() + ")" : "1";
    }
}
