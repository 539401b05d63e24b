package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plain static methods of the sources that {@code @Differentiable} methods call, directly or
 * through one another, and whose result can carry a derivative ({@code double}, {@code float} or
 * their 1-D arrays, from at least one floating-point parameter): they are differentiated too,
 * without an annotation, as Tapenade and Clad differentiate what a function calls. A private one
 * is left out (the adjoint class could not call it); so is one whose result is an integer, a
 * boolean or nothing (its value has no derivative).
 */
public final class ImplicitCallees {
    private ImplicitCallees() {}

    /** The declarations to differentiate besides {@code requests}. */
    public static Set<MethodDeclaration> of(List<MethodRequest> requests, MethodIndex index) {
        Set<MethodDeclaration> implicit = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodIndex.Entry> work = new ArrayDeque<>();
        for (MethodRequest r : requests) {
            index.entryOf(r.declaration()).ifPresent(work::push);
        }
        while (!work.isEmpty()) {
            MethodIndex.Entry from = work.pop();
            if (!seen.add(from.declaration())) {
                continue;
            }
            for (MethodCallExpr call : from.declaration().findAll(MethodCallExpr.class)) {
                Optional<MethodIndex.Entry> callee = index.resolveFrom(from, call);
                if (callee.isEmpty()) {
                    continue;
                }
                if (callee.get().differentiable().isPresent()) {
                    work.push(callee.get()); // its own callees count too
                } else if (differentiable(callee.get())
                        && implicit.add(callee.get().declaration())) {
                    work.push(callee.get());
                } else if (inlinedWhole(callee.get())) {
                    work.push(callee.get()); // inlined into the caller (desugar/): what it calls, the caller calls
                }
            }
        }
        return implicit;
    }

    /** A plain {@code void} or array-returning method of the sources, which the desugar pass may inline (its calls then the caller's). */
    private static boolean inlinedWhole(MethodIndex.Entry e) {
        MethodDeclaration m = e.declaration();
        return m.getBody().isPresent()
                && (m.getType().isVoidType() || m.getType().isArrayType());
    }

    /** Whether a plain method can be differentiated without an annotation. */
    /** Whether {@code e} is differentiated without an annotation when a {@code @Differentiable} method calls it. */
    public static boolean differentiable(MethodIndex.Entry e) {
        MethodDeclaration m = e.declaration();
        boolean annotated = m.getAnnotations().stream()
                .anyMatch(a -> a.getNameAsString().endsWith("Differentiable")
                        || a.getNameAsString().endsWith("CustomDerivative"));
        boolean inInterface = m.getParentNode()
                .filter(p -> p instanceof ClassOrInterfaceDeclaration c && c.isInterface())
                .isPresent();
        boolean floatingParameter = m.getParameters().stream()
                .anyMatch(p -> !p.isVarArgs()
                        && MethodSelector.toTy(p.getType())
                                .filter(Ty::isFloating)
                                .isPresent());
        // (a helper given a Random draws from the caller's generator: it is inlined, or its call is the error)
        boolean givenRandom = m.getParameters().stream()
                .anyMatch(p -> p.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType c
                        && ValueTypes.isRandom(c));
        return !annotated
                && !givenRandom
                && !inInterface
                && !e.isPrivate()
                && m.getBody().isPresent()
                && m.getTypeParameters().isEmpty()
                && e.result().filter(t -> t.isFloating() && t.dims() <= 1).isPresent()
                && floatingParameter;
    }
}
