package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.select.MethodSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types whose objects a differentiated method may create in a local and have replaced by one
 * local per component ({@link LocalRecords}): a record of the sources (components read through
 * accessors, {@code v.x()}), and a class of the sources whose only constructor does nothing but
 * assign each of its parameters to a field ({@code this.x = x;}), every instance field once, so
 * that the object is exactly its constructor's arguments (fields read and assigned as {@code v.x});
 * a class without instance fields or constructors (its implicit {@code S()}) has no components.
 */
final class ValueTypes {
    private ValueTypes() {}

    /**
     * A type whose new objects are their components.
     *
     * @param name its simple name
     * @param declaration its syntax (identity tells two types apart)
     * @param components the components, in the constructor's order: for a class, the field each
     *     parameter is assigned to
     * @param types their types
     * @param fields whether they are fields ({@code v.x}) rather than a record's accessors ({@code v.x()})
     */
    record ValueType(String name, Node declaration, List<String> components, List<Type> types, boolean fields) {
        int indexOf(String component) {
            return components.indexOf(component);
        }

        /** The first component that is an array, if any. */
        java.util.Optional<String> firstArray() {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).isArrayType()) {
                    return java.util.Optional.of(components.get(i));
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** A record as a value type. */
    static ValueType of(RecordDeclaration r) {
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (Parameter p : r.getParameters()) {
            names.add(p.getNameAsString());
            types.add(p.getType());
        }
        return new ValueType(r.getNameAsString(), r, names, types, false);
    }

    /** A class as a value type, or why it is not one (its constructor does more than assign its parameters). */
    static Result of(ClassOrInterfaceDeclaration c) {
        String why = "class " + c.getNameAsString();
        if (c.isAbstract()
                || !c.getTypeParameters().isEmpty()
                || !c.getExtendedTypes().isEmpty()) {
            return Result.no(why + " is abstract, generic or extends another class");
        }
        for (BodyDeclaration<?> m : c.getMembers()) {
            if (m instanceof InitializerDeclaration i && !i.isStatic()) {
                return Result.no(why + " has an instance initializer block (it runs before the constructor)");
            }
        }
        Map<String, Type> fields = new LinkedHashMap<>();
        for (FieldDeclaration f : c.getFields()) {
            if (f.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getInitializer().isPresent()
                        || MethodSelector.toTy(v.getType()).isEmpty()) {
                    return Result.no(why + " has field '" + v.getNameAsString() + "' "
                            + (v.getInitializer().isPresent()
                                    ? "with an initializer"
                                    : "of type " + v.getType() + " (not a number, a boolean or their array)"));
                }
                fields.put(v.getNameAsString(), v.getType());
            }
        }
        if (c.getConstructors().isEmpty() && fields.isEmpty()) {
            // no fields and the implicit S(): an object without components, as a record R() is
            return new Result(new ValueType(c.getNameAsString(), c, List.of(), List.of(), true), "");
        }
        if (c.getConstructors().size() != 1) {
            return Result.no(why + " declares "
                    + (c.getConstructors().isEmpty() ? "no constructor" : "more than one constructor"));
        }
        ConstructorDeclaration k = c.getConstructors().get(0);
        List<String> params =
                k.getParameters().stream().map(Parameter::getNameAsString).toList();
        String[] fieldOf = new String[params.size()];
        List<String> assigned = new ArrayList<>();
        for (Statement s : k.getBody().getStatements()) {
            String field = s instanceof ExpressionStmt e
                            && e.getExpression() instanceof AssignExpr a
                            && a.getOperator() == AssignExpr.Operator.ASSIGN
                    ? target(a, params)
                    : null;
            int from = field != null
                            && ((AssignExpr) ((ExpressionStmt) s).getExpression()).getValue() instanceof NameExpr n
                    ? params.indexOf(n.getNameAsString())
                    : -1;
            if (field == null
                    || from < 0
                    || !fields.containsKey(field)
                    || assigned.contains(field)
                    || fieldOf[from] != null) {
                return Result.no(why + "'s constructor does more than assign each of its parameters to a field ('"
                        + s.toString().strip() + "')");
            }
            fieldOf[from] = field;
            assigned.add(field);
        }
        if (assigned.size() != fields.size() || assigned.size() != params.size()) {
            return Result.no(why + "'s constructor does not assign every field from a parameter of its own");
        }
        List<Type> types = new ArrayList<>();
        for (String f : fieldOf) {
            types.add(fields.get(f));
        }
        return new Result(new ValueType(c.getNameAsString(), c, List.of(fieldOf), types, true), "");
    }

    /** The field {@code a} assigns: {@code this.x}, or a bare {@code x} that no parameter hides. */
    private static String target(AssignExpr a, List<String> params) {
        if (a.getTarget() instanceof FieldAccessExpr f
                && f.getScope() instanceof ThisExpr t
                && t.getTypeName().isEmpty()) {
            return f.getNameAsString();
        }
        return a.getTarget() instanceof NameExpr n && !params.contains(n.getNameAsString())
                ? n.getNameAsString()
                : null;
    }

    /** A class as a value type ({@code type}), or the reason it is not one. */
    record Result(ValueType type, String whyNot) {
        static Result no(String why) {
            return new Result(null, why);
        }
    }
}
