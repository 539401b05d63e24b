package dev.adjoint.generator.fence;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * What the error for a {@code Math} call without a derivative rule says, and for the random sources no
 * adjoint can draw again alike ({@code Math.random()}, {@code ThreadLocalRandom}) why and what works
 * instead (a {@code java.util.Random} made in the method from a seed), as the error for {@code new
 * Random()} does.
 */
final class MathWithoutRule {
    static final String RANDOM_WHY = "the adjoint may draw the method's numbers twice (a caller's reverse sweep"
            + " runs it again), and only a generator created in the method from a seed draws the same ones both times";
    static final String RANDOM_TODO = "take the seed as a long parameter and draw from a generator made from it at"
            + " the method's top level (import java.util.Random; Random rng = new Random(seed); ... rng.nextDouble())";

    private MathWithoutRule() {}

    /** Why {@code family.name(...)} is rejected. */
    static String why(String family, String name, MethodCallExpr m) {
        return isRandom(name, m)
                ? RANDOM_WHY
                : "java.lang." + family + "." + name + " with "
                        + m.getArguments().size() + " argument(s) has no derivative rule";
    }

    /** What to do instead. */
    static String todo(String name, MethodCallExpr m) {
        return isRandom(name, m) ? RANDOM_TODO : "see the README's list of supported Math functions";
    }

    private static boolean isRandom(String name, MethodCallExpr m) {
        return name.equals("random") && m.getArguments().isEmpty();
    }

    /** A call on the class {@code ThreadLocalRandom} ({@code ThreadLocalRandom.current()}), by its simple or qualified name (the tree's, not its text). */
    static boolean isThreadLocalRandom(MethodCallExpr m) {
        return m.getScope()
                .filter(s -> s instanceof NameExpr n && n.getNameAsString().equals("ThreadLocalRandom")
                        || s instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                                && f.getNameAsString().equals("ThreadLocalRandom"))
                .isPresent();
    }
}
