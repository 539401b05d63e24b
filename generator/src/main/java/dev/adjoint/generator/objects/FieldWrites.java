package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.ir.Ty;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scalar fields of the object that the lifted methods assign ({@code this.b = ...},
 * {@code b += x[i]}, {@code calls++}). Each travels as a <em>box</em>: a one-element array leaf
 * ({@code double[] b}) that the lifted methods read and write as {@code b[0]}, which the public
 * methods fill from the field before the call and copy back into it after. The box is then an
 * array written in place, whose semantics the project already has: gradients are with respect to
 * the value on entry, and the adjoint leaves the value as the method does.
 *
 * <p>While a method runs, the field's current value is in the box, not in the object; a call on
 * the object ({@code self.predict(x)}, which the static strategy makes for a callee's value) would
 * read it as it was on entry, so a callee that reads or assigns such a field is refused.
 */
final class FieldWrites {
    private final FieldReads reads;
    private final Map<String, Optional<Ty>> fields;
    private final Set<String> boxed = new TreeSet<>();

    private FieldWrites(FieldReads reads, Map<String, Optional<Ty>> fields) {
        this.reads = reads;
        this.fields = fields;
    }

    /** The scalar fields that {@code methods} assign, by the rules of {@code reads}. */
    static FieldWrites of(Collection<MethodDeclaration> methods, FieldReads reads, Map<String, Optional<Ty>> fields) {
        FieldWrites w = new FieldWrites(reads, fields);
        for (MethodDeclaration m : methods) {
            for (Node n : m.findAll(Node.class)) {
                reads.fieldOf(n).filter(f -> FieldReads.isAssigned(n) && w.isScalar(f)).ifPresent(w.boxed::add);
            }
        }
        return w;
    }

    /** Whether {@code field} is a scalar the generator carries (an array field is written through its elements). */
    boolean isScalar(String field) {
        return fields.getOrDefault(field, Optional.empty()).filter(t -> t.dims() == 0).isPresent();
    }

    /** Whether {@code field} travels in a box. */
    boolean isBoxed(String field) {
        return boxed.contains(field);
    }

    boolean any() {
        return !boxed.isEmpty();
    }

    /** {@code leaf[0]}, where the lifted method reads or writes the boxed field that {@code at} named. */
    static Expression boxRead(String leaf, Node at) {
        ArrayAccessExpr e = new ArrayAccessExpr(new NameExpr(leaf), new IntegerLiteralExpr("0"));
        at.getRange().ifPresent(e::setRange);
        return e;
    }

    /**
     * A boxed field that {@code callee}, or a method it calls on the object ({@code callees}),
     * reads or assigns; empty when it touches none.
     */
    Optional<String> touchedBy(MethodDeclaration callee, Map<MethodDeclaration, List<MethodDeclaration>> callees) {
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(List.of(callee));
        while (!work.isEmpty()) {
            MethodDeclaration m = work.pop();
            if (!seen.add(m)) {
                continue;
            }
            for (Node n : m.findAll(Node.class)) {
                Optional<String> f = reads.fieldOf(n).filter(boxed::contains);
                if (f.isPresent()) {
                    return f;
                }
            }
            work.addAll(callees.getOrDefault(m, List.of()));
        }
        return Optional.empty();
    }

    /** The error for {@code call}, a call on the object of a method that touches boxed {@code field}. */
    static String staleCall(MethodCallExpr call, String callee, String field) {
        return "'" + call + "' calls instance method '" + callee + "', which uses field '" + field + "', and the differentiated"
                + " method assigns that field: the adjoint keeps the field's new value apart from the object until it returns,"
                + " while the call's value comes from the object's own method; read the field in the caller and pass its value"
                + " as a parameter, or make '" + callee + "' static";
    }
}
