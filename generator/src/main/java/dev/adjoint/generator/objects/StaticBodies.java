package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The body of a record's or a value class's instance method, copied, in the terms of a static
 * helper of another class that takes the object's components as its leading parameters
 * ({@link RecordMethods}): a component, read by name, by {@code this.c} or by its accessor, is the
 * helper's parameter; a call of another of the type's instance methods is a call of that method's
 * helper, given the same components; a constant of the type ({@code static final}, a literal) is its
 * value, since the helper's class may not read another type's static fields; a static method of
 * the type is called through the type as the caller spells it. Anything else the body names (the
 * object as a value, a name its file imports, an enclosing type's member) has no such terms, and a
 * method that assigns a field changes the object, which a helper's parameter would not: such a
 * method is left as it is.
 */
final class StaticBodies {
    private static final Set<String> JAVA_LANG =
            Set.of("Math", "StrictMath", "Double", "Float", "Integer", "Long", "System");

    private StaticBodies() {}

    /** How the helper's body names the object's components, and what it passes on to another helper. */
    interface Terms {
        /** Whether {@code component} is one the helper can name. */
        boolean has(String component);

        /** {@code component} in the helper's terms: its parameter, or a read of the element it is given. */
        Expression component(String component);

        /** The leading arguments of a call of another helper of the same type: the object, as this one has it. */
        List<Expression> passedOn();

        /** Marks such a call, as the way the object is passed needs. */
        default void mark(MethodCallExpr call) {}
    }

    /**
     * Rewrites the copied body in place into the helper's terms: components as {@code terms} names
     * them, the type's instance methods as their helpers, its constants as their values, its static methods qualified.
     * Returns {@code false} for anything else the body names.
     */
    static boolean place(
            BlockStmt body,
            TypeDeclaration<?> owner,
            Terms terms,
            Set<String> own,
            ClassOrInterfaceType spelled,
            Function<MethodDeclaration, Optional<String>> helpers) {
        // the type's constants, by their values: the class may not read another type's static fields
        Map<String, Expression> constants = CallerTerms.literalConstants(owner, (e, t) -> false);
        for (Node n : body.findAll(Node.class)) {
            Expression target = n instanceof AssignExpr a
                    ? a.getTarget()
                    : n instanceof UnaryExpr u && Updates.isUpdate(u.getOperator()) ? u.getExpression() : null;
            if (target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                    || target instanceof NameExpr t && !own.contains(t.getNameAsString())) {
                return false; // the method assigns a field: the object changes, which a helper's parameter would not
            }
        }
        boolean record = owner instanceof RecordDeclaration;
        for (Node n : body.findAll(Node.class)) {
            if (!n.isDescendantOf(body)) {
                continue; // (under a node already replaced)
            }
            if (n instanceof ThisExpr t) {
                boolean scope = t.getParentNode()
                        .filter(p -> p instanceof FieldAccessExpr f && f.getScope() == t
                                || p instanceof MethodCallExpr c
                                        && c.getScope().filter(s -> s == t).isPresent())
                        .isPresent();
                if (!scope || t.getTypeName().isPresent()) {
                    return false; // the object as a value
                }
            } else if (n instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
                if (!terms.has(f.getNameAsString())) {
                    return false;
                }
                f.replace(terms.component(f.getNameAsString()));
            } else if (n instanceof MethodCallExpr c
                    && (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)) {
                List<MethodDeclaration> ms = owner.getMethodsByName(c.getNameAsString());
                boolean accessor =
                        record && c.getArguments().isEmpty() && ms.isEmpty() && terms.has(c.getNameAsString());
                if (accessor) {
                    c.replace(terms.component(c.getNameAsString()));
                } else if (ms.size() == 1 && ms.get(0).isStatic()) {
                    c.setScope(typeExpr(spelled));
                } else if (ms.size() == 1
                        && ms.get(0).getParameters().size() == c.getArguments().size()) {
                    Optional<String> other = helpers.apply(ms.get(0));
                    if (other.isEmpty()) {
                        return false;
                    }
                    NodeList<Expression> arguments = new NodeList<>();
                    arguments.addAll(terms.passedOn());
                    c.getArguments().forEach(a -> arguments.add(a.clone()));
                    MethodCallExpr by = new MethodCallExpr(null, other.get(), arguments);
                    terms.mark(by);
                    c.replace(Positions.standAt(by, c));
                } else {
                    return false; // a method of an enclosing type, or imported statically by the type's file
                }
            } else if (n instanceof NameExpr name) {
                String id = name.getNameAsString();
                if (own.contains(id)) {
                    continue;
                } else if (terms.has(id)) {
                    name.replace(terms.component(id));
                } else if (constants.containsKey(id)) {
                    name.replace(constants.get(id).clone());
                } else if (!JAVA_LANG.contains(id)) {
                    return false; // a name of the type's file the class may not see, or a component not numeric
                }
            }
        }
        return true;
    }

    /** The type as an expression, {@code Model.Rbf} as the caller spells it. */
    static Expression typeExpr(ClassOrInterfaceType t) {
        return t.getScope()
                .<Expression>map(s -> new FieldAccessExpr(typeExpr(s), t.getNameAsString()))
                .orElseGet(() -> new NameExpr(t.getNameAsString()));
    }
}
