package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * A replaced method's expression in its caller's terms, for {@link ValueMethods}: {@code this} is
 * the receiver, a field or component of the type is the receiver's ({@code v.x}, {@code v.x()}),
 * a parameter is its argument, a constant of the type its literal value, a call of the type's own
 * method a call on the receiver (replaced in a later round) and of its static method one on the
 * type. A name or call the caller may not see (a static import of the type's file, an enclosing
 * class's member) leaves the call as written.
 */
final class CallerTerms {
    private CallerTerms() {}

    /**
     * Rewrites the expression in {@code holder} (a clone of the callee's) in place into the
     * caller's terms, or returns {@code false} for a name or call it cannot place there.
     *
     * @param owner the record or class declaring the callee
     * @param receiver what the call is on
     * @param declared the receiver's declared type
     * @param arguments each parameter's argument, converted to the parameter's type
     * @param ownType the parameters of the callee's own type
     * @param hasType whether an expression plainly has a type, read in the caller
     */
    static boolean rewrite(
            EnclosedExpr holder,
            TypeDeclaration<?> owner,
            Expression receiver,
            Type declared,
            Map<String, Expression> arguments,
            Set<String> ownType,
            BiPredicate<Expression, Type> hasType) {
        Set<String> fields = new TreeSet<>();
        for (FieldDeclaration f : owner.getFields()) {
            if (!f.isStatic()) {
                f.getVariables().forEach(v -> fields.add(v.getNameAsString()));
            }
        }
        Map<String, Expression> statics = literalConstants(owner, hasType); // the type's constants: their values
        boolean record = owner instanceof RecordDeclaration;
        if (owner instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> fields.add(p.getNameAsString()));
        }
        return substitute(holder, owner, receiver, declared, arguments, ownType, fields, statics, record);
    }

    /**
     * Rewrites {@code e} (a clone of the callee's expression) in place into the caller's terms, or
     * returns {@code false} for a name or call it cannot place there.
     */
    private static boolean substitute(
            EnclosedExpr holder,
            TypeDeclaration<?> owner,
            Expression receiver,
            Type declared,
            Map<String, Expression> arguments,
            Set<String> ownType,
            Set<String> fields,
            Map<String, Expression> statics,
            boolean record) {
        for (Node n : holder.getInner().findAll(Node.class)) {
            if (!n.isDescendantOf(holder)) {
                continue; // under a node already replaced
            }
            if (n instanceof ThisExpr t) {
                boolean scope = t.getParentNode()
                        .filter(p -> p instanceof FieldAccessExpr f && f.getScope() == t
                                || p instanceof MethodCallExpr c
                                        && c.getScope().filter(s -> s == t).isPresent())
                        .isPresent();
                if (t.getTypeName().isPresent()) {
                    return false;
                }
                if (!scope) {
                    replace(t, receiver.clone()); // the object as a value (dot(this)): the variable that names it
                }
            } else if (record
                    && n instanceof FieldAccessExpr f
                    && f.getScope() instanceof NameExpr o
                    && ownType.contains(o.getNameAsString())
                    && fields.contains(f.getNameAsString())
                    && (arguments.get(o.getNameAsString()) instanceof NameExpr
                            || arguments.get(o.getNameAsString()) instanceof ObjectCreationExpr)) {
                Expression other = arguments.get(o.getNameAsString());
                replace(f, component(other, f.getNameAsString(), true)); // o.y of another Vec inside Vec: its accessor
            } else if (n instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
                if (!fields.contains(f.getNameAsString())) {
                    return false;
                }
                replace(f, component(receiver, f.getNameAsString(), record));
            } else if (n instanceof MethodCallExpr c
                    && (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)) {
                boolean own =
                        owner.getMethodsByName(c.getNameAsString()).stream().anyMatch(d -> !d.isStatic());
                boolean ownStatic = !own
                        && owner.getMethodsByName(c.getNameAsString()).stream().anyMatch(CallableDeclaration::isStatic);
                if (own) {
                    c.setScope(receiver.clone()); // replaced by the next round
                } else if (ownStatic) {
                    c.setScope(typeName(declared));
                } else {
                    return false; // a static import of the type's file, or an enclosing class's method
                }
            } else if (n instanceof NameExpr name && !isScopeOfQualified(name)) {
                String id = name.getNameAsString();
                if (arguments.containsKey(id)) {
                    replace(name, arguments.get(id).clone());
                } else if (fields.contains(id)) {
                    replace(name, component(receiver, id, record));
                } else if (statics.containsKey(id)) {
                    replace(name, statics.get(id).clone());
                } else {
                    return false; // a name of the type's file the caller may not see
                }
            } else if (n instanceof NameExpr name
                    && !Character.isUpperCase(name.getNameAsString().charAt(0))) {
                String id = name.getNameAsString();
                if (arguments.containsKey(id)
                        && (arguments.get(id) instanceof NameExpr || arguments.get(id) instanceof ObjectCreationExpr)) {
                    replace(name, arguments.get(id).clone()); // o.x() of a parameter o: the argument's name
                } else if (fields.contains(id)) {
                    replace(name, component(receiver, id, record));
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The type's {@code static final} primitive constants whose initializer is a literal number, each
     * as its value converted to the constant's type (a cast where the conversion could change the
     * value and {@code hasType} cannot tell the literal has that type already): what a caller may
     * write instead of reading another type's static field.
     */
    static Map<String, Expression> literalConstants(TypeDeclaration<?> owner, BiPredicate<Expression, Type> hasType) {
        Map<String, Expression> out = new TreeMap<>();
        for (FieldDeclaration f : owner.getFields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (f.isStatic()
                        && f.isFinal()
                        && v.getType().isPrimitiveType()
                        && v.getInitializer().filter(CallerTerms::isLiteral).isPresent()) {
                    Expression value = v.getInitializer().get().clone();
                    out.put(
                            v.getNameAsString(),
                            ValueMethods.convertsTo(v.getType()) && !hasType.test(value, v.getType())
                                    ? new EnclosedExpr(new CastExpr(v.getType().clone(), new EnclosedExpr(value)))
                                    : ValueMethods.grouped(value));
                }
            }
        }
        return out;
    }

    /** Whether {@code e} is a literal number, possibly negated: a constant's value the caller may write out. */
    private static boolean isLiteral(Expression e) {
        Expression inner =
                e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS ? u.getExpression() : e;
        return inner instanceof com.github.javaparser.ast.expr.LiteralExpr
                && !(inner instanceof com.github.javaparser.ast.expr.StringLiteralExpr);
    }

    /** {@code v.x} of a class's object, {@code v.x()} of a record. */
    static Expression component(Expression receiver, String name, boolean record) {
        return record ? new MethodCallExpr(receiver.clone(), name) : new FieldAccessExpr(receiver.clone(), name);
    }

    private static NameExpr typeName(Type declared) {
        return new NameExpr(((ClassOrInterfaceType) declared).asString());
    }

    private static void replace(Expression old, Expression by) {
        if (old.getParentNode().isPresent()) {
            old.replace(by);
        }
    }

    /** Whether {@code n} is the scope of a field access or a call ({@code Math} of {@code Math.PI}, {@code o} of {@code o.x()}). */
    private static boolean isScopeOfQualified(NameExpr n) {
        return n.getParentNode()
                .filter(p -> p instanceof FieldAccessExpr f && f.getScope() == n
                        || p instanceof MethodCallExpr c
                                && c.getScope().filter(s -> s == n).isPresent())
                .isPresent();
    }
}
