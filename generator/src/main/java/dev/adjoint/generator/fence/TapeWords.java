package dev.adjoint.generator.fence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.ValueTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Fence#checkForTape} says where it differs from the static strategy's fence: a
 * construct named as the user wrote it ({@code 'try'}, {@code 'class Local'}) and said to be
 * beyond the tape too, since the tape is what AUTO falls back to; a local of a type the tape cannot
 * keep reported once, at its declaration, and its uses not again.
 */
final class TapeWords {
    private final MethodRequest request;
    private final List<Diagnostic> diagnostics;
    /** Locals of a type the tape cannot keep, reported at their declaration. */
    private final Set<String> rejectedLocals = new HashSet<>();

    TapeWords(MethodRequest request, List<Diagnostic> diagnostics) {
        this.request = request;
        this.diagnostics = diagnostics;
    }

    /**
     * What to do instead of construct {@code n}: an array made in a call's arguments (the array javac makes for a
     * spread call of a {@code @Differentiable} variable-arity method, where it could not be declared first) is declared
     * in a statement of its own; anything else is rewritten with what the table supports.
     */
    static String todo(Node n) {
        if (n instanceof com.github.javaparser.ast.expr.NullLiteralExpr) {
            return "give the variable an array (new double[0]) or branch on what decides it";
        }
        Node made = n instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr
                        && n.getParentNode().orElse(null) instanceof ArrayCreationExpr c
                ? c
                : n;
        if (rowsOfArrays(made)) {
            return "its rows would be the arrays it names, each then with two names, which neither strategy follows;"
                    + " create the matrix at the method's top level and copy each row into it (double[][] m = new"
                    + " double[2][]; m[0] = p.clone(); m[1] = q.clone();), or read the arrays by their own names";
        }
        return made instanceof ArrayCreationExpr
                        && made.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr
                ? "declare it as a local array in a statement of its own just before this one (double[] args = {...};)"
                        + " and pass the local: a @Differentiable method is called, not inlined, and takes its arrays by"
                        + " name"
                : "rewrite it with loops, if/else and the supported expressions (see the README's supported-Java table)";
    }

    /**
     * Whether {@code made} makes an array of arrays whose rows are arrays made elsewhere ({@code {p, q}},
     * {@code new double[][] {p, q}}, a row {@code X[0]} or a call's result) rather than initialisers of numbers.
     */
    static boolean rowsOfArrays(Node n) {
        Node made = n instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr
                        && n.getParentNode().orElse(null) instanceof ArrayCreationExpr c
                ? c
                : n;
        com.github.javaparser.ast.expr.ArrayInitializerExpr init = made instanceof ArrayCreationExpr c
                ? c.getInitializer().orElse(null)
                : made instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr i ? i : null;
        boolean matrix = made instanceof ArrayCreationExpr c
                ? c.getLevels().size() > 1
                : made.getParentNode().orElse(null) instanceof VariableDeclarator d
                        && d.getType() instanceof com.github.javaparser.ast.type.ArrayType t
                        && t.getArrayLevel() > 1;
        return init != null
                && matrix
                && init.getValues().stream()
                        .anyMatch(v -> !(v instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr));
    }

    /** {@code construct} (the static fence's name for {@code n}) is supported by neither strategy. */
    static String construct(Node n, String construct, String todo) {
        if (n instanceof TryStmt) {
            return "'try' is not supported by either strategy; " + todo;
        }
        String named = n instanceof SynchronizedStmt
                ? "'synchronized'"
                : n instanceof LocalClassDeclarationStmt c
                        ? "'class " + c.getClassDeclaration().getNameAsString() + "'"
                        : n instanceof LocalRecordDeclarationStmt r
                                ? "'record " + r.getRecordDeclaration().getNameAsString() + "'"
                                : construct;
        return named + " is not supported by the tape strategy either; "
                + (n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt ? MEMBER : todo);
    }

    /** What to do with a class or record declared inside the method: the same type as a member works. */
    private static final String MEMBER = "declare it as a member of the class (a static nested record, or a class whose"
            + " only constructor assigns each parameter to a field): the method may create such objects, read them and"
            + " call their methods that compute one expression (see the README's supported-Java table)";

    /**
     * Whether {@code n} is the tape's to report or to skip: a use of a local already reported, an
     * element of an array created where it is indexed ({@code new double[] {x, 1}[0]}).
     */
    boolean handled(Node n) {
        if (n instanceof NameExpr x) {
            return rejectedLocals.contains(x.getNameAsString());
        }
        if (n instanceof ArrayAccessExpr a && indexesACreation(a)) {
            diagnostics.add(Positions.error(
                    request.file(),
                    a,
                    "expression '" + Positions.oneLine(a) + "' is not supported by the tape strategy either: it"
                            + " indexes an array it creates; declare the array as a local first (double[] a = new"
                            + " double[] {...};) and index that"));
            return true;
        }
        return false;
    }

    /**
     * Whether the tape keeps no local {@code d} declares (a type written out that is not a value
     * type): then reported here, once.
     */
    boolean unkept(VariableDeclarator d) {
        if (d.getType().isVarType() || ValueTypes.of(d.getType()).isPresent()) {
            return false;
        }
        diagnostics.add(
                Positions.error(request.file(), d, ValueTypes.unsupportedLocal(d.getNameAsString(), d.getType())));
        rejectedLocals.add(d.getNameAsString());
        return true;
    }

    private static boolean indexesACreation(ArrayAccessExpr a) {
        Expression e = a.getName();
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        return e instanceof ArrayCreationExpr;
    }

    /** {@code new E(...)} of a named class, without a body or an outer instance. */
    static boolean plainCreation(Node n) {
        return n instanceof ObjectCreationExpr o
                && o.getAnonymousClassBody().isEmpty()
                && o.getScope().isEmpty();
    }
}
