package dev.adjoint.generator.fence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.desugar.ArrayReassignments;
import dev.adjoint.generator.desugar.ArrayUses;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What neither strategy models, checked once before a strategy is chosen, so that both reject it
 * alike and AUTO never falls back over it: an assignment or {@code ++}/{@code --} inside a larger
 * expression (its order of effects), a {@code String} or enum variable assigned again, an array
 * variable assigned again or a row replaced by another array, and a call whose derivative or
 * effect on arrays the generator cannot know ({@link CallFence}).
 */
public final class SharedFence {

    private final MethodRequest request;
    private final Map<String, Integer> arrays = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Calls inside a replaced row's value, reported with the row. */
    private final Set<MethodCallExpr> rowCalls = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The calls, checked once the rows are (see {@link CallFence}). */
    private final CallFence calls;

    private SharedFence(MethodRequest request, MethodIndex index) {
        this.request = request;
        for (Parameter p : request.declaration().getParameters()) {
            ArrayEffects.dims(p.getType()).ifPresent(d -> arrays.put(p.getNameAsString(), d));
        }
        for (VariableDeclarator v : request.declaration().findAll(VariableDeclarator.class)) {
            ArrayEffects.dims(v.getType()).ifPresent(d -> arrays.put(v.getNameAsString(), d));
        }
        this.calls = new CallFence(request, index, arrays, rowCalls, diagnostics);
    }

    /** The problems of {@code request}'s body that no strategy can differentiate, one diagnostic each. */
    public static List<Diagnostic> check(MethodRequest request, MethodIndex index) {
        SharedFence f = new SharedFence(request, index);
        request.declaration().getBody().ifPresent(body -> {
            f.sideEffects(body);
            f.assignedOnce(body);
            f.reassignedArrays(body);
            f.replacedRows(body);
            body.findAll(com.github.javaparser.ast.expr.SwitchExpr.class).stream()
                    .filter(SharedFence::insideExpression)
                    .forEach(sx -> f.error(sx, SWITCH_INSIDE_EXPRESSION));
            // the generated methods declare the same 'throws' clause, naming each class as the adjoint class can
            dev.adjoint.generator.select.ThrownTypes.unnamable(request.declaration())
                    .forEach(t -> f.error(
                            t,
                            "exception type '" + t
                                    + "' in the 'throws' clause cannot be named in the generated code, which declares it too: the generator cannot"
                                    + " tell which class it is (an on-demand import that is not of the JDK, a type parameter or arguments);"
                                    + " import it by its name or write it qualified"));
            body.findAll(MethodCallExpr.class).stream()
                    .filter(m -> m.findAncestor(LambdaExpr.class).isEmpty())
                    .forEach(f.calls::call);
        });
        return List.copyOf(f.diagnostics);
    }

    /** Assignments and updates that are not statements of their own (the outermost of a nest only). */
    /**
     * {@code Random} variables are assigned once: a parameter never, a local where it is declared, at
     * the method's top level (or first in a loop's body, one generator per trip), so that no loop or
     * branch overwrites one and every number is drawn once. ({@code String} and enum variables may be
     * declared and assigned anywhere: the static strategy saves an overwritten one on the reference
     * stack, as it saves an overwritten number, and the tape needs none of them back.)
     */
    private void assignedOnce(com.github.javaparser.ast.stmt.BlockStmt body) {
        Set<String> objects = new java.util.TreeSet<>();
        for (Parameter p : request.declaration().getParameters()) {
            if (isRandom(p.getType())) {
                objects.add(p.getNameAsString());
            }
        }
        for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
            com.github.javaparser.ast.type.Type declared = dev.adjoint.generator.select.ValueTypes.declaredType(v);
            if (!isRandom(declared)) {
                continue;
            }
            objects.add(v.getNameAsString());
            Optional<Node> statement = v.getParentNode().flatMap(Node::getParentNode);
            boolean topLevel = statement
                    .filter(s -> s instanceof ExpressionStmt)
                    .flatMap(Node::getParentNode)
                    .filter(b -> b == body)
                    .isPresent();
            if (v.getInitializer().isEmpty() || !(topLevel || firstOfALoopBody(statement))) {
                error(
                        v,
                        "local '" + v.getNameAsString() + "' of type " + declared + " is declared "
                                + (topLevel ? "without a value" : "inside a block or loop")
                                + ": a Random is assigned once, where it is declared at the top level of the method, or"
                                + " as the first statement of a loop's body, one generator per trip, seeded from it (new Random(seed + p)),"
                                + " so that each number is drawn once; declare it there with its value");
            } else if (!(v.getInitializer().get() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o
                    && dev.adjoint.generator.select.ValueTypes.isRandomCreation(o)
                    && o.getArguments().size() == 1)) {
                error(
                        v.getInitializer().get(),
                        "local '" + v.getNameAsString() + "' of type Random is given '"
                                + Positions.oneLine(v.getInitializer().get())
                                + "': a Random is created where it is declared, from a seed (new Random(seed)), since"
                                + " the adjoint may draw the method's numbers twice (a caller's reverse sweep runs it again)"
                                + " and only a seeded generator draws the same ones both times; take the seed as a long"
                                + " parameter");
            }
        }
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n
                    && objects.contains(n.getNameAsString())) {
                error(
                        a,
                        "cannot assign the Random variable '" + n
                                + "': a Random is assigned once, where it is declared, so that each number is drawn"
                                + " once; use another local for the new generator");
            }
        }
    }

    private static boolean isRandom(com.github.javaparser.ast.type.Type t) {
        return t instanceof com.github.javaparser.ast.type.ClassOrInterfaceType c
                && dev.adjoint.generator.select.ValueTypes.isRandom(c);
    }

    /**
     * Whether {@code statement} is the first of a loop's body ({@code for}, for-each, {@code while},
     * {@code do}). A {@code Random} declared there is a generator per trip, seeded from the trip
     * ({@code new Random(seed + p)}): each draw is still made once, in the forward sweep, and saved
     * where the reverse sweep needs it (no pass draws again: see {@code Recomputation}), and a rerun of
     * the method draws the same numbers, since each trip's seed is what it was. First, so that no
     * {@code continue} of the trip can pass over it.
     */
    private static boolean firstOfALoopBody(Optional<Node> statement) {
        return statement
                .filter(s -> s instanceof ExpressionStmt)
                .flatMap(s -> s.getParentNode()
                        .filter(b -> b instanceof com.github.javaparser.ast.stmt.BlockStmt block
                                && block.getStatements().size() > 0
                                && block.getStatement(0) == s))
                .flatMap(Node::getParentNode)
                .filter(l -> l instanceof com.github.javaparser.ast.stmt.ForStmt
                        || l instanceof com.github.javaparser.ast.stmt.ForEachStmt
                        || l instanceof com.github.javaparser.ast.stmt.WhileStmt
                        || l instanceof com.github.javaparser.ast.stmt.DoStmt)
                .isPresent();
    }

    /**
     * Array variables assigned again, and second names for them, that desugaring left as written
     * because copying would not be what Java's reference assignment does (see
     * {@link ArrayReassignments}): the reason, at each assignment and declaration.
     */
    private void reassignedArrays(com.github.javaparser.ast.stmt.BlockStmt body) {
        String todo =
                "; otherwise, write the elements into an array of its own (for (int k = 0; k < q.length; k++) p[k] = q[k];)";
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n
                    && arrays.containsKey(n.getNameAsString())
                    && a.findAncestor(LambdaExpr.class).isEmpty()
                    && !isFreshLocalArray(a, n)) {
                error(
                        n,
                        "cannot assign the array variable '"
                                + Positions.writtenName(request.declaration(), n.getNameAsString()) + "': "
                                + ArrayReassignments.why(request.declaration(), n.getNameAsString())
                                + todo);
            }
        }
        for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
            List<Expression> values = v.getInitializer().map(ArrayUses::values).orElse(List.of());
            if (arrays.containsKey(v.getNameAsString())
                    && values.stream().noneMatch(java.util.Objects::isNull)
                    && values.stream()
                            .anyMatch(e -> e instanceof NameExpr n && arrays.containsKey(n.getNameAsString()))) {
                error(
                        v,
                        "local array '" + Positions.writtenName(request.declaration(), v.getNameAsString())
                                + "' is a second name for an array that is assigned again: "
                                + ArrayReassignments.why(request.declaration(), v.getNameAsString()) + todo);
            }
        }
    }

    /**
     * Rows (or layers) of an array variable replaced by another array ({@code lu[k] = lu[p]}, a row
     * swap; {@code lu[i] = a[i].clone()}): neither strategy follows a row that names another array
     * (a row created with {@code new} is a ragged local's, see {@code desugar/RaggedLocals}). The
     * error says how to write it with elements; a call there is not reported again.
     */
    private void replacedRows(com.github.javaparser.ast.stmt.BlockStmt body) {
        List<AssignExpr> replaced = new java.util.ArrayList<>();
        Map<String, AssignExpr> byReference = new HashMap<>();
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            Expression root = a.getTarget();
            int depth = 0;
            while (root instanceof com.github.javaparser.ast.expr.ArrayAccessExpr acc) {
                root = acc.getName();
                depth++;
            }
            if (depth == 0
                    || !(root instanceof NameExpr n)
                    || arrays.getOrDefault(n.getNameAsString(), 0) <= depth
                    || a.getValue() instanceof com.github.javaparser.ast.expr.ArrayCreationExpr
                    || a.findAncestor(LambdaExpr.class).isPresent()) {
                continue;
            }
            replaced.add(a);
            if (!RowCopies.isRowCopy(a.getValue())) {
                byReference.putIfAbsent(n.getNameAsString(), a);
            }
        }
        for (AssignExpr a : replaced) {
            Expression root = a.getTarget();
            while (root instanceof com.github.javaparser.ast.expr.ArrayAccessExpr acc) {
                root = acc.getName();
            }
            String n = ((NameExpr) root).getNameAsString();
            String row = Positions.oneLine(a.getTarget());
            AssignExpr other = byReference.get(n);
            if (RowCopies.isRowCopy(a.getValue()) && other != null && RowCopies.isRaggedLocal(body, n)) {
                // a ragged local's row copied (b[i] = a[i].clone()) is what RaggedLocals takes: refused only
                // because another row of it is replaced by reference, which is what to change
                error(
                        a,
                        "'" + Positions.oneLine(a) + "' copies a row into the ragged array '" + n
                                + "', which works while no row of it names another array; '"
                                + Positions.oneLine(other) + "' at line "
                                + other.getBegin().map(b -> b.line).orElse(0)
                                + " makes one: exchange the elements there one by one (for (int j = 0; j < n; j++) { double t = "
                                + Positions.oneLine(other.getTarget()) + "[j]; ... })");
            } else {
                error(
                        a,
                        "'" + Positions.oneLine(a) + "' replaces the row " + row + " of array '" + n
                                + "' by another array: neither"
                                + " strategy follows a row that names another array; copy the elements instead (System.arraycopy(src, 0, "
                                + row
                                + ", 0, n);), exchange them one by one for a row swap (for (int j = 0; j < n; j++) { double t = "
                                + row
                                + "[j]; ... }), or keep an int[] of row indices and read " + n + "[perm[i]][j]");
            }
            a.getValue().findAll(MethodCallExpr.class).forEach(rowCalls::add);
        }
    }

    /**
     * {@code t = new double[n]} for a local {@code t}: a fresh array, which both strategies follow as
     * a new reference (the static one saves the earlier reference and restores it in reverse).
     */
    private boolean isFreshLocalArray(AssignExpr a, NameExpr n) {
        return a.getOperator() == AssignExpr.Operator.ASSIGN
                && request.declaration().getParameterByName(n.getNameAsString()).isEmpty()
                && a.getValue() instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c
                && c.getInitializer().isEmpty()
                && c.getLevels().stream().allMatch(l -> l.getDimension().isPresent());
    }

    private void sideEffects(Node body) {
        for (Node n : body.findAll(
                Node.class,
                n -> n instanceof AssignExpr || (n instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())))) {
            if (isStatement(n)
                    || n.getParentNode().filter(SharedFence::insideAnEffect).isPresent()) {
                continue;
            }
            String what = n instanceof UnaryExpr u ? "'" + u.getOperator().asString() + "'" : "assignment";
            error(
                    n,
                    what
                            + " inside an expression is not supported" + alsoRead(n)
                            + ": each assignment and update must be a statement of its own, so"
                            + " that both strategies see its effect where Java performs it; move it to its own statement before or after");
        }
    }

    /**
     * Why an update the desugar pass moves out of expressions may have stayed: the expression
     * around it also reads the variable it updates ({@code s += w[k] * c[k++]}, as {@code i + i++});
     * empty for other updates.
     */
    private static String alsoRead(Node update) {
        Expression target = update instanceof UnaryExpr u
                ? u.getExpression()
                : update instanceof AssignExpr a ? a.getTarget() : null;
        Node whole = update; // (the outermost expression around the update)
        while (whole.getParentNode().orElse(null) instanceof Expression e) {
            whole = e;
        }
        if (!(target instanceof NameExpr x)) {
            return "";
        }
        Optional<Node> read = whole.findAll(NameExpr.class).stream()
                .filter(r -> r != x && r.getNameAsString().equals(x.getNameAsString()))
                .map(r -> r.getParentNode().orElse(r))
                .findFirst();
        return read.map(r -> " where the same expression also reads '" + x.getNameAsString() + "' ("
                        + Positions.oneLine(r) + ")")
                .orElse("");
    }

    /** Whether {@code n} or an expression around it is itself an assignment or update inside an expression (reported already). */
    private static boolean insideAnEffect(Node n) {
        for (Node at = n;
                at != null && !(at instanceof com.github.javaparser.ast.stmt.Statement);
                at = at.getParentNode().orElse(null)) {
            if ((at instanceof AssignExpr || (at instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())))
                    && !isStatement(at)) {
                return true;
            }
        }
        return false;
    }

    /** An expression statement, or a for loop's initialization or update. */
    private static boolean isStatement(Node e) {
        Node p = e.getParentNode().orElse(null);
        return p instanceof ExpressionStmt
                || (p instanceof ForStmt f
                        && (f.getInitialization().stream().anyMatch(i -> i == e)
                                || f.getUpdate().stream().anyMatch(u -> u == e)));
    }

    /** What the desugar pass could not move out of an expression (see desugar's SwitchHoisting). */
    static final String SWITCH_INSIDE_EXPRESSION =
            "'switch' expression inside a larger expression is not supported here: it cannot run first, into a local,"
                    + " in Java's order (its type is not clear from its results, something Java evaluates before it has a"
                    + " type the generator cannot tell, it is in a for header that a continue jumps to, or in a declaration"
                    + " of several variables); assign it to a local in a statement of its own first";

    /**
     * A {@code switch} expression that is not the whole value of a declaration, an assignment or a
     * {@code return} statement (one in a {@code for} header is inside the header's expression).
     */
    static boolean insideExpression(Node sx) {
        Node p = sx.getParentNode().orElse(null);
        Node statement = p == null ? null : p.getParentNode().orElse(null);
        if (p instanceof VariableDeclarator) {
            return !(statement instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr v
                    && v.getVariables().size() == 1
                    && v.getParentNode().orElse(null) instanceof ExpressionStmt);
        }
        if (p instanceof AssignExpr) {
            return !(statement instanceof ExpressionStmt);
        }
        return !(p instanceof com.github.javaparser.ast.stmt.ReturnStmt);
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
