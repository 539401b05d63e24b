package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.adjoint.generator.parse.Positions;
import java.util.List;
import java.util.Optional;

/**
 * The most common reason a method returns different arrays: {@code if (n == 0) return x;} beside
 * the return of an array it made. The result is then the caller's own array on one path and a new
 * one on another, an alias the static strategy cannot follow; {@code return x.clone();} makes every
 * return's array new in the call, which it takes. Named in the method's error and in its callers'.
 */
final class ReturnedParameters {
    private ReturnedParameters() {}

    /** The first {@code return p;} of an array parameter {@code p} of {@code m}, when {@code m} has another return. */
    static Optional<ReturnStmt> of(MethodDeclaration m) {
        List<ReturnStmt> returns = m.findAll(ReturnStmt.class);
        if (returns.size() < 2) {
            return Optional.empty();
        }
        return returns.stream()
                .filter(r -> r.getExpression()
                        .filter(e -> e instanceof NameExpr n
                                && m.getParameters().stream()
                                        .filter(p -> p.getType().isArrayType())
                                        .map(Parameter::getNameAsString)
                                        .anyMatch(n.getNameAsString()::equals))
                        .isPresent())
                .findFirst();
    }

    /**
     * What {@code r}, a return {@link #of} gave for {@code m}, does and what to write instead; when every return of
     * {@code m} returns that same parameter, that one return at the end is what the static strategy takes.
     */
    static String advice(MethodDeclaration m, ReturnStmt r) {
        String p = r.getExpression().orElseThrow().toString();
        if (m.findAll(ReturnStmt.class).stream()
                .allMatch(x -> x.getExpression()
                        .filter(e ->
                                e instanceof NameExpr n && n.getNameAsString().equals(p))
                        .isPresent())) {
            return "every return returns the parameter '" + p
                    + "' itself, from more than one place: end the method with"
                    + " its only return, 'return " + p + ";', which the other paths reach (an if/else instead of the"
                    + " early 'return " + p + ";')";
        }
        // (as written: 'return z;' where z was given the parameter x, which a pass has put in its place by now)
        return "'" + Positions.asWritten(r) + "' returns the parameter '" + p
                + "' itself, beside another return's array: return a"
                + " copy there, 'return " + p + ".clone();', which is new in the call as the other arrays are";
    }
}
