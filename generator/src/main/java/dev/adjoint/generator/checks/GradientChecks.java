package dev.adjoint.generator.checks;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated gradient tests of a set of sources: one JUnit 5 class per owner class
 * ({@code p.ModelGradientTest}), one test per {@code @Differentiable} method, checked at the
 * points of its {@code @GradientCheck} (or the defaults: 3 points, seed 1, values in [-1, 1],
 * arrays of length 3, integers equal to 3).
 */
public final class GradientChecks {
    private GradientChecks() {}

    /**
     * The methods to check, grouped by owner class in source order, and the problems with
     * {@code @GradientCheck} annotations.
     *
     * @param owners each owner's checked methods, by the owner's qualified name
     * @param files the source file of each owner
     */
    public record Result(
            SortedMap<String, List<CheckedMethod>> owners, Map<String, Path> files, List<Diagnostic> diagnostics) {}

    public static Result of(Map<Path, String> sources) {
        SortedMap<String, List<CheckedMethod>> byOwner = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<Path, CompilationUnit> units = new TreeMap<>();
        for (Map.Entry<Path, String> e : new TreeMap<>(sources).entrySet()) {
            SourceParser.parse(e.getKey(), e.getValue())
                    .unit()
                    .ifPresent(u -> units.put(e.getKey(), u)); // (else the generate goal reports it)
        }
        dev.adjoint.generator.select.ClassNames.shareEnums(
                units.values()); // (a parameter may be of an enum of another file)
        for (Map.Entry<Path, CompilationUnit> e : units.entrySet()) {
            Optional<CompilationUnit> unit = Optional.of(e.getValue());
            List<MethodRequest> requests =
                    MethodSelector.select(e.getKey(), unit.get()).requests();
            unchecked(e.getKey(), unit.get(), requests, diagnostics);
            for (MethodRequest r : requests) {
                if (!r.declaration().isStatic() || r.wrtParams().isEmpty()) {
                    continue;
                }
                String owner = r.ownerQualifiedName();
                files.put(owner, e.getKey());
                byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(checked(r, diagnostics));
            }
        }
        return new Result(byOwner, files, diagnostics);
    }

    /**
     * A note at each {@code @Differentiable} method of {@code unit} that gets no generated test: an
     * instance method, or one taking records, objects or lists (the tests draw numbers and arrays).
     */
    private static void unchecked(
            Path file, CompilationUnit unit, List<MethodRequest> requests, List<Diagnostic> diagnostics) {
        java.util.Set<MethodDeclaration> selected =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        requests.forEach(r -> selected.add(r.declaration()));
        for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
            if (m.getAnnotations().stream().noneMatch(MethodSelector::isDifferentiable)
                    || (selected.contains(m) && m.isStatic())) {
                continue;
            }
            String why = m.isStatic()
                    ? "it takes records, objects or lists, and the generated tests draw numbers and arrays only"
                    : "it is an instance method, and the generated tests check static methods only";
            int line = m.getName().getBegin().map(b -> b.line).orElse(0);
            int column = m.getName().getBegin().map(b -> b.column).orElse(0);
            diagnostics.add(new Diagnostic(
                    Diagnostic.Severity.NOTE,
                    file,
                    line,
                    column,
                    "'" + m.getNameAsString() + "' gets no generated gradient test: " + why
                            + "; check it in a test of your own with AdjointCheck.assertGradient(...)"));
        }
    }

    /** The annotation's settings, or the defaults. */
    private record Settings(List<String> at, int points, double low, double high, int size, long seed) {
        static final Settings DEFAULT = new Settings(List.of(), 3, -1, 1, 3, 1);
    }

    private static CheckedMethod checked(MethodRequest r, List<Diagnostic> diagnostics) {
        Settings s = settings(r, diagnostics);
        List<String> points = new ArrayList<>(s.at());
        Optional<String> cannot = r.params().stream()
                .filter(p -> !drawable(p.type()))
                .findFirst()
                .map(p -> "parameter '" + p.name() + "' (" + p.type().java()
                        + ") cannot be drawn at random; give points with" + " @GradientCheck(at = ...)");
        if (cannot.isEmpty()) {
            Random random = new Random(s.seed());
            for (int i = 0; i < s.points(); i++) {
                List<String> args = new ArrayList<>();
                for (Param p : r.params()) {
                    args.add(draw(p.type(), s, random));
                }
                points.add(String.join(", ", args));
            }
        }
        String describe = (cannot.isEmpty()
                        ? s.points() + " random point(s) (seed " + s.seed() + ", values in [" + s.low() + ", "
                                + s.high() + "], size " + s.size() + ")"
                        : "no random points")
                + (s.at().isEmpty() ? "" : " and " + s.at().size() + " given point(s)");
        return new CheckedMethod(r, points, describe, points.isEmpty() ? cannot : Optional.empty());
    }

    private static boolean drawable(Ty t) {
        return t.dims() <= 3;
    }

    private static String draw(Ty t, Settings s, Random random) {
        if (t.prim() == Ty.Prim.ENUM) {
            // one of the enum's constants, whichever its count (an enum parameter is a scalar)
            return t.enumName() + ".values()[" + random.nextInt(Math.max(1, s.size())) + " % " + t.enumName()
                    + ".values().length]";
        }
        if (t.dims() == 0) {
            return scalar(t.prim(), s, random);
        }
        return "new " + t.java() + " " + elements(t, s, random);
    }

    /** An array initializer of {@code t}, {@code size} elements at each level (rows of rows for 2-D and 3-D). */
    private static String elements(Ty t, Settings s, Random random) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < s.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(t.dims() == 1 ? element(t.prim(), s, random) : elements(t.element(), s, random));
        }
        return b.append('}').toString();
    }

    private static String scalar(Ty.Prim p, Settings s, Random random) {
        return switch (p) {
            case INT -> Integer.toString(s.size());
            case LONG -> s.size() + "L";
            default -> element(p, s, random);
        };
    }

    /** An array element or a floating scalar: floating values uniform in [low, high], integers in [0, size), booleans fair. */
    private static String element(Ty.Prim p, Settings s, Random random) {
        return switch (p) {
            case DOUBLE -> Double.toString(s.low() + (s.high() - s.low()) * random.nextDouble());
            case FLOAT -> Float.toString((float) (s.low() + (s.high() - s.low()) * random.nextDouble())) + "f";
            case INT -> Integer.toString(random.nextInt(Math.max(1, s.size())));
            case LONG -> random.nextInt(Math.max(1, s.size())) + "L";
            case BOOLEAN -> Boolean.toString(random.nextBoolean());
            case SHORT, BYTE -> "(" + p.java() + ") " + random.nextInt(Math.max(1, s.size()));
            case CHAR -> "(char) " + random.nextInt(Math.max(1, s.size()));
            case STRING -> "\"\"";
            case ENUM -> throw new IllegalStateException("drawn by draw(), which knows the enum");
            case RANDOM -> throw new IllegalStateException("a Random is a local, never a parameter");
        };
    }

    private static Settings settings(MethodRequest r, List<Diagnostic> diagnostics) {
        Optional<AnnotationExpr> a = r.declaration().getAnnotations().stream()
                .filter(x -> x.getNameAsString().equals("GradientCheck")
                        || x.getNameAsString().equals("dev.adjoint.GradientCheck"))
                .findFirst();
        if (a.isEmpty() || !a.get().isNormalAnnotationExpr()) {
            return Settings.DEFAULT;
        }
        Settings d = Settings.DEFAULT;
        List<String> at = new ArrayList<>();
        int points = d.points();
        int size = d.size();
        double low = d.low();
        double high = d.high();
        long seed = d.seed();
        for (MemberValuePair pair : a.get().asNormalAnnotationExpr().getPairs()) {
            Expression v = pair.getValue();
            try {
                switch (pair.getNameAsString()) {
                    case "at" -> at.addAll(strings(v));
                    case "points" -> points = (int) number(v);
                    case "size" -> size = (int) number(v);
                    case "low" -> low = number(v);
                    case "high" -> high = number(v);
                    case "seed" -> seed = (long) number(v);
                    default -> {} // javac reports unknown members
                }
            } catch (IllegalArgumentException notLiteral) {
                diagnostics.add(Positions.error(
                        r.file(),
                        v,
                        "@GradientCheck(" + pair.getNameAsString() + " = " + v + "): " + notLiteral.getMessage()
                                + "; the generated test needs the value itself"));
            }
        }
        for (String point : at) {
            if (SourceParser.parseArguments(point).isEmpty()) {
                diagnostics.add(Positions.error(
                        r.file(),
                        a.get(),
                        "@GradientCheck(at = \"" + point + "\") is not a Java argument"
                                + " list; write the arguments as in a call, e.g. \"new double[] {0.5, -1}, 2.0\""));
            }
        }
        return new Settings(List.copyOf(at), points, low, high, size, seed);
    }

    private static List<String> strings(Expression v) {
        List<String> out = new ArrayList<>();
        List<Expression> items = v instanceof ArrayInitializerExpr arr ? arr.getValues() : List.of(v);
        for (Expression e : items) {
            if (!(e instanceof StringLiteralExpr s)) {
                throw new IllegalArgumentException("write the points as string literals");
            }
            out.add(s.asString());
        }
        return out;
    }

    private static double number(Expression v) {
        if (v instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            return -number(u.getExpression());
        }
        if (v.isIntegerLiteralExpr()) {
            return v.asIntegerLiteralExpr().asNumber().doubleValue();
        }
        if (v.isLongLiteralExpr()) {
            return v.asLongLiteralExpr().asNumber().doubleValue();
        }
        if (v.isDoubleLiteralExpr()) {
            return v.asDoubleLiteralExpr().asDouble();
        }
        throw new IllegalArgumentException("a number literal is expected");
    }
}
