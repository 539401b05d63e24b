package dev.adjoint.generator.fence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.ElementStores;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.select.MethodIndex;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a plain (not {@code @Differentiable}) static method of the sources may write into an
 * array it is given: it stores into, or increments, an element of an array it did not create
 * itself, or hands such an array to a method that may (or that the generator cannot see into,
 * such as {@code Arrays.sort}). What cannot be shown to leave its arrays alone counts as writing
 * them: the caller's gradient would miss the change.
 */
final class ArrayEffects {
    private final MethodIndex index;

    ArrayEffects(MethodIndex index) {
        this.index = index;
    }

    /** Whether {@code callee} may write an array argument. */
    boolean mayWrite(MethodIndex.Entry callee) {
        return mayWrite(callee, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private boolean mayWrite(MethodIndex.Entry callee, Set<MethodDeclaration> seen) {
        MethodDeclaration m = callee.declaration();
        if (!seen.add(m) || m.getBody().isEmpty()) {
            return false; // on the path already (its other calls are being looked at), or abstract/native: nothing seen
            // to write
        }
        Map<String, Integer> arrays = new HashMap<>();
        Set<String> own = ElementStores.createdHere(m);
        for (Parameter p : m.getParameters()) {
            dims(p.getType()).ifPresent(d -> arrays.put(p.getNameAsString(), d));
        }
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            dims(v.getType()).ifPresent(d -> arrays.put(v.getNameAsString(), d));
        }
        if (ElementStores.storesIntoOthers(m, own)) {
            return true;
        }
        for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
            boolean handsOnAnArray = c.getArguments().stream().anyMatch(a -> passesArray(a, arrays, own))
                    || c.getScope().filter(s -> passesArray(s, arrays, own)).isPresent();
            if (!handsOnAnArray) {
                continue;
            }
            Optional<MethodIndex.Entry> target = index.resolveFrom(callee, c);
            if (target.isEmpty() || mayWrite(target.get(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} hands on (part of) an array the method did not create: the array or one of its rows, not an element. */
    static boolean passesArray(Expression e, Map<String, Integer> arrays, Set<String> own) {
        List<NameExpr> names = e.findAll(NameExpr.class);
        for (NameExpr n : names) {
            Integer d = arrays.get(n.getNameAsString());
            if (d == null || own.contains(n.getNameAsString())) {
                continue;
            }
            int indexed = 0;
            Node at = n;
            while (at.getParentNode().orElse(null) instanceof ArrayAccessExpr a && a.getName() == at) {
                indexed++;
                at = a;
            }
            boolean length = at.getParentNode().orElse(null) instanceof FieldAccessExpr f && f.getScope() == at;
            if (indexed < d && !length && handedOn(at, e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the array (or row) {@code at} is the value of {@code argument} itself, through
     * parentheses or a {@code ?:} branch, rather than an argument of a call inside it
     * ({@code Math.sin(g(w))} hands {@code w} to {@code g}, which is looked at on its own).
     */
    private static boolean handedOn(Node at, Expression argument) {
        Node n = at;
        while (n != argument) {
            Node p = n.getParentNode().orElse(null);
            if (p == null
                    || !(p instanceof com.github.javaparser.ast.expr.EnclosedExpr
                            || (p instanceof com.github.javaparser.ast.expr.ConditionalExpr c
                                    && c.getCondition() != n))) {
                return false;
            }
            n = p;
        }
        return true;
    }

    /**
     * The argument of {@code call} passed to an array parameter that {@code callee} itself stores
     * into, if any (the array an error should name; a write through a further call names none).
     */
    static Optional<Expression> writtenArgument(MethodIndex.Entry callee, MethodCallExpr call) {
        List<Parameter> params = callee.declaration().getParameters();
        for (int i = 0; i < params.size() && i < call.getArguments().size(); i++) {
            Set<String> own = Set.of();
            String name = params.get(i).getNameAsString();
            boolean stored = callee.declaration().findAll(AssignExpr.class).stream()
                            .anyMatch(a -> ElementStores.isForeignElement(a.getTarget(), own)
                                    && rootName(a.getTarget()).equals(name))
                    || callee.declaration().findAll(UnaryExpr.class).stream()
                            .anyMatch(u -> Updates.isUpdate(u.getOperator())
                                    && ElementStores.isForeignElement(u.getExpression(), own)
                                    && rootName(u.getExpression()).equals(name));
            if (dims(params.get(i).getType()).isPresent() && stored) {
                return Optional.of(call.getArgument(i));
            }
        }
        return Optional.empty();
    }

    private static String rootName(Expression e) {
        while (e instanceof ArrayAccessExpr a) {
            e = a.getName();
        }
        return e instanceof NameExpr n ? n.getNameAsString() : "";
    }

    /** The number of dimensions of an array type. */
    static Optional<Integer> dims(Type t) {
        return t instanceof ArrayType a ? Optional.of(a.getArrayLevel()) : Optional.empty();
    }
}
