package dev.adjoint.generator.select;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the generated methods of one file's requests. A method {@code f} gets {@code fGrad},
 * {@code fVjp} (and, under the tape, {@code fRecord}); overloads of {@code f} share those names as
 * long as Java's overloading tells the generated methods apart. When two overloads would get
 * generated methods of the same parameter types (possible, since a buffer is appended per
 * differentiated parameter), every {@code @Differentiable} overload of {@code f} in that class is
 * named after {@code f} and its number of parameters instead: {@code f_2Grad}, {@code f_3Grad}. The
 * rule depends only on the class's own declarations, so the names are deterministic; a clash that
 * remains (two overloads of the same arity, or a method really named {@code f_2}) is an error at
 * the later method. The README's API section documents the rule.
 */
final class AdjointNames {
    private AdjointNames() {}

    /** {@code requests} with their adjoint names; clashes that remain are added to {@code diagnostics}. */
    static List<MethodRequest> assign(List<MethodRequest> requests, List<Diagnostic> diagnostics) {
        Map<String, List<Integer>> byOverloads = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            MethodRequest r = requests.get(i);
            byOverloads
                    .computeIfAbsent(r.ownerQualifiedName() + "#" + r.name(), k -> new ArrayList<>())
                    .add(i);
        }
        List<MethodRequest> out = new ArrayList<>(requests);
        for (List<Integer> overloads : byOverloads.values()) {
            if (overloads.size() > 1
                    && clashes(overloads.stream().map(requests::get).toList())) {
                for (int i : overloads) {
                    MethodRequest r = requests.get(i);
                    out.set(i, r.withAdjointName(r.name() + "_" + r.params().size()));
                }
            }
        }
        // the forward-mode methods of overloads whose Grad/Vjp differ but whose Jvp/Hvp would not: those alone renamed
        for (List<Integer> overloads : byOverloads.values()) {
            if (overloads.size() > 1
                    && tangentsClash(overloads.stream().map(out::get).toList())) {
                for (int i : overloads) {
                    MethodRequest r = out.get(i);
                    out.set(i, r.withTangentName(r.name() + "_" + r.params().size()));
                }
            }
        }
        // what is left: report each generated method that another one of its class already has
        Map<String, MethodRequest> seen = new LinkedHashMap<>();
        for (MethodRequest r : out) {
            List<String> generated = new ArrayList<>(signatures(r));
            generated.addAll(tangentSignatures(r));
            for (String sig : generated) {
                MethodRequest first = seen.putIfAbsent(r.ownerQualifiedName() + " " + sig, r);
                if (first != null && first != r) {
                    diagnostics.add(Positions.error(
                            r.file(),
                            r.declaration().getName(),
                            "the generated method " + sig + " of '"
                                    + r.name() + "' would clash with the one generated for '" + first.name()
                                    + "' at line " + first.line()
                                    + " in " + r.adjointSimpleName() + "; rename one of the two methods"));
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean tangentsClash(List<MethodRequest> overloads) {
        List<String> all = new ArrayList<>();
        for (MethodRequest r : overloads) {
            for (String sig : tangentSignatures(r)) {
                if (all.contains(sig)) {
                    return true;
                }
            }
            all.addAll(tangentSignatures(r));
        }
        return false;
    }

    /**
     * The erased signatures of the forward-mode methods of {@code r}: {@code Jvp}, {@code Hvp} and
     * its helper {@code _hvp_...Vjp}, {@code Jacobian} (counted always, whether or not the method
     * gets them).
     */
    static List<String> tangentSignatures(MethodRequest r) {
        List<String> params = new ArrayList<>();
        List<String> tangents = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        for (Param p : r.params()) {
            params.add(p.type().java());
            if (p.wrt()) {
                tangents.add(p.type().java());
                buffers.add(
                        p.type().isArray()
                                ? p.type().java()
                                : p.type().prim() == Ty.Prim.FLOAT ? "FloatGrad" : "DoubleGrad");
            }
        }
        List<String> jvp = new ArrayList<>(params);
        jvp.addAll(tangents);
        jvp.add(
                r.result().isArray()
                        ? r.result().java()
                        : r.result().prim() == Ty.Prim.FLOAT ? "FloatGrad" : "DoubleGrad");
        List<String> hvp = new ArrayList<>(params);
        hvp.addAll(tangents);
        hvp.addAll(buffers);
        hvp.addAll(buffers);
        List<String> pair = new ArrayList<>(params);
        pair.addAll(tangents);
        pair.add(r.result().java() + "[]");
        pair.addAll(buffers);
        pair.addAll(buffers);
        List<String> jacobian = new ArrayList<>(params);
        jacobian.add("double[][]");
        return List.of(
                r.tangentName() + "Jvp(" + String.join(", ", jvp) + ")",
                r.tangentName() + "Hvp(" + String.join(", ", hvp) + ")",
                "_hvp_" + r.tangentName() + "Vjp(" + String.join(", ", pair) + ")",
                r.tangentName() + "Jacobian(" + String.join(", ", jacobian) + ")");
    }

    private static boolean clashes(List<MethodRequest> overloads) {
        List<String> all = new ArrayList<>();
        for (MethodRequest r : overloads) {
            for (String sig : signatures(r)) {
                if (all.contains(sig)) {
                    return true;
                }
            }
            all.addAll(signatures(r));
        }
        return false;
    }

    /**
     * The erased signatures of the methods generated for {@code r}: {@code Grad} (scalar results),
     * {@code Vjp}, and {@code Record} (generated under the tape only; counted always, so that the
     * names do not depend on the strategy a method ends up with).
     */
    static List<String> signatures(MethodRequest r) {
        List<String> params = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        List<String> recorded = new ArrayList<>(List.of("Tape"));
        for (Param p : r.params()) {
            params.add(p.type().java());
            recorded.add(p.type().java());
            if (p.type().isFloating()) {
                recorded.add("int" + "[]".repeat(p.type().dims())); // a handle per element
            }
            if (p.wrt()) {
                buffers.add(
                        p.type().isArray()
                                ? p.type().java()
                                : p.type().prim() == Ty.Prim.FLOAT ? "FloatGrad" : "DoubleGrad");
            }
        }
        List<String> grad = new ArrayList<>(params);
        grad.addAll(buffers);
        List<String> vjp = new ArrayList<>(params);
        vjp.add(r.result().java());
        vjp.addAll(buffers);
        List<String> sigs = new ArrayList<>();
        if (!r.result().isArray()) {
            sigs.add(r.adjointName() + "Grad(" + String.join(", ", grad) + ")");
        }
        sigs.add(r.adjointName() + "Vjp(" + String.join(", ", vjp) + ")");
        sigs.add(r.adjointName() + "Record(" + String.join(", ", recorded) + ")");
        return sigs;
    }
}
