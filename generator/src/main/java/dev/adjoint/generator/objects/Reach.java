package dev.adjoint.generator.objects;

import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The methods a method reaches through calls of one kind (the instance methods it calls on the
 * object, the methods it passes its lists to), itself included. Declarations are compared by
 * identity: two methods of one class may print alike.
 */
final class Reach {
    private Reach() {}

    /** {@code root} and every method {@code callees} leads to from it, directly or not. */
    static Set<MethodDeclaration> from(
            MethodDeclaration root, Function<MethodDeclaration, ? extends Collection<MethodDeclaration>> callees) {
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(List.of(root));
        while (!work.isEmpty()) {
            MethodDeclaration next = work.pop();
            if (seen.add(next)) {
                work.addAll(callees.apply(next));
            }
        }
        return seen;
    }
}
