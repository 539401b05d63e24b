package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.parse.Updates;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The length of an array a method creates as an expression of its parameters, for
 * {@link ArrayReassignments}: a length is the same wherever the method evaluates it when it reads
 * only parameters nothing assigns, and the locals it reads are computed once from such values
 * and never assigned; {@code X[e].length} of a 2-D parameter is at most its longest row's. Also
 * what that needs to know of the method's names: which are parameters, which locals are declared
 * once and never assigned, and their values.
 */
final class ParameterLengths {
    private final Rewriter rw;
    private final RowAliases rows;
    private final MethodDeclaration method;

    ParameterLengths(Rewriter rw, RowAliases rows, MethodDeclaration method) {
        this.rw = rw;
        this.rows = rows;
        this.method = method;
    }

    /**
     * Adds the length of {@code creation} to {@code fixed} (an expression of parameters, the same
     * wherever evaluated) or its table to {@code tables} ({@code X[e].length}: at most the longest
     * row's); {@code p.length} of a member is the group's own length and adds nothing. False when
     * the length is none of these.
     */
    boolean length(ArrayCreationExpr creation, Set<String> members, List<Expression> fixed, List<NameExpr> tables) {
        if (creation.getLevels().size() != 1) {
            return false;
        }
        if (creation.getInitializer().isPresent()) { // new double[] {a, b}: as many as it lists
            fixed.add(new IntegerLiteralExpr(
                    String.valueOf(creation.getInitializer().get().getValues().size())));
            return true;
        }
        Expression n = creation.getLevels().get(0).getDimension().orElse(null);
        if (ownLength(n, members, 0)) {
            return true;
        }
        if (n instanceof FieldAccessExpr f
                && f.getNameAsString().equals("length")
                && f.getScope() instanceof ArrayAccessExpr row
                && row.getName() instanceof NameExpr table
                && isParameter(table.getNameAsString())
                && rows.hasRows(table)
                && RaggedArrays.readsOnly(row.getIndex())
                && !RowAliases.assigned(method.getBody().get(), Set.of(table.getNameAsString()))
                && !RowAliases.rowsReplaced(method, table.getNameAsString())) {
            if (!tables.contains(table)) {
                tables.add(table);
            }
            return true;
        }
        Optional<Expression> m = n == null ? Optional.empty() : ofParameters(n, 0);
        if (m.isEmpty()
                || !RowAliases.simple(m.get())
                || m.get().findAll(NameExpr.class).stream()
                        .anyMatch(x -> !constant(x)
                                && (!isParameter(x.getNameAsString())
                                        || RowAliases.assigned(method.getBody().get(), Set.of(x.getNameAsString()))))) {
            return false;
        }
        fixed.add(m.get());
        return true;
    }

    /**
     * Whether {@code n} is {@code p.length} of a member, directly or through {@code int} locals computed once from it
     * and never assigned ({@code int n = c.length; new double[n]} in a helper inlined as {@code c = step(c, h)}): the
     * group's own length, which every value the member takes has, so such a creation adds no length of its own.
     */
    private boolean ownLength(Expression n, Set<String> members, int depth) {
        if (n instanceof FieldAccessExpr f
                && f.getNameAsString().equals("length")
                && f.getScope() instanceof NameExpr own
                && members.contains(own.getNameAsString())) {
            return true;
        }
        return depth < 8
                && n instanceof NameExpr x
                && !isParameter(x.getNameAsString())
                && !constant(x)
                && unchangedLocal(x.getNameAsString())
                        .map(v -> ownLength(v, members, depth + 1))
                        .orElse(false);
    }

    /**
     * {@code n} with the locals it reads that are computed once and never assigned replaced by what
     * computes them, down to parameters: an {@code int} local ({@code int n = b.length;
     * new double[n]}), a local array's length by its creation's ({@code c.length} of a helper's
     * inlined {@code double[] c = new double[a.length]}). Such a value is the same wherever the
     * method evaluates it, so the group's length may be computed at its top. Empty past a few levels.
     */
    private Optional<Expression> ofParameters(Expression n, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        com.github.javaparser.ast.expr.EnclosedExpr holder =
                new com.github.javaparser.ast.expr.EnclosedExpr(n.clone()); // (n may be replaced whole)
        for (FieldAccessExpr f : holder.findAll(FieldAccessExpr.class)) {
            if (f.getNameAsString().equals("length")
                    && f.getScope() instanceof NameExpr a
                    && !isParameter(a.getNameAsString())
                    && !constant(a)) {
                if (!(unchangedLocal(a.getNameAsString()).orElse(null) instanceof ArrayCreationExpr c)
                        || c.getLevels().size() != 1
                        || c.getInitializer().isPresent()
                        || c.getLevels().get(0).getDimension().isEmpty()) {
                    return Optional.empty();
                }
                Optional<Expression> length =
                        ofParameters(c.getLevels().get(0).getDimension().get(), depth + 1);
                if (length.isEmpty()) {
                    return Optional.empty();
                }
                f.replace(grouped(length.get()));
            }
        }
        for (NameExpr x : holder.findAll(NameExpr.class)) {
            if (isParameter(x.getNameAsString())
                    || constant(x)
                    || x.getParentNode().orElse(null) instanceof FieldAccessExpr) {
                continue;
            }
            Optional<Expression> value = unchangedLocal(x.getNameAsString())
                    .filter(RowAliases::simple)
                    .flatMap(v -> ofParameters(v, depth + 1));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            x.replace(grouped(value.get()));
        }
        Expression length = holder.getInner();
        while (length instanceof com.github.javaparser.ast.expr.EnclosedExpr e) {
            length = e.getInner(); // (parentheses around the whole length group nothing)
        }
        return Optional.of(length);
    }

    /**
     * {@code v} where it replaces a name: in parentheses unless it is one operand already, so that
     * {@code int n = b.length; new double[n]} and {@code new double[b.length]} give one expression
     * and the arrays created so share one length.
     */
    private static Expression grouped(Expression v) {
        return v instanceof NameExpr
                        || v instanceof FieldAccessExpr
                        || v instanceof ArrayAccessExpr
                        || v instanceof com.github.javaparser.ast.expr.LiteralExpr
                        || v instanceof com.github.javaparser.ast.expr.MethodCallExpr
                        || v instanceof com.github.javaparser.ast.expr.EnclosedExpr
                ? v
                : new com.github.javaparser.ast.expr.EnclosedExpr(v);
    }

    /** The initializer of local {@code q}, declared once and never assigned again. */
    /** {@link #local}, for a local that nothing assigns or updates after its declaration (a loop's counter is updated). */
    private Optional<Expression> unchangedLocal(String q) {
        boolean updated = method.findAll(com.github.javaparser.ast.expr.UnaryExpr.class).stream()
                .anyMatch(u -> Updates.isUpdate(u.getOperator())
                        && u.getExpression() instanceof NameExpr n
                        && n.getNameAsString().equals(q));
        return updated ? Optional.empty() : local(q); // (local: declared once, never the target of an assignment)
    }

    Optional<Expression> local(String q) {
        if (declarations(q) != 1 || assignedAgain(q)) {
            return Optional.empty();
        }
        return method.findAll(VariableDeclarator.class).stream()
                .filter(d -> d.getNameAsString().equals(q))
                .findFirst()
                .flatMap(VariableDeclarator::getInitializer);
    }

    private boolean assignedAgain(String q) {
        return method.findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr n
                        && n.getNameAsString().equals(q));
    }

    long declarations(String name) {
        return method.findAll(VariableDeclarator.class).stream()
                .filter(d -> d.getNameAsString().equals(name))
                .count();
    }

    /**
     * Whether {@code x} names a {@code static final} integer or array field of the class (or a class
     * around it) that no local or parameter hides: {@code HIDDEN}, {@code W} of {@code W.length}, the
     * same value wherever the method evaluates it.
     */
    private boolean constant(NameExpr x) {
        if (isParameter(x.getNameAsString()) || declarations(x.getNameAsString()) > 0) {
            return false;
        }
        return rw.staticFieldType(x)
                        .filter(t -> t instanceof com.github.javaparser.ast.type.ArrayType
                                || t.equals(com.github.javaparser.ast.type.PrimitiveType.intType()))
                        .isPresent()
                && finalField(x.getNameAsString());
    }

    private boolean finalField(String name) {
        for (Optional<com.github.javaparser.ast.Node> p = method.getParentNode();
                p.isPresent();
                p = p.get().getParentNode()) {
            if (p.get() instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t
                    && t.getFieldByName(name).isPresent()) {
                return t.getFieldByName(name).get().isFinal();
            }
        }
        return false;
    }

    boolean isParameter(String name) {
        return method.getParameters().stream().map(Parameter::getNameAsString).anyMatch(name::equals);
    }
}
