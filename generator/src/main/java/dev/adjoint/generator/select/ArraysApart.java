package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.types.Ty;
import java.util.List;

/**
 * Which arrays a method's callers must pass apart: both strategies, like the analysis behind them,
 * take distinct parameters, and distinct rows of a 2-D parameter, for distinct arrays. Where the
 * method writes one of them, the generated code checks on entry that the caller's are (a message,
 * not another value and gradient than the method's).
 */
public final class ArraysApart {
    private ArraysApart() {}

    /**
     * The pairs of array parameters of one type that must not be the same array: the method may
     * write into one of them (an element stored or updated, or the array handed to a call), and its
     * adjoint, like the static analysis behind it, treats distinct parameters as distinct arrays.
     */
    public static List<List<String>> pairs(MethodRequest r) {
        List<Param> params = r.params();
        java.util.Set<String> written = writtenArrays(r.declaration());
        List<List<String>> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            for (int j = i + 1; j < params.size(); j++) {
                Param a = params.get(i);
                Param b = params.get(j);
                if (a.type().isArray()
                        && a.type().equals(b.type())
                        && (written.contains(a.name()) || written.contains(b.name()))) {
                    pairs.add(List.of(a.name(), b.name()));
                }
            }
        }
        return pairs;
    }

    /**
     * The 2-D array parameters whose rows the method writes ({@code acc[i][j] += ...}, its helpers
     * inlined), each with the other array parameters of its element type: the rows must be distinct
     * arrays, none of them another parameter or its row, as the adjoint takes them (the generated code
     * checks it on entry, {@code RowsApart}). Each list is {@code [p]} (its own rows) or {@code [p, q]}.
     */
    public static List<List<String>> rows(MethodRequest r) {
        List<Param> params = r.params();
        java.util.Set<String> writtenRows = written(r.declaration(), 2);
        List<List<String>> groups = new java.util.ArrayList<>();
        for (Param p : params) {
            if (!numbers(p, 2) || !writtenRows.contains(p.name())) {
                continue;
            }
            groups.add(List.of(p.name()));
            for (Param q : params) {
                if (q != p
                        && (q.type().dims() == 1 || q.type().dims() == 2)
                        && q.type().prim() == p.type().prim()) {
                    groups.add(List.of(p.name(), q.name()));
                }
            }
        }
        return groups;
    }

    /**
     * The 2-D array parameters whose rows the method only reads, each with a 1-D parameter of its
     * element type that the method may write, as {@code [p, q]}: no row of {@code p} may be
     * {@code q}, which the method would read as it writes it ({@code X[0][j]} after
     * {@code acc[j] = ...}, given {@code X = {acc}}), while the adjoint takes them apart.
     */
    public static List<List<String>> readRows(MethodRequest r) {
        List<Param> params = r.params();
        java.util.Set<String> writtenRows = written(r.declaration(), 2);
        java.util.Set<String> written = writtenArrays(r.declaration());
        List<List<String>> pairs = new java.util.ArrayList<>();
        for (Param p : params) {
            if (!numbers(p, 2) || writtenRows.contains(p.name())) {
                continue;
            }
            for (Param q : params) {
                if (q.type().dims() == 1 && q.type().prim() == p.type().prim() && written.contains(q.name())) {
                    pairs.add(List.of(p.name(), q.name()));
                }
            }
        }
        return pairs;
    }

    /**
     * The 3-D array parameters whose elements the method writes ({@code W[l][i][j] = ...}) as
     * {@code [p]}: their layers must be distinct arrays, and their rows across all layers too
     * ({@code RowsApart.requireLayers}); with each 1-D or 2-D parameter of their element type as
     * {@code [p, q]}, as must those of a 3-D parameter the method only reads with each such parameter
     * it writes: {@code q} no layer of {@code p}, and neither {@code q} (1-D) nor a row of it (2-D) a row
     * of {@code p} ({@code RowsApart.requireLayersApart}).
     */
    public static List<List<String>> layers(MethodRequest r) {
        java.util.Set<String> writtenRows = written(r.declaration(), 2);
        java.util.Set<String> written = writtenArrays(r.declaration());
        List<List<String>> groups = new java.util.ArrayList<>();
        for (Param p : r.params()) {
            if (!numbers(p, 3)) {
                continue;
            }
            boolean elements = writtenRows.contains(p.name());
            if (elements) {
                groups.add(List.of(p.name()));
            }
            for (Param q : r.params()) {
                boolean other = q.type().prim() == p.type().prim()
                        && (q.type().dims() == 1 || q.type().dims() == 2);
                boolean qWritten = q.type().dims() == 1 ? written.contains(q.name()) : writtenRows.contains(q.name());
                if (other && (elements || qWritten)) {
                    groups.add(List.of(p.name(), q.name()));
                }
            }
        }
        return groups;
    }

    /** Whether {@code p} is a {@code double} or {@code float} array of {@code dims} dimensions. */
    private static boolean numbers(Param p, int dims) {
        return p.type().dims() == dims
                && (p.type().prim() == Ty.Prim.DOUBLE || p.type().prim() == Ty.Prim.FLOAT);
    }

    /**
     * How many checks the generated methods make on entry for {@code r}: {@link #pairs}, {@link #rows},
     * {@link #readRows} and {@link #layers}.
     */
    public static int checks(MethodRequest r) {
        return pairs(r).size() + rows(r).size() + readRows(r).size() + layers(r).size();
    }

    /** The arrays {@code m} may write: an element stored or updated, or the array handed to a call. */
    private static java.util.Set<String> writtenArrays(MethodDeclaration m) {
        java.util.Set<String> written = new java.util.HashSet<>(written(m, 1));
        for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
            c.getArguments().stream()
                    .filter(Expression::isNameExpr)
                    .forEach(x -> written.add(x.asNameExpr().getNameAsString()));
        }
        return written;
    }

    /**
     * The arrays {@code m} stores into or updates at a depth of at least {@code depth} indices
     * ({@code a[i] = ...} is depth 1, {@code acc[i][j] += ...} depth 2): the names the targets start from.
     */
    private static java.util.Set<String> written(MethodDeclaration m, int depth) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (com.github.javaparser.ast.Node n : m.findAll(com.github.javaparser.ast.Node.class)) {
            Expression target = null;
            if (n instanceof com.github.javaparser.ast.expr.AssignExpr a) {
                target = a.getTarget();
            } else if (n instanceof com.github.javaparser.ast.expr.UnaryExpr u && Updates.isUpdate(u.getOperator())) {
                target = u.getExpression();
            }
            int indices = 0;
            while (target instanceof com.github.javaparser.ast.expr.ArrayAccessExpr e) {
                target = e.getName();
                indices++;
            }
            if (indices >= depth && target instanceof com.github.javaparser.ast.expr.NameExpr name) {
                out.add(name.getNameAsString());
            }
        }
        return out;
    }
}
