package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Optional;

/** Resolves a call to a static method of the sources: another adjoint, or a constant. */
final class Calls {
    private final Lowering lo;
    private final List<ImportDeclaration> imports;

    Calls(Lowering lo) {
        this.lo = lo;
        this.imports = lo.request.declaration().findCompilationUnit().map(CompilationUnit::getImports).map(List::copyOf).orElse(List.of());
    }

    /** Whether {@code m} is a {@code java.lang.Math} call or {@code Adjoint.detach}. */
    boolean isBuiltin(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        String name = m.getNameAsString();
        if (name.equals("detach") && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"))) {
            return true;
        }
        boolean math = scope.equals("Math") || scope.equals("java.lang.Math") || (scope.isEmpty() && lo.request.importsMath(name));
        return math && DerivativeRules.isMathFunction(name, m.getArguments().size());
    }

    /** The source method {@code m} calls, if the sources declare it. */
    Optional<MethodIndex.Entry> resolve(MethodCallExpr m) {
        if (isBuiltin(m)) {
            return Optional.empty();
        }
        String scope = m.getScope().map(Object::toString).orElse("");
        for (String owner : lo.index.candidateOwners(lo.request, scope, imports)) {
            List<MethodIndex.Entry> found = lo.index.lookup(owner, m.getNameAsString()).stream()
                    .filter(e -> e.arity() == m.getArguments().size()).toList();
            if (!found.isEmpty()) {
                return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The {@code @Differentiable} method {@code m} calls, if it calls one. */
    Optional<MethodRequest> differentiableCallee(MethodCallExpr m) {
        return resolve(m).flatMap(MethodIndex.Entry::differentiable);
    }

    /** The result type of a call to a source method, for typing. */
    Optional<Ty> resultType(MethodCallExpr m) {
        Optional<MethodIndex.Entry> e = resolve(m);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().differentiable().isPresent()) {
            return Optional.of(e.get().differentiable().get().result());
        }
        // a plain method counts only when its result cannot carry a derivative
        return e.get().result().filter(t -> !t.isFloating());
    }
}
