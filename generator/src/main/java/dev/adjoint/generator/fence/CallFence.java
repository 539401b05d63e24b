package dev.adjoint.generator.fence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.desugar.Desugaring;
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.objects.RecordMethods;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calls of {@link SharedFence}: a call whose derivative or effect on arrays the generator
 * cannot know, which neither strategy differentiates: a library method it has no model of (or one
 * it models only as a statement of its own), a plain method of the sources returning a
 * floating-point value or that may write an array it is given, a {@code @Differentiable} one that
 * may write an array where its value has no derivative, and a compiled one without its adjoint.
 */
final class CallFence {
    private final MethodRequest request;
    private final Calls calls;
    private final ArrayEffects effects;
    private final MethodIndex index;
    /** The method's array variables and their dimensions. */
    private final Map<String, Integer> arrays;
    /** Calls inside a replaced row's value, reported with the row. */
    private final Set<MethodCallExpr> rowCalls;

    private final List<Diagnostic> diagnostics;

    CallFence(
            MethodRequest request,
            MethodIndex index,
            Map<String, Integer> arrays,
            Set<MethodCallExpr> rowCalls,
            List<Diagnostic> diagnostics) {
        this.request = request;
        this.calls = new Calls(new Lowering(request, index));
        this.effects = new ArrayEffects(index);
        this.index = index;
        this.arrays = arrays;
        this.rowCalls = rowCalls;
        this.diagnostics = diagnostics;
    }

    /** Whether {@code m} is a call the generator knows nothing of, which {@link #call} reports. */
    private boolean unknown(MethodCallExpr m) {
        return !(calls.isBuiltin(m)
                        || isMathScoped(m)
                        || Calls.isPrint(m)
                        || Calls.inLoggerLookup(m)
                        || Calls.isLogCheck(m)
                        || Calls.inLoggerLookup(m)
                        || Calls.isLogCheck(m)
                        || Calls.isMessageFormat(m)
                        || Calls.isText(m)
                        || calls.onInactiveReceiver(m).isPresent())
                && calls.resolve(m).isEmpty();
    }

    /** Reports {@code m} if neither strategy can differentiate it. */
    void call(MethodCallExpr m) {
        if (rowCalls.contains(m)) {
            return; // (the row it replaces is reported)
        }
        if (calls.isBuiltin(m)
                || isMathScoped(m)
                || Calls.isPrint(m)
                || Calls.inLoggerLookup(m)
                || Calls.isLogCheck(m)
                || Calls.isMessageFormat(m)
                || Calls.isText(m)
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
                                + " returned by a return statement of their own, or assigned to a row of a local declared new double[n][]);"
                                + " write it that way, or copy the elements in a loop");
            } else if (MathWithoutRule.isThreadLocalRandom(m)) {
                error(
                        m,
                        "call to '" + name + "' is not supported: " + MathWithoutRule.RANDOM_WHY + "; "
                                + MathWithoutRule.RANDOM_TODO);
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
        if (dev.adjoint.generator.select.ImplicitCallees.differentiable(t)
                && index.lookup(t.ownerQualified(), t.name()).stream()
                                .filter(o -> o.arity() == t.arity())
                                .count()
                        > 1) {
            // overloads of one arity: the selection, which finds the helpers to differentiate by name and arity, left
            // it
            error(
                    m,
                    "call to '" + m.getNameAsString() + "' is not inlined here (a helper of another class taking only"
                            + " numbers, or a call under &&, || or ?:, in a loop's condition, in a recursive method, past the"
                            + " inliner's size limit), and a plain helper left a call is differentiated without an annotation"
                            + " only when its name and number of parameters name one method, and '"
                            + m.getNameAsString()
                            + "' names several of " + t.arity() + (t.arity() == 1 ? " parameter" : " parameters")
                            + "; give them different names, or call it in a"
                            + " statement of its own (double v = " + m.getNameAsString()
                            + "(...);), where it is inlined");
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
                            + " cannot move into the caller (a lambda, a local class, try, this, past the "
                            + dev.adjoint.generator.desugar.Desugaring.INLINING_BUDGET
                            + " statements inlined into one method, a call to another class of the"
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
                                    : inInterface(t.declaration())
                                            ? "; a method of an interface is not differentiated without an annotation:"
                                                    + " annotate it @Differentiable, or move it into a class"
                                            : ": its derivative is unknown"
                                                    + " (Adjoint differentiates the plain methods a @Differentiable method calls"
                                                    + " when they are static, not private, not generic, not of an interface,"
                                                    + " and take a float or double)")
                            + "; or supply its pullback with"
                            + " @CustomDerivative(of = \"" + m.getNameAsString() + "\")");
            return;
        }
        if (array.isPresent() && effects.mayWrite(t) && m.containsData(Desugaring.INLINED_BEFORE)) {
            Expression written = ArrayEffects.writtenArgument(t, m).orElse(array.get());
            error(
                    m,
                    "call to '" + m.getNameAsString() + "' is not inlined: " + m.getData(Desugaring.INLINED_BEFORE)
                            + " statements of helpers are inlined into this method before it, and with its "
                            + statements(t.declaration()) + " they would pass the " + Desugaring.INLINING_BUDGET
                            + " inlined into one method at most; '" + m.getNameAsString()
                            + "' may write into the array '"
                            + Positions.oneLine(written) + "' it is given, which is followed only where its body is"
                            + " inlined; call it in a loop, whose body is inlined once (for (int k = 0; k < n; k++) "
                            + m.getNameAsString() + "(...);)");
        } else if (array.isPresent() && effects.mayWrite(t)) {
            Expression written = ArrayEffects.writtenArgument(t, m).orElse(array.get());
            error(
                    m,
                    "call to '" + m.getNameAsString() + "' may write into the array '" + Positions.oneLine(written)
                            + "' it is given, and '" + m.getNameAsString()
                            + "' is not @Differentiable: neither strategy can follow"
                            + " that change, so the gradient would miss it; write the elements in this method, or make '"
                            + m.getNameAsString() + "' a @Differentiable method that returns a value"
                            + notInlined(t.declaration())
                            + tooLongToInline(t.declaration()));
        }
    }

    /** Why {@code h} was not inlined when it alone is past the statements inlined into one method; empty otherwise. */
    private static String tooLongToInline(com.github.javaparser.ast.body.MethodDeclaration h) {
        int size = statements(h);
        return size > dev.adjoint.generator.desugar.Desugaring.INLINING_BUDGET
                ? " ('" + h.getNameAsString() + "' has " + size + " statements, past the "
                        + dev.adjoint.generator.desugar.Desugaring.INLINING_BUDGET
                        + " that are inlined into one method, where its writes would be followed)"
                : "";
    }

    /** The statements of {@code h}'s body, as the inliner counts them. */
    private static int statements(com.github.javaparser.ast.body.MethodDeclaration h) {
        return h.getBody()
                .map(b -> b.findAll(com.github.javaparser.ast.stmt.Statement.class)
                        .size())
                .orElse(0);
    }

    /**
     * Why {@code h}, when it is a plain helper of another class, was not inlined (which would have
     * followed its writes): what its body names that the caller's adjoint cannot; empty otherwise.
     */
    private String notInlined(com.github.javaparser.ast.body.MethodDeclaration h) {
        boolean foreign = h.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                        .orElse(null)
                != request.declaration()
                        .findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                        .orElse(null);
        return foreign
                ? dev.adjoint.generator.desugar.Desugaring.untravelled(h, index, request)
                        .map(
                                n ->
                                        " (a helper of another class is inlined, which would follow the write, only when its body"
                                                + " names nothing the adjoint class cannot name as it means there; this one names '"
                                                + Positions.oneLine(n) + "', at line "
                                                + n.getBegin().map(b -> b.line).orElse(0)
                                                + " of its file: a field that is not public, of another package, or one its class"
                                                + " assigns, or a class or method that is neither of the sources nor java.lang's)")
                        .orElse("")
                : "";
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

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }

    /** Whether {@code m} is declared in an interface (whose plain methods are not differentiated, see {@code ImplicitCallees}). */
    private static boolean inInterface(com.github.javaparser.ast.body.MethodDeclaration m) {
        return m.getParentNode()
                .filter(p ->
                        p instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isInterface())
                .isPresent();
    }
}
