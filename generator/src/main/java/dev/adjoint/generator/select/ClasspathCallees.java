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
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code @Differentiable} static methods of compiled classes on the classpath (another module,
 * a jar), for calls whose class is not in the source roots. {@code @Differentiable} is kept in
 * class files, so each class is read by reflection through a throwaway class loader over the
 * classpath alone (the platform loader as parent, so that the generator's own classes never stand
 * in for the project's). Such a method is called like a method of the sources whose body cannot be
 * read: through its adjoint class, which must be on the same classpath with the methods the naming
 * rules of {@link AdjointNames} give it. Its declaration is made up from its signature, and its
 * body only says what is known of its arrays (see {@link ArrayStores}): an array it may write is
 * one it writes, so callers pass it only where that is safe.
 */
public final class ClasspathCallees implements AutoCloseable {
    /** No classpath: calls reach the source roots only. */
    public static final ClasspathCallees NONE = new ClasspathCallees(List.of());

    private static final String DIFFERENTIABLE = "dev.adjoint.Differentiable";

    /** What the adjoint class on the classpath offers for one method, or why it cannot be called. */
    private record Compiled(boolean hasRecorder, boolean hasTangent, Optional<String> problem) {}

    private final List<Path> classpath;
    private URLClassLoader loader;
    private final Map<String, List<MethodIndex.Entry>> byOwnerAndName = new HashMap<>();
    private final Map<MethodDeclaration, Compiled> compiled = new IdentityHashMap<>();

    private ClasspathCallees(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** The methods of the classes in {@code classpath} (directories and jars), read when a call names them. */
    public static ClasspathCallees of(List<Path> classpath) {
        return classpath.isEmpty() ? NONE : new ClasspathCallees(classpath);
    }

    /** Whether {@code callee} was read from the classpath rather than the sources. */
    public boolean isCompiled(MethodRequest callee) {
        return compiled.containsKey(callee.declaration());
    }

    /** Whether {@code declaration} was made up for a method of a compiled class. */
    public boolean isCompiled(MethodDeclaration declaration) {
        return compiled.containsKey(declaration);
    }

    /** Whether the compiled adjoint of {@code callee} has its tape recorder ({@code nameRecord}). */
    public boolean hasRecorder(MethodRequest callee) {
        Compiled c = compiled.get(callee.declaration());
        return c == null || c.hasRecorder();
    }

    /** Whether the compiled adjoint of {@code callee} has its forward mode ({@code nameJvp}). */
    public boolean hasTangent(MethodRequest callee) {
        Compiled c = compiled.get(callee.declaration());
        return c == null || c.hasTangent();
    }

    /** Why a compiled method, marked {@code @Differentiable}, cannot be called (its adjoint is missing); empty otherwise. */
    public Optional<String> problem(MethodDeclaration callee) {
        Compiled c = compiled.get(callee);
        return c == null ? Optional.empty() : c.problem();
    }

    /**
     * The static methods {@code name} of compiled class {@code ownerQualified}: the
     * {@code @Differentiable} ones callable through their adjoint, the others with the reason they
     * cannot be called ({@link #problem}); empty when the classpath has no such class.
     */
    List<MethodIndex.Entry> lookup(String ownerQualified, String name) {
        if (classpath.isEmpty()) {
            return List.of();
        }
        return byOwnerAndName.computeIfAbsent(ownerQualified + "#" + name, k -> read(ownerQualified, name));
    }

    private List<MethodIndex.Entry> read(String ownerQualified, String name) {
        Optional<Class<?>> owner = load(ownerQualified);
        if (owner.isEmpty()) {
            return List.of();
        }
        Class<?> c = owner.get();
        List<Method> methods;
        try {
            methods = Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                    .sorted(Comparator.comparing(m -> Arrays.toString(m.getParameterTypes()))).toList();
        } catch (LinkageError e) {
            return List.of(); // a class whose signatures name classes missing from the classpath: not one we can call
        }
        String pkg = c.getPackageName();
        List<String> path = ownerPath(c);
        List<MethodRequest> requests = new ArrayList<>();
        List<Method> typed = new ArrayList<>();
        List<MethodIndex.Entry> entries = new ArrayList<>();
        for (Method m : methods) {
            Optional<MethodRequest> r = differentiable(m).isPresent() ? request(m, pkg, path) : Optional.empty();
            if (r.isPresent()) {
                requests.add(r.get());
                typed.add(m);
            } else {
                entries.add(plain(m, pkg, path)); // (an overload javac may choose: it must be seen, so as never to call another)
            }
        }
        // the same names as the build of the method's own module gave its generated methods
        List<MethodRequest> named = AdjointNames.assign(requests, new ArrayList<>());
        Optional<Class<?>> adjoint = load((pkg.isEmpty() ? "" : pkg + ".") + String.join("_", path) + "Adjoint");
        Set<String> generated = adjoint.map(ClasspathCallees::signatures).orElse(Set.of());
        for (int i = 0; i < named.size(); i++) {
            MethodRequest r = named.get(i);
            List<String> sigs = AdjointNames.signatures(r);
            String vjp = sigs.get(r.result().isArray() ? 0 : 1);
            String record = sigs.get(sigs.size() - 1);
            String jvp = AdjointNames.tangentSignatures(r).get(0);
            Optional<String> problem = Optional.empty();
            long floating = r.params().stream().filter(p -> p.type().isFloating()).count();
            List<String> wrt = wrt(typed.get(i));
            if (!Arrays.stream(typed.get(i).getParameters()).allMatch(java.lang.reflect.Parameter::isNamePresent) && !wrt.isEmpty()
                    && wrt.size() != floating) {
                problem = Optional.of("'" + r.methodRef() + "' is @Differentiable(wrt = " + wrt + "), and its class was compiled"
                        + " without parameter names, so which parameters those are is not known: compile its module with javac's"
                        + " -parameters (maven-compiler-plugin: <parameters>true</parameters>)");
            } else if (adjoint.isEmpty()) {
                problem = Optional.of("'" + r.methodRef() + "' is @Differentiable, but its adjoint class " + r.adjointQualifiedName()
                        + " is not on the classpath: the module or jar that declares it was built without Adjoint; build it with the"
                        + " adjoint-maven-plugin's generate goal (or the annotation processor), so that " + r.adjointQualifiedName()
                        + " is compiled beside it");
            } else if (!generated.contains(vjp)) {
                problem = Optional.of("'" + r.methodRef() + "' is @Differentiable, but its adjoint class " + r.adjointQualifiedName()
                        + " on the classpath has no public static " + vjp + ": it was generated from another version of "
                        + r.ownerQualifiedName() + " or by another version of Adjoint; rebuild the module that declares it");
            }
            compiled.put(r.declaration(), new Compiled(generated.contains(record), generated.contains(jvp), problem));
            Method m = typed.get(i);
            entries.add(new MethodIndex.Entry(r.ownerQualifiedName(), r.ownerSimpleName(), pkg, name, Optional.of(r.result()),
                    java.lang.reflect.Modifier.isPrivate(m.getModifiers()), r.params().size(),
                    problem.isPresent() ? Optional.empty() : Optional.of(r), r.declaration()));
        }
        return List.copyOf(entries);
    }

    /** A compiled method that cannot be called from differentiated code, with the reason. */
    private MethodIndex.Entry plain(Method m, String pkg, List<String> path) {
        MethodDeclaration d = declaration(m, pkg, path);
        String ref = (pkg.isEmpty() ? "" : pkg + ".") + String.join(".", path) + "#" + m.getName();
        compiled.put(d, new Compiled(false, false, Optional.of(differentiable(m).isPresent()
                ? "'" + ref + "' is @Differentiable, but its parameter or result types are not ones Adjoint differentiates"
                : "'" + ref + "' is a method of a compiled class (another module or a jar) that is not @Differentiable: its"
                        + " derivative and what it does to arrays are unknown; mark it @Differentiable in its module and build that"
                        + " with Adjoint, or compute its result outside this method and pass it in")));
        return new MethodIndex.Entry((pkg.isEmpty() ? "" : pkg + ".") + String.join(".", path), String.join(".", path), pkg, m.getName(), ty(m.getReturnType()), java.lang.reflect.Modifier.isPrivate(m.getModifiers()),
                m.getParameterCount(), Optional.empty(), d);
    }

    /** A declaration of {@code m} in its class, made up from its signature, with an empty body. */
    private static MethodDeclaration declaration(Method m, String pkg, List<String> path) {
        CompilationUnit unit = new CompilationUnit(pkg.isEmpty() ? null : pkg);
        ClassOrInterfaceDeclaration type = unit.addClass(path.get(0));
        for (String inner : path.subList(1, path.size())) {
            ClassOrInterfaceDeclaration nested = new ClassOrInterfaceDeclaration(new NodeList<>(Modifier.publicModifier(),
                    Modifier.staticModifier()), false, inner);
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
    private Optional<MethodRequest> request(Method m, String pkg, List<String> path) {
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
            params.add(new Param(name, t.get(), t.get().isFloating() && (wrt.isEmpty() || !named || wrt.contains(name))));
            if (t.get().isArray() && mayWrite) {
                writes.addStatement(new ExpressionStmt(new AssignExpr(element(name, t.get().dims()), new IntegerLiteralExpr("0"),
                        AssignExpr.Operator.ASSIGN)));
            }
        }
        // what callers read of the body: the arrays the method may write, written (nothing else is known of it)
        d.setBody(writes);
        return Optional.of(new MethodRequest(Path.of(String.join("/", path) + ".class"), pkg, path, m.getName(), params, result.get(),
                Strategy.AUTO, java.lang.reflect.Modifier.isPublic(m.getModifiers()), d, Set.of(), Map.of(), Map.of()));
    }

    /** {@code a[0]...[0]}, an element of array {@code name} of {@code dims} dimensions. */
    private static Expression element(String name, int dims) {
        Expression e = new NameExpr(name);
        for (int i = 0; i < dims; i++) {
            e = new ArrayAccessExpr(e, new IntegerLiteralExpr("0"));
        }
        return e;
    }

    /** The names in {@code @Differentiable(wrt = ...)} of {@code m}; empty when it has none. */
    private static List<String> wrt(Method m) {
        return differentiable(m).map(a -> {
            try {
                return List.of((String[]) a.annotationType().getMethod("wrt").invoke(a));
            } catch (ReflectiveOperationException | ClassCastException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    /** {@code m}'s {@code @Differentiable}, as the class loader over the classpath loaded it. */
    private static Optional<java.lang.annotation.Annotation> differentiable(Method m) {
        return Arrays.stream(m.getAnnotations()).filter(a -> a.annotationType().getName().equals(DIFFERENTIABLE)).findFirst();
    }

    /** The public static methods of {@code adjoint} as {@link AdjointNames} writes signatures: {@code fVjp(double, double, DoubleGrad)}. */
    private static Set<String> signatures(Class<?> adjoint) {
        Set<String> out = new java.util.TreeSet<>();
        try {
            for (Method m : adjoint.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (java.lang.reflect.Modifier.isPublic(mod) && java.lang.reflect.Modifier.isStatic(mod)) {
                    out.add(m.getName() + "(" + String.join(", ", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList()) + ")");
                }
            }
        } catch (LinkageError e) {
            return Set.of();
        }
        return out;
    }

    private static Optional<Ty> ty(Class<?> c) {
        return MethodSelector.toTy(StaticJavaParser.parseType(typeName(c)));
    }

    /** How Java source writes type {@code c} ({@code Object} for one without a canonical name: local, anonymous). */
    private static String typeName(Class<?> c) {
        return c.getCanonicalName() == null ? "Object" : c.getCanonicalName();
    }

    /** The simple names from the top-level class inward. */
    private static List<String> ownerPath(Class<?> c) {
        List<String> path = new ArrayList<>();
        for (Class<?> at = c; at != null; at = at.getEnclosingClass()) {
            path.add(0, at.getSimpleName());
        }
        return path;
    }

    /** Class {@code qualified} ({@code p.Outer.Inner}) of the classpath itself, not of the JDK. */
    private Optional<Class<?>> load(String qualified) {
        String binary = qualified;
        while (true) {
            try {
                Class<?> c = Class.forName(binary, false, loader());
                return c.getClassLoader() == loader ? Optional.of(c) : Optional.empty();
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = binary.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1); // a nested class: p.Outer$Inner
            }
        }
    }

    private URLClassLoader loader() {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (Path p : classpath) {
                try {
                    urls.add(p.toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException | IllegalArgumentException e) {
                    // (an entry that is not a file name cannot hold classes)
                }
            }
            loader = new URLClassLoader("adjoint-classpath", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    /** Closes the class loader (its open jars). */
    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // nothing was written through it: a jar left open until the JVM exits does no harm
            }
        }
    }
}
