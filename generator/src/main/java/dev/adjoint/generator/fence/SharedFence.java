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
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.objects.RecordMethods;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What neither strategy models, checked once before a strategy is chosen, so that both reject it
 * alike and AUTO never falls back over it: an assignment or {@code ++}/{@code --} inside a larger
 * expression (its order of effects), and a call whose derivative or effect on arrays the generator
 * cannot know: a library method it has no model of, a plain method of the sources returning a
 * floating-point value, or one that may write an array it is given.
 */
public final class SharedFence {

    private final MethodRequest request;
    private final Calls calls;
    private final ArrayEffects effects;
    private final MethodIndex index;
    private final Map<String, Integer> arrays = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Calls inside a replaced row's value, reported with the row. */
    private final Set<MethodCallExpr> rowCalls = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private SharedFence(MethodRequest request, MethodIndex index) {
        this.request = request;
        this.calls = new Calls(new Lowering(request, index));
        this.effects = new ArrayEffects(index);
        this.index = index;
        for (Parameter p : request.declaration().getParameters()) {
            ArrayEffects.dims(p.getType()).ifPresent(d -> arrays.put(p.getNameAsString(), d));
        }
        for (VariableDeclarator v : request.declaration().findAll(VariableDeclarator.class)) {
            ArrayEffects.dims(v.getType()).ifPresent(d -> arrays.put(v.getNameAsString(), d));
        }
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
                    .forEach(f::call);
        });
        return List.copyOf(f.diagnostics);
    }

    /** Assignments and updates that are not statements of their own (the outermost of a nest only). */
    /**
     * {@code String} and enum variables are assigned once: a parameter never, a local where it is
     * declared, at the method's top level, so that no loop or branch overwrites one. Neither strategy
     * then saves one: the reverse sweep finds each as the forward sweep left it.
     */
    private void assignedOnce(com.github.javaparser.ast.stmt.BlockStmt body) {
        Set<String> objects = new java.util.TreeSet<>();
        for (Parameter p : request.declaration().getParameters()) {
            if (dev.adjoint.generator.select.ValueTypes.of(p.getType())
                    .filter(Ty::isObject)
                    .isPresent()) {
                objects.add(p.getNameAsString());
            }
        }
        for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
            if (dev.adjoint.generator.select.ValueTypes.of(v.getType())
                    .filter(Ty::isObject)
                    .isEmpty()) {
                continue;
            }
            objects.add(v.getNameAsString());
            Optional<Node> statement = v.getParentNode().flatMap(Node::getParentNode);
            boolean topLevel = statement
                    .filter(s -> s instanceof ExpressionStmt)
                    .flatMap(Node::getParentNode)
                    .filter(b -> b == body)
                    .isPresent();
            if (v.getInitializer().isEmpty() || !topLevel) {
                error(
                        v,
                        "local '" + v.getNameAsString() + "' of type " + v.getType() + " is declared "
                                + (topLevel ? "without a value" : "inside a block or loop")
                                + ": a String or enum local is assigned once, where it is declared at the top"
                                + " level of the method (neither strategy saves one); declare it there with its value, or use the value"
                                + " where it is needed");
            }
        }
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n
                    && objects.contains(n.getNameAsString())) {
                error(
                        a,
                        "cannot assign the String or enum variable '" + n
                                + "': such a variable is assigned once, where it is"
                                + " declared (neither strategy saves one); use another local for the new value");
            }
        }
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
            String row = Positions.oneLine(a.getTarget());
            error(
                    a,
                    "'" + Positions.oneLine(a) + "' replaces the row " + row + " of array '" + n
                            + "' by another array: neither"
                            + " strategy follows a row that names another array; copy the elements instead (System.arraycopy(src, 0, "
                            + row
                            + ", 0, n);), exchange them one by one for a row swap (for (int j = 0; j < n; j++) { double t = "
                            + row
                            + "[j]; ... }), or keep an int[] of row indices and read " + n + "[perm[i]][j]");
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
                            + " inside an expression is not supported: each assignment and update must be a statement of its own, so"
                            + " that both strategies see its effect where Java performs it; move it to its own statement before or after");
        }
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

    /** Whether {@code m} is a call the generator knows nothing of, which {@link #call} reports. */
    private boolean unknown(MethodCallExpr m) {
        return !(calls.isBuiltin(m)
                        || isMathScoped(m)
                        || Calls.isPrint(m)
                        || Calls.isMessageFormat(m)
                        || calls.onInactiveReceiver(m).isPresent())
                && calls.resolve(m).isEmpty();
    }

    private void call(MethodCallExpr m) {
        if (rowCalls.contains(m)) {
            return; // (the row it replaces is reported)
        }
        if (calls.isBuiltin(m)
                || isMathScoped(m)
                || Calls.isPrint(m)
                || Calls.isMessageFormat(m)
                || calls.onInactiveReceiver(m).isPresent()) {
            return; // Math without a derivative rule: each strategy says so in its own words
        }
        Optional<MethodIndex.Entry> target = calls.resolve(m);
        String name = m.getScope().map(s -> s + ".").orElse("") + m.getNameAsString();
        if (target.isEmpty()) {
            if (m.getScope()
                    .filter(s ->
                            s.findFirst(MethodCallExpr.class, this::unknown).isPresent())
                    .isPresent()) {
                return; // called on what an unknown call returns (a stream's chain): that call is the one reported
            }
            if (isModelledLibraryCall(m)) {
                error(
                        m,
                        "'" + name
                                + "(...)' is differentiated only as a statement of its own between 1-D arrays named by variables"
                                + " (Arrays.copyOf, Arrays.copyOfRange and clone() only as the initializer of a local array's declaration,"
                                + " or assigned to a row of a local declared new double[n][]);"
                                + " write it that way, or copy the elements in a loop");
            } else {
                error(
                        m,
                        "call to '" + name
                                + "' is not supported: it is not a java.lang.Math function, a @Differentiable or"
                                + " @CustomDerivative method, or a static method of the project's sources, so the generator knows neither"
                                + " its derivative nor what it does to the arrays it is given; compute its result outside the"
                                + " @Differentiable method and pass it in, or write the computation with supported constructs");
            }
            return;
        }
        MethodIndex.Entry t = target.get();
        Optional<Expression> array = m.getArguments().stream()
                .filter(a -> ArrayEffects.passesArray(a, arrays, Set.of()))
                .findFirst();
        if (t.differentiable().isPresent()) {
            Optional<Node> passive = passiveConsumer(m);
            if (array.isPresent() && passive.isPresent() && effects.mayWrite(t)) {
                error(
                        m,
                        "call to '" + m.getNameAsString() + "', which may write into the array '"
                                + Positions.oneLine(array.get())
                                + "' it is given, where its value has no derivative ("
                                + Positions.oneLine(passive.get()) + "): both strategies"
                                + " compute such a value by calling the method itself, so its write would not be followed; call it in a"
                                + " statement of its own first (double v = " + m.getNameAsString()
                                + "(...);) and use v there");
            }
            return;
        }
        Optional<String> missing = index.classpath().problem(t.declaration());
        if (missing.isPresent()) {
            error(m, "call to '" + name + "' cannot be differentiated: " + missing.get());
            return;
        }
        Optional<String> recordMethod = RecordMethods.madeFrom(t.declaration());
        if (recordMethod.isPresent()) {
            error(
                    m,
                    "'" + RecordMethods.writtenCall(m).orElse(recordMethod.get() + "(...)") + "' calls "
                            + recordMethod.get() + ", whose body stands in for the call only where the call may become"
                            + " statements: not under &&, || or ?:, not in a loop's condition, not in a method that calls"
                            + " itself, not past " + dev.adjoint.generator.desugar.Desugaring.INLINED_STATEMENTS
                            + " statements; call it in a statement of its own with its result in a local"
                            + " (double v = ...;) and use the local there");
            return;
        }
        if (t.declaration().getAnnotationByName("Differentiable").isPresent()) {
            error(
                    m,
                    "call to '" + m.getNameAsString()
                            + "', which is marked @Differentiable but cannot be differentiated itself"
                            + " (see the error at its declaration): fix that method first");
            return;
        }
        if (dev.adjoint.generator.select.ImplicitCallees.differentiable(t)) {
            // a plain helper Adjoint tried to differentiate, which its own error (at its declaration) says why it
            // cannot
            error(
                    m,
                    "call to '" + m.getNameAsString()
                            + "', which Adjoint differentiates without an annotation because a"
                            + " @Differentiable method calls it, but which cannot be differentiated itself (see the error at its"
                            + " declaration): fix that method first, or supply its pullback with @CustomDerivative(of = \""
                            + m.getNameAsString() + "\")");
            return;
        }
        if (t.result().filter(Ty::isFloating).isPresent()
                && t.declaration().getType().isArrayType()) {
            error(
                    m,
                    "call to '" + m.getNameAsString()
                            + "' returns an array, which a plain helper hands to its caller only by"
                            + " having its body inlined where it is called, and this call could not be: the call stands under &&, || or ?:"
                            + " or in a loop's condition, the helper is recursive or private to another class, or its body holds what"
                            + " cannot move into the caller (a lambda, a local class, try, this, more than "
                            + dev.adjoint.generator.desugar.Desugaring.INLINED_STATEMENTS
                            + " statements, a call to another class of the"
                            + " sources, an assignment to a field); assign the result to a local in a statement of its own"
                            + " (double[] r = " + m.getNameAsString() + "(...);)");
            return;
        }
        if (t.result().filter(Ty::isFloating).isPresent()) {
            error(
                    m,
                    "call to '" + m.getNameAsString()
                            + "' returns a floating-point value but is neither @Differentiable nor given"
                            + " a @CustomDerivative"
                            + (t.isPrivate()
                                    ? "; a private method is not differentiated without an annotation where its"
                                            + " body cannot replace the call (recursion, a call under &&, || or ?: or in a loop's condition, a method of"
                                            + " another class or of more than "
                                            + dev.adjoint.generator.desugar.Desugaring.INLINED_STATEMENTS
                                            + " statements): make it package-private, or annotate it"
                                    : ": its derivative is unknown"
                                            + " (Adjoint differentiates the plain methods a @Differentiable method calls when they are static, not"
                                            + " private, not generic, and take a float or double)")
                            + "; or supply its pullback with"
                            + " @CustomDerivative(of = \"" + m.getNameAsString() + "\")");
            return;
        }
        if (array.isPresent() && effects.mayWrite(t)) {
            Expression written = ArrayEffects.writtenArgument(t, m).orElse(array.get());
            error(
                    m,
                    "call to '" + m.getNameAsString() + "' may write into the array '" + Positions.oneLine(written)
                            + "' it is given, and '" + m.getNameAsString()
                            + "' is not @Differentiable: neither strategy can follow"
                            + " that change, so the gradient would miss it; write the elements in this method, or make '"
                            + m.getNameAsString() + "' a @Differentiable method that returns a value");
        }
    }

    /**
     * The expression around {@code call} that makes its value one without derivative (a comparison,
     * a condition, an index, a cast to an integer, another method's argument), if any: there the
     * strategies copy the expression, call and all, instead of differentiating the call.
     */
    private Optional<Node> passiveConsumer(MethodCallExpr call) {
        Node child = call;
        for (Node p = call.getParentNode().orElse(null);
                p != null && !(p instanceof com.github.javaparser.ast.stmt.Statement);
                child = p, p = p.getParentNode().orElse(null)) {
            boolean passive = (p instanceof com.github.javaparser.ast.expr.BinaryExpr b
                            && switch (b.getOperator()) {
                                case PLUS, MINUS, MULTIPLY, DIVIDE -> false;
                                default -> true;
                            })
                    || (p instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT)
                    || (p instanceof com.github.javaparser.ast.expr.CastExpr c
                            && !Set.of("double", "float").contains(c.getType().asString()))
                    || (p instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a && a.getIndex() == child)
                    || (p instanceof com.github.javaparser.ast.expr.ConditionalExpr c && c.getCondition() == child)
                    || (p instanceof MethodCallExpr outer
                            && !calls.isBuiltin(outer)
                            && calls.differentiableCallee(outer).isEmpty());
            if (passive) {
                return Optional.of(p);
            }
        }
        Node stmt = child.getParentNode().orElse(null);
        boolean condition = stmt instanceof com.github.javaparser.ast.stmt.IfStmt
                || stmt instanceof com.github.javaparser.ast.stmt.WhileStmt
                || stmt instanceof com.github.javaparser.ast.stmt.DoStmt
                || stmt instanceof ForStmt
                || stmt instanceof com.github.javaparser.ast.stmt.SwitchStmt;
        return condition ? Optional.of(child) : Optional.empty();
    }

    private boolean isMathScoped(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return DerivativeRules.isMathClass(scope)
                || (scope.isEmpty() && request.importsMathMethod(m.getNameAsString()));
    }

    private static boolean isModelledLibraryCall(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        String name = m.getNameAsString();
        return (name.equals("arraycopy") && (scope.equals("System") || scope.equals("java.lang.System")))
                || ((scope.equals("Arrays") || scope.equals("java.util.Arrays"))
                        && Set.of("fill", "copyOf", "copyOfRange").contains(name))
                || (name.equals("clone")
                        && m.getArguments().isEmpty()
                        && m.getScope().isPresent());
    }

    /** What the desugar pass could not move out of an expression (see desugar's SwitchHoisting). */
    static final String SWITCH_INSIDE_EXPRESSION =
            "'switch' expression inside a larger expression is not supported: it cannot run"
                    + " before the rest of the statement (what Java evaluates before it has an effect or reads a variable it assigns; it may"
                    + " not run at all: under &&, ||, ?:, in a loop's condition or a case; or its type is not clear from its results);"
                    + " assign it to a local in a statement of its own first";

    /** A {@code switch} expression that is not the whole value of a declaration, an assignment or a {@code return}. */
    static boolean insideExpression(Node sx) {
        Node p = sx.getParentNode().orElse(null);
        return !(p instanceof VariableDeclarator
                || p instanceof AssignExpr
                || p instanceof com.github.javaparser.ast.stmt.ReturnStmt);
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
