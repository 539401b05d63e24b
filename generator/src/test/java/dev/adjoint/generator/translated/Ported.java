package dev.adjoint.generator.translated;

import java.util.ArrayList;
import java.util.List;

/**
 * One function ported into Java from another AD tool's sources (CppAD, ADOL-C, Enzyme, DiffTests.jl, Ceres,
 * Stan Math, autodiff), written as a Java programmer would write it, with what the generator is expected to do with it (AUTO).
 *
 * @param id unique name, {@code <tool>.<file>.<function>}
 * @param origin the repository, file and line it comes from
 * @param method the {@code @Differentiable} method under test
 * @param body the members of the class holding it (the method and its helpers)
 * @param points arguments to check at against central differences (and static against tape)
 * @param published gradients the original test prints or asserts, or closed forms it states, at their arguments
 * @param expected what AUTO should do: {@code static}, {@code tape: <fragment of the reason>} or
 *     {@code rejected: <fragment of the first error>}
 */
record Ported(
        String id,
        String origin,
        String method,
        String body,
        List<Object[]> points,
        List<Published> published,
        String expected) {

    /** A gradient (for an array result: {@code seedᵀ·J} with the suite's seed 0.5, 0.75, ...) known at {@code args}. */
    record Published(double[] gradient, double tolerance, Object[] args) {}

    static Ported of(String tool, String file, int line, String method, String body, Object[]... points) {
        return of(tool, repository(tool), file, line, method, body, points);
    }

    /** A function of {@code tool}'s (a tool whose tests or users' programs live in several repositories). */
    static Ported of(
            String tool, String repository, String file, int line, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1)
                .replaceAll("\\.(cpp|hpp|cc|c|jl|h|py|f90|f|swift|fs|rs|fut)$", "");
        return new Ported(
                tool + "." + stem + "." + method,
                repository + " " + file + ":" + line,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static String repository(String tool) {
        return switch (tool) {
            case "cppad" -> "coin-or/CppAD";
            case "adolc" -> "coin-or/ADOL-C";
            case "enzyme" -> "EnzymeAD/Enzyme";
            case "difftests" -> "JuliaDiff/DiffTests.jl";
            case "ceres" -> "ceres-solver/ceres-solver";
            case "stan" -> "stan-dev/math";
            case "autodiff" -> "autodiff/autodiff";
            default -> throw new IllegalArgumentException(tool);
        };
    }

    /** The same function, with this gradient published (or stated in closed form) at {@code args}. */
    Ported publishes(double[] gradient, double tolerance, Object... args) {
        List<Published> p = new ArrayList<>(published);
        p.add(new Published(gradient, tolerance, args));
        return new Ported(id, origin, method, body, points, List.copyOf(p), expected);
    }

    /** Expected on the tape, the reason containing {@code why}. */
    Ported tape(String why) {
        return new Ported(id, origin, method, body, points, published, "tape: " + why);
    }

    /** Expected rejected, the first error containing {@code why}. */
    Ported rejected(String why) {
        return new Ported(id, origin, method, body, points, published, "rejected: " + why);
    }

    /** The class holding the function: {@code ported.<Tool>_<file>_<method>}. */
    String simpleClassName() {
        String[] parts = id.split("\\.");
        String tool = Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1);
        return tool + "_" + parts[1].replace('-', '_').replace(' ', '_') + "_" + parts[2];
    }

    /** The source of the class, its {@code @Differentiable} methods forced to {@code strategy} unless null. */
    String source(String className, String strategy) {
        String members = body.stripIndent();
        if (strategy != null) {
            members = members.replace("@Differentiable(", "@Differentiable(strategy = Strategy." + strategy + ", ")
                    .replace("@Differentiable\n", "@Differentiable(strategy = Strategy." + strategy + ")\n");
        }
        StringBuilder s = new StringBuilder("package ported;\n\n");
        s.append("import dev.adjoint.CustomDerivative;\n");
        s.append("import dev.adjoint.Differentiable;\n");
        s.append("import dev.adjoint.DoubleGrad;\n");
        s.append("import dev.adjoint.FloatGrad;\n");
        s.append("import dev.adjoint.Strategy;\n");
        s.append("import java.util.Arrays;\n\n");
        s.append("public class ").append(className).append(" {\n");
        s.append(members.indent(4));
        s.append("}\n");
        return s.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
