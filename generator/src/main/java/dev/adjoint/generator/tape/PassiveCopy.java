package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Optional;

/**
 * The text of a value without derivative (a condition, an index, an int expression), as the
 * recorder copies it: the user's variables keep their names, while what the user's class could
 * name unqualified is qualified, since the recorder lives in the adjoint class.
 */
final class PassiveCopy {
    private final RecorderState st;
    private final ClassSpelling spelling;

    PassiveCopy(RecorderState st) {
        this.st = st;
        this.spelling = st.scope.spelling();
    }

    /**
     * {@code e} as Java text that reads the same in the adjoint class (the clone keeps the
     * positions, for errors).
     */
    String text(Expression e) {
        MethodRequest request = st.request;
        // under a parent, so that even the whole expression can be replaced
        EnclosedExpr root = new EnclosedExpr(e.clone());
        // new Random(seed): the adjoint class imports no Random (found on the original, which knows its file's imports)
        List<ObjectCreationExpr> created = e.findAll(ObjectCreationExpr.class);
        List<ObjectCreationExpr> copies = root.findAll(ObjectCreationExpr.class);
        for (int i = 0; i < created.size() && i < copies.size(); i++) {
            if (dev.adjoint.generator.select.ValueTypes.isRandomCreation(created.get(i))) {
                copies.get(i)
                        .setType(new com.github.javaparser.ast.type.ClassOrInterfaceType(
                                new com.github.javaparser.ast.type.ClassOrInterfaceType(
                                        new com.github.javaparser.ast.type.ClassOrInterfaceType(null, "java"), "util"),
                                "Random"));
            }
        }
        // Adjoint.detach is the identity on values: the condition reads its argument (the adjoint class does not
        // import Adjoint)
        for (Optional<MethodCallExpr> d = root.findFirst(MethodCallExpr.class, PassiveCopy::isDetach);
                d.isPresent();
                d = root.findFirst(MethodCallExpr.class, PassiveCopy::isDetach)) {
            d.get().replace(new EnclosedExpr(d.get().getArgument(0).clone()));
        }
        for (NameExpr n : root.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            boolean known = st.scope.lookup(id).isPresent()
                    || isScope(n)
                    || request.staticFields().containsKey(id)
                    || ((id.equals("PI") || id.equals("E")) && request.importsMath(id));
            if (!known && !st.rejectedLocals.contains(id)) {
                // a static import or a field the adjoint class cannot see: copied, it would not compile
                st.error(
                        n,
                        dev.adjoint.generator.select.AssignedStaticFields.why(request, id, false)
                                .orElse("'" + id
                                        + "' is not a parameter, a local variable or a static field (that its class never assigns) of "
                                        + request.ownerSimpleName() + "; the generated code can read only those"));
            }
        }
        for (MethodCallExpr m : root.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty()
                    && request.importsMathMethod(m.getNameAsString())
                    && DerivativeRules.isMathFunction(
                            m.getNameAsString(), m.getArguments().size())) {
                m.setScope(new NameExpr("Math"));
            } else if (dev.adjoint.generator.normalize.Calls.isText(m)) {
                dev.adjoint.generator.normalize.Calls.qualifyText(m); // Arrays.toString(x): text, copied
            } else {
                st.calls.resolve(m).ifPresent(entry -> {
                    Optional<String> owner = spelling.write(entry.packageName(), entry.ownerInPackage(), true);
                    if (entry.isPrivate()) {
                        st.error(
                                m,
                                dev.adjoint.generator.normalize.Calls.privateCall(m)); // copied, it would not compile
                    } else if (owner.isPresent()) {
                        m.setScope(new NameExpr(owner.get()));
                        dev.adjoint.generator.objects.Receiver.rebuildRecords(
                                entry.declaration(), owner.get(), m); // the user's method takes records
                    } else {
                        st.error(
                                m,
                                "call to '" + m.getNameAsString() + "' cannot be written in the generated code"
                                        + spelling.whyHidden(entry.packageName(), entry.ownerInPackage()));
                    }
                });
            }
        }
        for (FieldAccessExpr f : root.findAll(FieldAccessExpr.class)) {
            if (f.getScope() instanceof NameExpr sc
                    && request.ownerPath().contains(sc.getNameAsString())
                    && request.staticFields().containsKey(f.getNameAsString())) {
                f.replace(new NameExpr(constant(f, f.getNameAsString())));
            } else if (st.calls.enumConstant(f).isPresent()) {
                f.replace(new NameExpr(
                        st.calls.enumConstant(f).get().enumName() + "." + f.getNameAsString())); // Mode.FAST, qualified
            } else if (!isQualifier(f) && !readable(f)) {
                st.error(
                        f,
                        "field access '" + f + "' is not supported: the generated code reads only parameters, locals,"
                                + " .length, the constants of java.lang.Math and of the number classes (Double.MAX_VALUE, ...) and static"
                                + " final fields of the method's own class; pass the value as a parameter");
            }
        }
        // the user's class and its static imports name these unqualified; the adjoint class does not see them
        for (NameExpr n : root.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            if (st.scope.lookup(id).isPresent() || isScope(n)) {
                continue;
            }
            if (request.staticFields().containsKey(id)) {
                n.replace(new NameExpr(constant(n, id)));
            } else if ((id.equals("PI") || id.equals("E")) && request.importsMath(id)) {
                n.replace(new NameExpr("Math." + id));
            }
        }
        return root.getInner().toString();
    }

    /** Constant {@code field} as the adjoint class reads it; an error at {@code at} when a variable hides every spelling. */
    private String constant(Node at, String field) {
        Optional<String> text = spelling.field(field);
        if (text.isEmpty()) {
            st.error(
                    at,
                    "constant '" + field + "' cannot be read in the generated code"
                            + spelling.whyHidden(st.request.packageName(), spelling.fieldClass(field)));
            return field;
        }
        return text.get();
    }

    private static final java.util.Set<String> READABLE_CLASSES = java.util.Set.of(
            "Math",
            "java.lang.Math",
            "StrictMath",
            "Double",
            "Float",
            "Integer",
            "Long",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Integer",
            "java.lang.Long");

    /** A field the adjoint class reads as written: an array's length, a constant of Math or of a number class. */
    private boolean readable(FieldAccessExpr f) {
        if (f.getNameAsString().equals("length")) {
            return true;
        }
        String scope = f.getScope().toString();
        return READABLE_CLASSES.contains(scope)
                && (f.getScope() instanceof FieldAccessExpr
                        || st.scope.lookup(scope).isEmpty());
    }

    /** Whether {@code n} qualifies a longer name ({@code java.lang} in {@code java.lang.Math.PI}, a call's scope). */
    private static boolean isQualifier(com.github.javaparser.ast.expr.Expression n) {
        return n.getParentNode()
                .filter(p -> (p instanceof FieldAccessExpr f && f.getScope() == n)
                        || (p instanceof MethodCallExpr m
                                && m.getScope().filter(sc -> sc == n).isPresent()))
                .isPresent();
    }

    /** Whether {@code n} is the scope of a call or a field access: a class (or a variable) named there, not a value. */
    /** Whether {@code n} qualifies a call or a field (the array of {@code .length} is a value, not a qualifier). */
    private static boolean isScope(NameExpr n) {
        return n.getParentNode()
                .filter(p -> (p instanceof MethodCallExpr m
                                && m.getScope().filter(sc -> sc == n).isPresent())
                        || (p instanceof FieldAccessExpr f
                                && f.getScope() == n
                                && !f.getNameAsString().equals("length")))
                .isPresent();
    }

    /** Whether {@code a} reads an element of a static array field of the class ({@code COEFFS[i]}, {@code Owner.TABLE[i][j]}). */
    boolean isTableElement(ArrayAccessExpr a) {
        Expression base = a;
        while (base instanceof ArrayAccessExpr inner) {
            base = inner.getName();
        }
        String field = base instanceof NameExpr n
                        && st.scope.lookup(n.getNameAsString()).isEmpty()
                ? n.getNameAsString()
                : base instanceof FieldAccessExpr f
                                && f.getScope() instanceof NameExpr s
                                && st.request.ownerPath().contains(s.getNameAsString())
                        ? f.getNameAsString()
                        : null;
        return field != null
                && st.request.staticFields().containsKey(field)
                && st.request.staticFields().get(field).isArray();
    }

    private static boolean isDetach(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return m.getNameAsString().equals("detach")
                && m.getArguments().size() == 1
                && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"));
    }
}
