package dev.adjoint.generator.select;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import dev.adjoint.Strategy;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a {@code @Differentiable} declaration is one the generator can differentiate: the
 * annotation imported, a method with a body that the adjoint class can call (static or liftable,
 * not private, not generic, not in an inner class, static in an interface), a floating-point
 * result, known {@code wrt} names and attributes, supported parameter types, and something to
 * differentiate. Each problem is a diagnostic at the annotation, the method or the parameter.
 */
final class DeclarationChecks {
    /** What the generator reads of a declaration that passed: its parameters, result and strategy. */
    record Declared(List<Param> params, Ty result, Strategy strategy) {}

    private final Path file;
    private final List<Diagnostic> diagnostics;

    DeclarationChecks(Path file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /**
     * The declaration of {@code m} in {@code owner} (class path {@code path}), annotated {@code ann};
     * empty, with a diagnostic for each problem, when it has any.
     *
     * @param reachable whether the adjoint class can call into the class (no inner class on the way)
     * @param imported whether {@code ann} names Adjoint's annotation as the file imports it
     */
    Optional<Declared> check(
            TypeDeclaration<?> owner,
            MethodDeclaration m,
            AnnotationExpr ann,
            List<String> path,
            boolean reachable,
            boolean imported) {
        String name = m.getNameAsString();
        int before = diagnostics.size();
        if (!imported) {
            error(
                    ann,
                    "@Differentiable is not imported: add 'import dev.adjoint.Differentiable;' (the annotation lives in adjoint-runtime)");
        }
        if (owner instanceof ClassOrInterfaceDeclaration c && c.isInterface() && !m.isStatic()) {
            error(
                    m,
                    "@Differentiable on '" + name + "' in interface " + owner.getNameAsString()
                            + ": only static methods of interfaces are supported; make it static, or move it to a class");
        }
        if (!reachable) {
            error(
                    m,
                    "@Differentiable on '" + name + "' in an inner (non-static) class: the adjoint cannot call into it;"
                            + " make the enclosing class static");
        }
        if (m.isAbstract() || m.getBody().isEmpty()) {
            error(
                    m,
                    "@Differentiable on '" + name
                            + "', which has no body (abstract or native): there is nothing to differentiate");
        } else if (!m.isStatic() && !(owner instanceof ClassOrInterfaceDeclaration c && c.isInterface())) {
            // (an instance method of a class is lifted to a static one before selection: see objects.InstanceLifting)
            error(
                    m,
                    "@Differentiable on instance method '" + name + "' of "
                            + (owner.isEnumDeclaration()
                                    ? "an enum"
                                    : owner.isRecordDeclaration() ? "a record" : "this type")
                            + ": instance methods of classes are supported, not"
                            + " of enums or records yet; make it static and pass the fields it reads as parameters");
        }
        if (m.isPrivate()) {
            error(
                    m,
                    "@Differentiable on private method '" + name + "': the generated " + String.join("_", path)
                            + "Adjoint class cannot see private members; make it package-private");
        }
        if (!m.getTypeParameters().isEmpty()) {
            error(
                    m.getTypeParameters().get(0),
                    "@Differentiable on generic method '" + name + "': type parameters are not supported;"
                            + " use double, float and their arrays");
        }
        Optional<Ty> result = MethodSelector.toTy(m.getType());
        if (result.isEmpty() || !result.get().isFloating() || result.get().dims() > 1) {
            error(
                    m.getType(),
                    "@Differentiable method '" + name + "' returns " + m.getType()
                            + ": the result must be double, float, double[] or float[] to be differentiated"
                            + (m.getType().isVoidType()
                                    ? "; a method that writes its outputs into arrays it is given has no gradient"
                                            + " of its own: return them as a double[] (then " + name + "Vjp, "
                                            + name + "Jvp and " + name + "Jacobian), or remove @Differentiable: a plain"
                                            + " static helper is inlined into the @Differentiable methods that call it,"
                                            + " with every write it makes"
                                    : result.isPresent() && result.get().isFloating()
                                            ? "; return the matrix flattened into a "
                                                    + result.get().prim().java()
                                                    + "[] (element [i][j] at i * columns + j), which has "
                                                    + name + "Vjp, " + name + "Jvp and " + name
                                                    + "Jacobian, or remove @Differentiable: a plain static"
                                                    + " helper returning it is inlined into the"
                                                    + " @Differentiable methods that call it"
                                            : m.getType() instanceof com.github.javaparser.ast.type.ArrayType a
                                                            && (a.getElementType()
                                                                            .asString()
                                                                            .equals("double")
                                                                    || a.getElementType()
                                                                            .asString()
                                                                            .equals("float"))
                                                    ? "; return the array flattened into a "
                                                            + a.getElementType().asString()
                                                            + "[] (element [i][j][k] at (i * rows + j) * columns + k),"
                                                            + " which has " + name + "Vjp, " + name + "Jvp and "
                                                            + name + "Jacobian"
                                                    : ""));
        }
        List<String> wrtNames = new ArrayList<>();
        Strategy strategy = Strategy.AUTO;
        for (MemberValuePair pair : MethodSelector.annotationPairs(ann)) {
            switch (pair.getNameAsString()) {
                case "wrt" -> wrtNames.addAll(MethodSelector.strings(pair.getValue()));
                case "strategy" -> strategy = parseStrategy(pair.getValue()).orElse(Strategy.AUTO);
                case "modes" -> {} // which derivative methods to emit: read by the pipeline (pipeline/Modes)
                default -> error(pair, "unknown @Differentiable attribute '" + pair.getNameAsString() + "'");
            }
        }
        Set<String> paramNames = new LinkedHashSet<>();
        m.getParameters().forEach(p -> paramNames.add(p.getNameAsString()));
        for (String w : wrtNames) {
            // ('this' of an instance method that reached here is of a record or enum: reported above)
            if (!paramNames.contains(w) && !(w.equals("this") && !m.isStatic())) {
                error(
                        ann,
                        "wrt names '" + w + "', which is not a parameter of '" + name + "' (parameters: "
                                + String.join(", ", paramNames) + ")");
            }
        }
        List<Param> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            Optional<Ty> ty = p.isVarArgs() ? Optional.empty() : ValueTypes.ofParameter(p.getType());
            if (ty.isEmpty()) {
                error(
                        p,
                        "parameter '" + p.getNameAsString() + "' has type " + p.getType() + (p.isVarArgs() ? "..." : "")
                                + ": supported parameter types are double, float, int, long, boolean, double[], float[], double[][], float[][],"
                                + " double[][][], float[][][], int[], long[], boolean[], int[][], short, byte, char, String, enums of the sources (named as javac"
                                + " resolves the name in the method's file) or of the JDK, and records and classes of the sources and"
                                + " their 1-D arrays, and, read as data, java.util.List parameters of Double, Float, Integer,"
                                + " double[], float[] or such records and classes; pass the numbers as one of these (another"
                                + " collection as a List: List.copyOf(values))");
                continue;
            }
            if (ty.get().prim() == Ty.Prim.RANDOM) {
                error(
                        p,
                        "parameter '" + p.getNameAsString() + "' of type Random: create it in the method from a seed"
                                + " (take a long seed and write Random " + p.getNameAsString()
                                + " = new Random(seed);), since the adjoint may draw the method's numbers twice (a caller's"
                                + " reverse sweep runs it again) and each run must draw the same ones");
                continue;
            }
            boolean wrt = ty.get().isFloating() && (wrtNames.isEmpty() || wrtNames.contains(p.getNameAsString()));
            if (wrtNames.contains(p.getNameAsString()) && !ty.get().isFloating()) {
                error(
                        ann,
                        "wrt names '" + p.getNameAsString() + "' of type " + ty.get()
                                + ": only float and double parameters (and their arrays) can be differentiated");
            }
            params.add(new Param(p.getNameAsString(), ty.get(), wrt));
        }
        if (diagnostics.size() == before && params.stream().noneMatch(Param::wrt)) {
            error(
                    ann,
                    "nothing to differentiate: '" + name
                            + "' has no float or double parameter to take the gradient with"
                            + " respect to (PyTorch's \"does not require grad\"); add one, or remove @Differentiable");
        }
        if (diagnostics.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Declared(params, result.get(), strategy));
    }

    private static Optional<Strategy> parseStrategy(Expression e) {
        String text = e.toString();
        String last = text.substring(text.lastIndexOf('.') + 1);
        for (Strategy s : Strategy.values()) {
            if (s.name().equals(last)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
