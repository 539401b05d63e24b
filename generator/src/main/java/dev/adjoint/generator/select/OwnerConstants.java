package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The static primitive fields of a class that a method may read, as the adjoint class reads them:
 * constants, fields that no code of the class assigns but that may change between calls (read as
 * constants where the method reads them: a gradient call must not run while another thread
 * changes them), and arrays of them
 * ({@code static final double[] COEFFS = {...}}, tables), whose elements are read as constants.
 */
public final class OwnerConstants {
    private OwnerConstants() {}

    /**
     * A constant's type and how the adjoint class reads it: qualified, its literal inlined, or
     * {@code null} when it cannot.
     */
    public record Constant(Ty type, String text, String copy) {
        public Constant(Ty type, String text) {
            this(type, text, null);
        }
    }

    /**
     * The static primitive fields and arrays of {@code owner}. A private one cannot be read from the
     * adjoint class: the literal initializer of a final scalar is inlined, and any other is marked
     * unreadable (text {@code null}), so that a read of it is reported rather than left to javac
     * (unless the adjoint class copies it: see the overload).
     */
    public static Map<String, Constant> of(TypeDeclaration<?> owner, String qualifier, Path file) {
        return of(owner, qualifier, file, null);
    }

    /**
     * As {@link #of(TypeDeclaration, String, Path)}, read from the adjoint class {@code adjointClass}
     * (its simple name; {@code null}: none), which holds a copy of each private table that
     * {@link TableCopies} finds exact to copy: read as {@code adjointClass.NAME}, its initializer in
     * {@link Constant#copy}.
     */
    public static Map<String, Constant> of(TypeDeclaration<?> owner, String qualifier, Path file, String adjointClass) {
        // a top-level class not named like its file is "auxiliary": javac warns when another file reads it
        String stem = file.getFileName().toString().replaceFirst("\\.java$", "");
        boolean auxiliary = !qualifier.split("\\.")[0].equals(stem);
        Map<String, Constant> fields = new TreeMap<>();
        for (FieldDeclaration f : owner.getFields()) {
            if (!f.isStatic()) {
                continue;
            }
            for (var v : f.getVariables()) {
                Optional<Ty> t = MethodSelector.toTy(v.getType()).or(() -> indexTable(f, v));
                if (t.isEmpty() || (!f.isFinal() && assigned(owner, v.getNameAsString()))) {
                    // (a field the class writes may change during a call: its reverse sweep would read another value)
                    continue;
                }
                if (!f.isPrivate() && !auxiliary) {
                    fields.put(v.getNameAsString(), new Constant(t.get(), qualifier + "." + v.getNameAsString()));
                } else if (f.isFinal()
                        && !t.get().isArray()
                        && v.getInitializer().isPresent()
                        && isLiteral(v.getInitializer().get())) {
                    Expression init = v.getInitializer().get();
                    String text = literalType(init).equals(t.get())
                            ? init.toString()
                            : "(" + t.get().java() + ") " + init;
                    fields.put(
                            v.getNameAsString(), new Constant(t.get(), text.startsWith("-") ? "(" + text + ")" : text));
                } else if (adjointClass != null
                        && t.get().isArray()
                        && TableCopies.initializer(f, v, t.get().dims()).isPresent()) {
                    fields.put(
                            v.getNameAsString(),
                            new Constant(
                                    t.get(),
                                    adjointClass + "." + v.getNameAsString(),
                                    TableCopies.initializer(f, v, t.get().dims())
                                            .get()));
                } else {
                    fields.put(v.getNameAsString(), new Constant(t.get(), null));
                }
            }
        }
        return fields;
    }

    /**
     * The type of {@code v}, a field of {@code f}, when it is a 2-D index table the method may read
     * ({@code static final int[][] EDGES = {{0, 1}, {1, 2}};}, a mesh's edges, a stencil): final, and
     * only read in its file (elements, lengths, for-each over its rows or a row held by a local that is
     * only read; never written or passed on, as {@link TableCopies} asks of a table it copies), so that its values are
     * the same in the forward and the reverse sweep. Like an {@code int[][]} parameter, its values have
     * no derivative.
     */
    static Optional<Ty> indexTable(FieldDeclaration f, VariableDeclarator v) {
        Optional<Ty> t = indexTableType(v.getType());
        if (t.isEmpty() || !f.isStatic() || !f.isFinal()) {
            return Optional.empty();
        }
        return f.findCompilationUnit()
                .filter(u ->
                        TableCopies.otherUse(u, v.getNameAsString(), 2, true).isEmpty())
                .flatMap(u -> t);
    }

    /** The type of a static field declared with {@code t} that may be an index table: {@code int[][]}, {@code long[][]}, {@code boolean[][]}. */
    static Optional<Ty> indexTableType(com.github.javaparser.ast.type.Type t) {
        if (t.getArrayLevel() != 2 || !t.getElementType().isPrimitiveType()) {
            return Optional.empty();
        }
        return switch (t.getElementType().asPrimitiveType().getType()) {
            case INT -> Optional.of(new Ty(Ty.Prim.INT, 2));
            case LONG -> Optional.of(new Ty(Ty.Prim.LONG, 2));
            case BOOLEAN -> Optional.of(new Ty(Ty.Prim.BOOLEAN, 2));
            default -> Optional.empty();
        };
    }

    /** Whether code of {@code owner} assigns the variable {@code name} or updates it with ++/--. */
    private static boolean assigned(TypeDeclaration<?> owner, String name) {
        java.util.function.Predicate<Expression> names = e -> (e instanceof com.github.javaparser.ast.expr.NameExpr n
                        && n.getNameAsString().equals(name))
                || (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa
                        && fa.getNameAsString().equals(name));
        return owner.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
                        .anyMatch(a -> names.test(a.getTarget()))
                || owner.findAll(com.github.javaparser.ast.expr.UnaryExpr.class).stream()
                        .anyMatch(u -> dev.adjoint.generator.parse.Updates.isUpdate(u.getOperator())
                                && names.test(u.getExpression()));
    }

    private static Ty literalType(Expression e) {
        if (e instanceof com.github.javaparser.ast.expr.UnaryExpr u) {
            return literalType(u.getExpression());
        }
        if (e instanceof com.github.javaparser.ast.expr.DoubleLiteralExpr d) {
            return d.getValue().endsWith("f") || d.getValue().endsWith("F") ? Ty.FLOAT : Ty.DOUBLE;
        }
        if (e instanceof com.github.javaparser.ast.expr.LongLiteralExpr) {
            return Ty.LONG;
        }
        if (e instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr) {
            return Ty.BOOLEAN;
        }
        return Ty.INT;
    }

    private static boolean isLiteral(Expression e) {
        if (e instanceof com.github.javaparser.ast.expr.UnaryExpr u
                && u.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.MINUS) {
            return isLiteral(u.getExpression());
        }
        return e.isLiteralExpr()
                && !(e instanceof StringLiteralExpr)
                && !e.isTextBlockLiteralExpr()
                && !e.isCharLiteralExpr()
                && !e.isNullLiteralExpr();
    }
}
