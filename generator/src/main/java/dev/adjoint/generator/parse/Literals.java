package dev.adjoint.generator.parse;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import java.util.Optional;

/** The primitive type Java gives a literal of the user's source (JLS 3.10): {@code 2} int, {@code 2L} long, {@code 2f} float, ... */
public final class Literals {
    private Literals() {}

    /** {@code "int"}, {@code "long"}, {@code "float"}, {@code "double"}, {@code "char"} or {@code "boolean"}; empty for anything else. */
    public static Optional<String> type(Expression e) {
        if (e instanceof IntegerLiteralExpr) {
            return Optional.of("int");
        }
        if (e instanceof LongLiteralExpr) {
            return Optional.of("long");
        }
        if (e instanceof DoubleLiteralExpr d) {
            // (the suffix is part of the literal's token: 1.5f, 2F; none or d/D is a double)
            return Optional.of(d.getValue().endsWith("f") || d.getValue().endsWith("F") ? "float" : "double");
        }
        if (e instanceof CharLiteralExpr) {
            return Optional.of("char");
        }
        return e instanceof BooleanLiteralExpr ? Optional.of("boolean") : Optional.empty();
    }
}
