package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plain instance methods that a differentiated method calls and that read the records and
 * arrays of records or objects the object holds ({@link HeldObjects}): {@code double forward(double[]
 * x, int l)} reading {@code layers[l].w[i][j]}. Each takes the held fields it reads (itself or
 * through such calls of its own) as parameters appended to its own, every call of it in the
 * differentiated methods and in these methods passes them ({@code forward(x, l)} becomes
 * {@code forward(x, l, this.layers)}), and it is inlined where it is called ({@link InlinedCallees}):
 * the caller's leaves of the field, <em>all</em> of them in declaration order (the callee's
 * parameters are all of them too), stand for the argument, so that after inlining the callee's
 * reads are the caller's leaves. A call that cannot be inlined is an error at the call.
 */
final class HeldCallees {
    private HeldCallees() {}

    /** On a call that passes held fields on: each such argument becomes every leaf of the field, in declaration order. */
    static final DataKey<Boolean> PASSES = new DataKey<>() {};
    /** On a parameter a held field became in such a callee: its leaves are every gatherable member, in declaration order. */
    static final DataKey<Boolean> WHOLE = new DataKey<>() {};

    /**
     * Threads the held fields of {@code owner} through the plain instance methods its
     * {@code @Differentiable} instance methods call, as above; returns the methods that take them now.
     */
    static List<MethodDeclaration> thread(
            Path file, ClassOrInterfaceDeclaration owner, Map<String, Type> held, List<Diagnostic> diagnostics) {
        if (held.isEmpty()) {
            return List.of();
        }
        List<MethodDeclaration> roots = owner.getMethods().stream()
                .filter(m -> !m.isStatic() && m.getBody().isPresent() && isDifferentiable(m))
                .toList();
        // the plain instance methods the roots reach, and what each calls among them
        Map<MethodDeclaration, List<MethodCallExpr>> calls = new IdentityHashMap<>();
        Set<MethodDeclaration> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            MethodDeclaration m = work.pop();
            if (calls.containsKey(m)) {
                continue;
            }
            List<MethodCallExpr> own = new ArrayList<>();
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                callee(owner, call)
                        .filter(c -> !isDifferentiable(c) && c.getBody().isPresent())
                        .ifPresent(c -> {
                            own.add(call);
                            reached.add(c);
                            work.push(c);
                        });
            }
            calls.put(m, own);
        }
        // the held fields each reads, itself or through its calls (to a fixed point: calls may be cyclic)
        FieldReads reads = new FieldReads(held.keySet());
        Map<MethodDeclaration, Set<String>> needs = new IdentityHashMap<>();
        for (MethodDeclaration m : reached) {
            Set<String> direct = new LinkedHashSet<>();
            m.findAll(Node.class).forEach(n -> reads.fieldOf(n).ifPresent(direct::add));
            needs.put(m, direct);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (MethodDeclaration m : reached) {
                for (MethodCallExpr call : calls.get(m)) {
                    MethodDeclaration c = callee(owner, call).orElseThrow();
                    changed |= needs.get(m).addAll(needs.get(c));
                }
            }
        }
        List<MethodDeclaration> threaded = owner.getMethods().stream()
                .filter(m -> reached.contains(m) && !needs.get(m).isEmpty())
                .toList();
        if (threaded.isEmpty()) {
            return threaded;
        }
        // the calls first (they are found by the callees' arity as the user wrote them), then the callees' parameters
        for (MethodDeclaration m : calls.keySet()) {
            for (MethodCallExpr call : calls.get(m)) {
                MethodDeclaration c = callee(owner, call).orElseThrow();
                List<String> passed = ordered(held, needs.getOrDefault(c, Set.of()));
                if (passed.isEmpty()) {
                    continue;
                }
                for (String f : passed) {
                    call.addArgument(Positions.standAt(new FieldAccessExpr(new ThisExpr(), f), call));
                }
                call.setData(PASSES, true);
            }
        }
        for (MethodDeclaration m : threaded) {
            String reason = "reads field '" + ordered(held, needs.get(m)).get(0) + "', which holds "
                    + held.get(ordered(held, needs.get(m)).get(0))
                    + " (its callers pass the field's values, which only its body, inlined, can take)";
            m.setData(InlinedCallees.INLINE_ONLY, reason);
            if (!HeldObjects.liftCallee(file, owner, m, held, ordered(held, needs.get(m)), diagnostics)) {
                continue;
            }
            Set<String> names = HeldObjects.params(m);
            m.getParameters().stream()
                    .filter(p -> names.contains(p.getNameAsString()))
                    .forEach(p -> p.setData(WHOLE, true));
        }
        return threaded;
    }

    /** {@code fields} in the order the class declares them. */
    private static List<String> ordered(Map<String, Type> held, Set<String> fields) {
        return held.keySet().stream().filter(fields::contains).toList();
    }

    /** Whether {@code call}, among {@code args}, passes a held field on at {@code arg}. */
    static boolean passesOn(Node parent, Expression arg) {
        return parent instanceof MethodCallExpr call
                && call.containsData(PASSES)
                && call.getArguments().stream().anyMatch(a -> a == arg);
    }

    /** The instance method of {@code owner} that {@code call} (unqualified or on {@code this}) calls, by the arity written. */
    private static Optional<MethodDeclaration> callee(ClassOrInterfaceDeclaration owner, MethodCallExpr call) {
        if (call.getScope().isPresent()
                && !(call.getScope().get() instanceof ThisExpr t
                        && t.getTypeName().isEmpty())) {
            return Optional.empty();
        }
        List<MethodDeclaration> found = owner.getMethodsByName(call.getNameAsString()).stream()
                .filter(d -> d.getParameters().size() == call.getArguments().size())
                .toList();
        return found.size() == 1 && !found.get(0).isStatic() ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean isDifferentiable(MethodDeclaration m) {
        return m.getAnnotations().stream().anyMatch(MethodSelector::isDifferentiable);
    }
}
