package dev.adjoint.generator.desugar;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.normalize.Calls;
import java.util.Map;
import java.util.Optional;

/**
 * A logging statement on a logger field of the method's class ({@code LOG.fine("s = " + s);},
 * {@code log.debug("x={}", x);}) names its logger by the lookup that made it, so that it means the
 * same logger in the adjoint class, which cannot read the class's private field:
 *
 * <pre>
 * private static final Logger LOG = Logger.getLogger(Model.class.getName());
 * LOG.fine("s = " + s);         java.util.logging.Logger.getLogger(p.Model.class.getName()).fine("s = " + s);
 * </pre>
 *
 * The logging libraries keep one logger per name, so the lookup returns the field's logger. Taken:
 * a {@code final} field of the method's class or a class around it (not hidden by a variable of the
 * method), of type {@code java.util.logging.Logger}, {@code org.slf4j.Logger} or
 * {@code org.apache.logging.log4j.Logger} (imported by name or written in full), made by
 * {@code Logger.getLogger}, {@code LoggerFactory.getLogger} or {@code LogManager.getLogger} of a
 * string literal, a class literal of the sources or its {@code getName()}; the call one of the
 * library's level methods as a statement ({@link Calls#isLog}; {@code java.util.logging}'s
 * {@code Level.FINE} written in full) or a level check ({@code isDebugEnabled()},
 * {@code isLoggable(Level.FINE)}: {@link Calls#isLogCheck}). Both strategies then run the statement
 * in the forward sweep, as they run {@code System.out.println}, and read the check as a value
 * without derivative. Any other logger call is left as written, which both reject.
 */
final class LoggerCalls {
    private LoggerCalls() {}

    /** The logging libraries: the logger type, and the class whose {@code getLogger} makes one. */
    private static final Map<String, String> FACTORIES = Map.of(
            "java.util.logging.Logger", "java.util.logging.Logger",
            "org.slf4j.Logger", "org.slf4j.LoggerFactory",
            "org.apache.logging.log4j.Logger", "org.apache.logging.log4j.LogManager");

    static void rewrite(MethodDeclaration m) {
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            boolean statement = call.getParentNode().orElse(null) instanceof ExpressionStmt;
            boolean level = Calls.LOG_LEVELS.contains(call.getNameAsString())
                    || call.getNameAsString().equals("log");
            if ((statement && level || Calls.LOG_CHECKS.contains(call.getNameAsString()))
                    && call.getScope().isPresent()) {
                Optional<Expression> made = lookup(m, call.getScope().get());
                if (made.isPresent()) {
                    call.setScope(made.get());
                    call.getArguments().forEach(a -> levelInFull(m, a));
                }
            }
        }
    }

    /** {@code Level.FINE}, {@code java.util.logging.Level} imported by name, written in full. */
    private static void levelInFull(MethodDeclaration m, Expression arg) {
        if (arg instanceof FieldAccessExpr f
                && f.getScope() instanceof NameExpr n
                && m.findCompilationUnit()
                        .map(u -> imported(u, n.getNameAsString()))
                        .filter("java.util.logging.Level"::equals)
                        .isPresent()) {
            f.setScope(StaticJavaParser.parseExpression("java.util.logging.Level"));
        }
    }

    /** The lookup that makes the logger {@code receiver} names, or empty when it is no such field. */
    private static Optional<Expression> lookup(MethodDeclaration m, Expression receiver) {
        String name;
        if (receiver instanceof NameExpr n) {
            name = n.getNameAsString();
            if (m.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))
                            .isEmpty()
                    && m.findAll(Parameter.class, p -> p.getNameAsString().equals(name))
                            .isEmpty()) {
                return field(m, name, null);
            }
            return Optional.empty();
        }
        if (receiver instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner) {
            return field(m, f.getNameAsString(), owner.getNameAsString());
        }
        return Optional.empty();
    }

    /** The field {@code name} of the innermost class around {@code m} declaring it (or of class {@code owner}). */
    private static Optional<Expression> field(MethodDeclaration m, String name, String owner) {
        Optional<CompilationUnit> unit = m.findCompilationUnit();
        for (Node at = m.getParentNode().orElse(null);
                at != null;
                at = at.getParentNode().orElse(null)) {
            if (!(at instanceof TypeDeclaration<?> t)) {
                continue;
            }
            Optional<VariableDeclarator> v = t.getFieldByName(name).flatMap(fd -> declarator(fd, name));
            if (v.isPresent()) {
                if (owner != null && !owner.equals(t.getNameAsString())) {
                    return Optional.empty(); // (Owner.LOG of a class around the one declaring LOG)
                }
                return unit.flatMap(u -> made(u, t, v.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<VariableDeclarator> declarator(FieldDeclaration fd, String name) {
        if (!fd.isFinal()) {
            return Optional.empty();
        }
        return fd.getVariables().stream()
                .filter(v -> v.getNameAsString().equals(name))
                .findFirst();
    }

    /** The lookup of {@code v}'s initializer written in full, when it is one this pass takes. */
    private static Optional<Expression> made(CompilationUnit u, TypeDeclaration<?> t, VariableDeclarator v) {
        if (!(v.getType() instanceof ClassOrInterfaceType type)) {
            return Optional.empty();
        }
        String factory =
                FACTORIES.get(type.getScope().isPresent() ? type.asString() : imported(u, type.getNameAsString()));
        if (factory == null
                || !(v.getInitializer().orElse(null) instanceof MethodCallExpr init)
                || !init.getNameAsString().equals("getLogger")
                || init.getArguments().size() != 1
                || init.getScope().isEmpty()
                || !factory.equals(
                        init.getScope().get() instanceof NameExpr n
                                ? imported(u, n.getNameAsString())
                                : init.getScope().get().toString())) {
            return Optional.empty();
        }
        Optional<Expression> name = loggerName(u, t, init.getArgument(0));
        return name.map(arg ->
                new MethodCallExpr(StaticJavaParser.parseExpression(factory), "getLogger", NodeList.nodeList(arg)));
    }

    /** A string literal, a class literal of a class around the field or its {@code getName()}, written in full. */
    private static Optional<Expression> loggerName(CompilationUnit u, TypeDeclaration<?> t, Expression arg) {
        if (arg instanceof StringLiteralExpr s) {
            return Optional.of(s.clone());
        }
        if (arg instanceof MethodCallExpr c
                && c.getNameAsString().equals("getName")
                && c.getArguments().isEmpty()
                && c.getScope().isPresent()) {
            return loggerName(u, t, c.getScope().get())
                    .filter(ClassExpr.class::isInstance)
                    .map(cls -> new MethodCallExpr(cls, "getName"));
        }
        if (arg instanceof ClassExpr c && c.getType() instanceof ClassOrInterfaceType named) {
            for (Node at = t; at != null; at = at.getParentNode().orElse(null)) {
                if (at instanceof TypeDeclaration<?> around
                        && around.getNameAsString().equals(named.asString())
                        && around.getFullyQualifiedName().isPresent()) {
                    return Optional.of(new ClassExpr(new ClassOrInterfaceType(
                            null, around.getFullyQualifiedName().get())));
                }
            }
        }
        return Optional.empty();
    }

    /** The full name of the class the file imports by its simple {@code name}, or {@code name}. */
    private static String imported(CompilationUnit u, String name) {
        for (ImportDeclaration i : u.getImports()) {
            if (!i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name)) {
                return i.getNameAsString();
            }
        }
        return name;
    }
}
