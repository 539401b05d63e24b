package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.adjoint.Strategy;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The select pass's checks of {@code @CustomDerivative} pullbacks: the method named by
 * {@code of} exists and is static, and the pullback is static, not private, and has the signature
 * generated adjoints call ({@code static R name(P1 p1, ..., R seed, G1 dp1, ...)}).
 */
final class CustomDerivatives {
    private CustomDerivatives() {}

    /**
     * Checks a {@code @CustomDerivative} pullback against the method it differentiates: the
     * request its callers see (the target, with the pullback to call), or errors in
     * {@code diagnostics}.
     */
    static Optional<MethodRequest> check(
            Path file,
            String packageName,
            TypeDeclaration<?> owner,
            MethodDeclaration pullback,
            AnnotationExpr ann,
            List<String> path,
            Set<String> mathStaticImports,
            List<Diagnostic> diagnostics) {
        String of = MethodSelector.annotationPairs(ann).stream()
                .filter(p ->
                        p.getNameAsString().equals("wrt") || p.getNameAsString().equals("of"))
                .findFirst()
                .map(p -> MethodSelector.strings(p.getValue()))
                .filter(l -> !l.isEmpty())
                .map(l -> l.get(0))
                .orElse(null);
        if (of == null) {
            diagnostics.add(Positions.error(
                    file,
                    ann,
                    "@CustomDerivative needs the name of the method it differentiates: @CustomDerivative(of = \"f\")"));
            return Optional.empty();
        }
        List<MethodDeclaration> targets = owner.getMethodsByName(of).stream()
                .filter(MethodDeclaration::isStatic)
                .toList();
        if (targets.isEmpty()) {
            diagnostics.add(Positions.error(
                    file,
                    ann,
                    "@CustomDerivative(of = \"" + of + "\"): " + owner.getNameAsString() + " has no static method '"
                            + of + "'"));
            return Optional.empty();
        }
        if (!pullback.isStatic() || pullback.isPrivate()) {
            diagnostics.add(Positions.error(
                    file,
                    pullback,
                    "the custom derivative '" + pullback.getNameAsString()
                            + "' must be static and not private: generated adjoints call it"));
            return Optional.empty();
        }
        String mismatch = null;
        for (MethodDeclaration target : targets) {
            Optional<String> expected = expectedPullback(target, pullback.getNameAsString());
            if (expected.isEmpty()) {
                mismatch = "'" + of + "' has a parameter or result type the generator does not support";
                continue;
            }
            if (signature(pullback).equals(expected.get())) {
                List<Param> params = new ArrayList<>();
                target.getParameters().forEach(p -> {
                    Ty t = MethodSelector.toTy(p.getType()).orElseThrow();
                    params.add(new Param(p.getNameAsString(), t, t.isFloating()));
                });
                MethodRequest r = new MethodRequest(
                        file,
                        packageName,
                        path,
                        of,
                        params,
                        MethodSelector.toTy(target.getType()).orElseThrow(),
                        Strategy.AUTO,
                        target.isPublic(),
                        target,
                        mathStaticImports,
                        Map.of(),
                        Map.of());
                return Optional.of(r.withCustomPullback(pullback.getNameAsString()));
            }
            mismatch = "expected: " + expected.get();
        }
        diagnostics.add(Positions.error(
                file,
                pullback.getName(),
                "the custom derivative '" + pullback.getNameAsString() + "' of '" + of
                        + "' has the wrong signature; found: " + signature(pullback) + "; " + mismatch
                        + " (the parameters of " + of
                        + ", the seed, then one gradient buffer per float or double parameter)"));
        return Optional.empty();
    }

    /** {@code static R name(P1 p1, ..., R seed, G1 dp1, ...)} for a pullback of {@code target}. */
    private static Optional<String> expectedPullback(MethodDeclaration target, String name) {
        Optional<Ty> result = MethodSelector.toTy(target.getType());
        if (result.isEmpty() || !result.get().isFloatingScalar()) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        for (Parameter p : target.getParameters()) {
            Optional<Ty> t = MethodSelector.toTy(p.getType());
            if (t.isEmpty()) {
                return Optional.empty();
            }
            params.add(t.get().java());
            if (t.get().isFloating()) {
                buffers.add(
                        t.get().isArray()
                                ? t.get().java()
                                : t.get().prim() == Ty.Prim.FLOAT ? "FloatGrad" : "DoubleGrad");
            }
        }
        params.add(result.get().java());
        params.addAll(buffers);
        return Optional.of("static " + result.get().java() + " " + name + "(" + String.join(", ", params) + ")");
    }

    private static String signature(MethodDeclaration m) {
        List<String> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            String t = p.getType().asString();
            params.add(t.startsWith("dev.adjoint.") ? t.substring("dev.adjoint.".length()) : t);
        }
        return (m.isStatic() ? "static " : "") + m.getType().asString() + " " + m.getNameAsString() + "("
                + String.join(", ", params) + ")";
    }
}
