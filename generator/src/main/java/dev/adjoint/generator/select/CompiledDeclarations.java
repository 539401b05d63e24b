package dev.adjoint.generator.select;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.adjoint.Strategy;
import dev.adjoint.generator.types.Ty;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A method of a compiled class as the sources would declare it, read from its reflected signature:
 * its declaration (in its class, with an empty body), the request a caller sees (the
 * {@code wrt} of its {@code @Differentiable}, a body that writes the arrays it may write), its
 * generator types, and its class's path of simple names.
 */
final class CompiledDeclarations {
    private static final String DIFFERENTIABLE = "dev.adjoint.Differentiable";

    private CompiledDeclarations() {}

    /** A declaration of {@code m} in its class, made up from its signature, with an empty body. */
    static MethodDeclaration declaration(Method m, String pkg, List<String> path) {
        CompilationUnit unit = new CompilationUnit(pkg.isEmpty() ? null : pkg);
        ClassOrInterfaceDeclaration type = unit.addClass(path.get(0));
        for (String inner : path.subList(1, path.size())) {
            ClassOrInterfaceDeclaration nested = new ClassOrInterfaceDeclaration(
                    new NodeList<>(Modifier.publicModifier(), Modifier.staticModifier()), false, inner);
            type.addMember(nested);
            type = nested;
        }
        MethodDeclaration d = type.addMethod(m.getName(), Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        d.setType(StaticJavaParser.parseType(typeName(m.getReturnType())));
        for (java.lang.reflect.Parameter p : m.getParameters()) {
            d.addParameter(new Parameter(StaticJavaParser.parseType(typeName(p.getType())), p.getName()));
        }
        return d;
    }

    /** The request a caller sees for compiled method {@code m}; empty when its types are not ones Adjoint differentiates. */
    static Optional<MethodRequest> request(Method m, String pkg, List<String> path) {
        Optional<Ty> result = ty(m.getReturnType());
        List<String> wrt = wrt(m);
        java.lang.reflect.Parameter[] reflected = m.getParameters();
        boolean named = Arrays.stream(reflected).allMatch(java.lang.reflect.Parameter::isNamePresent);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        MethodDeclaration d = declaration(m, pkg, path);
        d.addMarkerAnnotation("Differentiable");
        List<Param> params = new ArrayList<>();
        BlockStmt writes = new BlockStmt();
        boolean mayWrite = ArrayStores.mayWrite(m);
        for (int i = 0; i < reflected.length; i++) {
            Optional<Ty> t = ty(reflected[i].getType());
            if (t.isEmpty()) {
                return Optional.empty();
            }
            String name = reflected[i].getName();
            params.add(
                    new Param(name, t.get(), t.get().isFloating() && (wrt.isEmpty() || !named || wrt.contains(name))));
            if (t.get().isArray() && mayWrite) {
                writes.addStatement(new ExpressionStmt(new AssignExpr(
                        element(name, t.get().dims()), new IntegerLiteralExpr("0"), AssignExpr.Operator.ASSIGN)));
            }
        }
        // what callers read of the body: the arrays the method may write, written (nothing else is known of it)
        d.setBody(writes);
        return Optional.of(new MethodRequest(
                Path.of(String.join("/", path) + ".class"),
                pkg,
                path,
                m.getName(),
                params,
                result.get(),
                Strategy.AUTO,
                java.lang.reflect.Modifier.isPublic(m.getModifiers()),
                d,
                Set.of(),
                Map.of(),
                Map.of()));
    }

    /** {@code a[0]...[0]}, an element of array {@code name} of {@code dims} dimensions. */
    static Expression element(String name, int dims) {
        Expression e = new NameExpr(name);
        for (int i = 0; i < dims; i++) {
            e = new ArrayAccessExpr(e, new IntegerLiteralExpr("0"));
        }
        return e;
    }

    /** The names in {@code @Differentiable(wrt = ...)} of {@code m}; empty when it has none. */
    static List<String> wrt(Method m) {
        return differentiable(m)
                .map(a -> {
                    try {
                        return List.of(
                                (String[]) a.annotationType().getMethod("wrt").invoke(a));
                    } catch (ReflectiveOperationException | ClassCastException e) {
                        return List.<String>of();
                    }
                })
                .orElse(List.of());
    }

    /** {@code m}'s {@code @Differentiable}, as the class loader over the classpath loaded it. */
    static Optional<java.lang.annotation.Annotation> differentiable(Method m) {
        return Arrays.stream(m.getAnnotations())
                .filter(a -> a.annotationType().getName().equals(DIFFERENTIABLE))
                .findFirst();
    }

    static Optional<Ty> ty(Class<?> c) {
        return MethodSelector.toTy(StaticJavaParser.parseType(typeName(c)));
    }

    /** How Java source writes type {@code c} ({@code Object} for one without a canonical name: local, anonymous). */
    static String typeName(Class<?> c) {
        return c.getCanonicalName() == null ? "Object" : c.getCanonicalName();
    }

    /** The simple names from the top-level class inward. */
    static List<String> ownerPath(Class<?> c) {
        List<String> path = new ArrayList<>();
        for (Class<?> at = c; at != null; at = at.getEnclosingClass()) {
            path.add(0, at.getSimpleName());
        }
        return path;
    }
}
