package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which calls of a method give an array new in the call, that nothing else holds
 * ({@link ResultVariable#returnsNewArrays}): a method returning such a call's array beside other
 * returns may return a copy of it instead. A callee's own calls are looked at in turn when it is
 * in the caller's file, whose names they share (a callee of another file names what its file
 * imports: such a call counts as not new); a call back into a callee being looked at, or into the
 * method being rewritten, counts as not new.
 */
final class NewArrayCalls implements Predicate<MethodCallExpr> {
    private final MethodDeclaration caller;
    private final Function<MethodCallExpr, Optional<MethodDeclaration>> target;
    private final Set<MethodDeclaration> open = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The calls of {@code caller} (or of a helper copied into it), resolved by {@code target}. */
    NewArrayCalls(MethodDeclaration caller, Function<MethodCallExpr, Optional<MethodDeclaration>> target) {
        this.caller = caller;
        this.target = target;
    }

    @Override
    public boolean test(MethodCallExpr c) {
        Optional<MethodDeclaration> h = target.apply(c);
        if (h.isEmpty() || h.get() == caller || !open.add(h.get())) {
            return false;
        }
        try {
            Optional<CompilationUnit> file = caller.findCompilationUnit();
            boolean sameFile = file.isPresent() && h.get().findCompilationUnit().orElse(null) == file.get();
            return ResultVariable.returnsNewArrays(h.get(), sameFile ? this : x -> false);
        } finally {
            open.remove(h.get());
        }
    }
}
