package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.util.Collection;
import java.util.Collections;
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
 * read it as it was on entry, so a callee that reads or assigns such a field must be inlined
 * ({@link InlinedCallees}).
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
                reads.fieldOf(n)
                        .filter(f -> FieldReads.isAssigned(n) && w.isScalar(f))
                        .ifPresent(w.boxed::add);
            }
        }
        return w;
    }

    /** Whether {@code field} is a scalar the generator carries (an array field is written through its elements). */
    boolean isScalar(String field) {
        return fields.getOrDefault(field, Optional.empty())
                .filter(FieldWrites::boxable)
                .isPresent();
    }

    /**
     * Whether an assigned field of type {@code t} can travel in a box: a scalar of the five types the
     * pool lends arrays of (short, byte, char, String and enum fields cannot; assigning one is an error).
     */
    static boolean boxable(Ty t) {
        return t.dims() == 0
                && switch (t.prim()) {
                    case DOUBLE, FLOAT, INT, LONG, BOOLEAN -> true;
                    default -> false;
                };
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
        return Positions.standAt(new ArrayAccessExpr(new NameExpr(leaf), new IntegerLiteralExpr("0")), at);
    }

    /** The fields assigned (and so boxed) by the methods this was made of. */
    Set<String> assigned() {
        return Collections.unmodifiableSet(boxed);
    }

    /** The boxed fields that {@code methods} read or assign. */
    Set<String> usedBy(Collection<MethodDeclaration> methods) {
        Set<String> out = new TreeSet<>();
        for (MethodDeclaration m : methods) {
            for (Node n : m.findAll(Node.class)) {
                reads.fieldOf(n).filter(boxed::contains).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The error for a call on the object of {@code callee}, which uses boxed {@code field}, where it stays a call. */
    static String staleCall(String callee, String field) {
        return "call to instance method '" + callee + "', which uses field '" + field
                + "', and the differentiated method"
                + " assigns that field: the adjoint keeps the field's new value apart from the object until it returns, while"
                + " the value of a call comes from the object's own method; call '" + callee
                + "' where its body can replace the"
                + " call (a statement, a declaration's or assignment's value, a return), or read the field in the caller and"
                + " pass its value as a parameter";
    }
}
