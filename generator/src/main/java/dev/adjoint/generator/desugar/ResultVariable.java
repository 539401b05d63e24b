package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.parse.Positions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A method (or a helper about to be inlined) whose returns give arrays of different lengths, each
 * new in the call: arrays created at the {@code return} ({@code return new double[0];},
 * {@code return new double[] {a, b};}) beside at most one local array {@code y} that is only ever
 * given arrays created with {@code new} (or an initialiser) returns one variable instead. {@code y}
 * (or a fresh {@code result0}) is declared first, as an empty array; its declaration becomes an
 * assignment of the array it created, and each return of a created array assigns that array to the
 * variable and returns the variable:
 *
 * <pre>
 * if (n == 0) {                               double[] y = new double[0];
 *     return new double[0];                   if (n == 0) {
 * }                                               y = new double[0];
 * double[] y = new double[n];                     return y;
 * for (...) y[i] = ...;                       }
 * return y;                                   y = new double[n];
 *                                             for (...) y[i] = ...;
 *                                             return y;
 * </pre>
 *
 * Java's meaning is unchanged: each return hands the caller the array it handed before, created in
 * this call and held by nothing else, and every use of {@code y} stood in its scope, after its
 * declaration, so none sees the empty array. An array created at a return may not read the variable
 * (its old value would be gone once assigned), nor {@code y}'s creations read {@code y}. Both
 * strategies then see one local array that every return returns, declared before the first, and
 * assignments of new arrays to it: references they follow (the array of each creation is the
 * variable's from there on). Several such local arrays returned ({@code if (c) return a; return b;})
 * cannot all be that variable, since they live side by side: each return then copies its local into a
 * fresh array of its length, which the variable holds ({@link #copied}). A return of
 * {@code a.clone()} (a parameter, a local, a field: a new array of its values) stands as an array
 * created there, written as that copy. So does a local read by another return, or given other
 * names, and a return of a call whose callee returns only arrays new in its call
 * ({@link #returnsNewArrays}: {@code if (c) return sq(x); return cube(x);}), its array held first by a
 * local of its own; locals given such calls' arrays are copied too. A copy is what Java's caller
 * would see: the same values, in an array no one else holds.
 */
final class ResultVariable {
    private ResultVariable() {}

    /**
     * Rewrites {@code returns} of {@code m} so when they are such returns of arrays of
     * {@code element}; whether it did.
     */
    static boolean rewrite(
            MethodDeclaration m,
            BlockStmt body,
            List<ReturnStmt> returns,
            PrimitiveType element,
            Rewriter rw,
            Predicate<MethodCallExpr> newFromCall) {
        Set<String> locals = new LinkedHashSet<>();
        boolean calls = false;
        for (ReturnStmt r : returns) {
            Expression e = r.getExpression().orElse(null);
            if (e instanceof NameExpr n) {
                locals.add(n.getNameAsString());
            } else if (e instanceof MethodCallExpr c && cloned(e).isEmpty() && newFromCall.test(c)) {
                calls = true;
            } else if (!created(e, element) && cloned(e).isEmpty()) {
                return false;
            }
        }
        if (returns.stream().allMatch(r -> r.getExpression().orElseThrow() instanceof NameExpr) && locals.size() == 1) {
            // one local array returned everywhere: both strategies take it as it is, unless it is given a call's
            // array or a copy (y = step(y, h); if (...) return y;), which they follow only up to a return of it
            String only = locals.iterator().next();
            boolean given = !body.findAll(
                            AssignExpr.class,
                            a -> a.getTarget() instanceof NameExpr t
                                    && t.getNameAsString().equals(only)
                                    && !created(a.getValue(), element))
                    .isEmpty();
            return given && copied(m, body, returns, locals, element, rw, newFromCall);
        }
        String local = locals.size() == 1 ? locals.iterator().next() : null;
        Optional<VariableDeclarator> declared = local == null
                ? Optional.empty()
                : onlyArraysFrom(m, body, local, element, e -> created(e, element), false);
        boolean alone = declared.isPresent()
                && body.findAll(NameExpr.class, n -> n.getNameAsString().equals(local)).stream()
                        .allMatch(
                                ResultVariable
                                        ::indexedOrReturned); // (double[] z = y; would not follow the arrays assigned)
        String name = local != null ? local : rw.fresh("result");
        boolean readBack = returns.stream()
                .map(r -> r.getExpression().orElseThrow())
                .anyMatch(e -> !(e instanceof NameExpr) && reads(e, name));
        if (locals.size() > 1 || calls || (local != null && (!alone || readBack))) {
            return copied(m, body, returns, locals, element, rw, newFromCall);
        }
        if (readBack) {
            return false;
        }
        ExpressionStmt first = emptyArray(
                name,
                element,
                declared.map(v -> (com.github.javaparser.ast.Node) v).orElse(returns.get(0)));
        if (declared.isPresent()) {
            VariableDeclarator v = declared.get();
            Statement declaration =
                    (Statement) v.getParentNode().orElseThrow().getParentNode().orElseThrow();
            Expression init = v.getInitializer().orElseThrow();
            Expression array = init instanceof ArrayInitializerExpr values
                    ? new ArrayCreationExpr(element.clone(), new NodeList<>(new ArrayCreationLevel()), values.clone())
                    : init.clone();
            declaration.replace(assignment(name, array, declaration));
        }
        for (ReturnStmt r : returns) {
            Expression e = r.getExpression().orElseThrow();
            if (!(e instanceof NameExpr)) {
                assignAndReturn(name, r, element, rw);
            }
        }
        body.getStatements().addFirst(first);
        return true;
    }

    /**
     * Replaces {@code return e;} ({@code e} created there, or {@code a.clone()}) by {@code name = e;
     * return name;}; a clone as {@code a}'s values copied into a fresh array of its length.
     */
    private static void assignAndReturn(String name, ReturnStmt r, PrimitiveType element, Rewriter rw) {
        Expression e = r.getExpression().orElseThrow();
        Optional<NameExpr> source = cloned(e);
        if (source.isPresent()) {
            r.replace(copy(name, source.get(), element, rw, r));
            return;
        }
        ReturnStmt back = Positions.standAt(new ReturnStmt(new NameExpr(name)), r);
        BlockStmt both = new BlockStmt(new NodeList<>(assignment(name, e, r), back));
        Positions.placeAt(both, r);
        r.replace(both);
    }

    /** {@code { name = new element[a.length]; for (...) name[k] = a[k]; return name; }}, standing at {@code r}. */
    private static Statement copy(String name, NameExpr a, PrimitiveType element, Rewriter rw, ReturnStmt r) {
        return rw.statement(
                "{ #r# = new #t#[#a#.length]; for (int #k# = 0; #k# < #a#.length; #k#++) { #r#[#k#] = #a#[#k#]; }"
                        + " return #r#; }",
                Map.of("#r#", name, "#t#", element.asString(), "#a#", a.getNameAsString(), "#k#", rw.fresh("k")),
                Map.of(),
                r);
    }

    /** The array {@code a} of {@code a.clone()}, a name: a new array of its values. */
    private static Optional<NameExpr> cloned(Expression e) {
        return e instanceof MethodCallExpr c
                        && c.getNameAsString().equals("clone")
                        && c.getArguments().isEmpty()
                        && c.getScope().orElse(null) instanceof NameExpr a
                ? Optional.of(a)
                : Optional.empty();
    }

    /**
     * Returns of several local arrays ({@code if (c) return a; return b;}), each given only arrays
     * created with {@code new} or an initialiser, beside arrays created at a return: each return of
     * a local copies it into a fresh array of its length, held by one variable declared first,
     * which every return returns. The caller gets an array of the same values that nothing else
     * holds, as Java's would be (the local's array was created in this call and is dropped with
     * it).
     */
    private static boolean copied(
            MethodDeclaration m,
            BlockStmt body,
            List<ReturnStmt> returns,
            Set<String> locals,
            PrimitiveType element,
            Rewriter rw,
            Predicate<MethodCallExpr> newFromCall) {
        Predicate<Expression> madeHere = newArrays(element, newFromCall);
        for (String local : locals) {
            if (onlyArraysFrom(m, body, local, element, madeHere, true).isEmpty()) {
                return false;
            }
        }
        String name = rw.fresh("result");
        for (ReturnStmt r : returns) {
            Expression e = r.getExpression().orElseThrow();
            if (e instanceof NameExpr local) {
                r.replace(copy(name, local, element, rw, r));
            } else if (e instanceof MethodCallExpr c && cloned(e).isEmpty()) {
                // the callee's array, new in its call, held first by a local of its own (static for both strategies)
                String made = rw.fresh(c.getNameAsString() + "Result");
                ExpressionStmt held = new ExpressionStmt(
                        new VariableDeclarationExpr(new VariableDeclarator(new ArrayType(element.clone()), made, c)));
                Positions.standAt(held, r);
                Statement copying = copy(name, new NameExpr(made), element, rw, r);
                copying.asBlockStmt().getStatements().addFirst(held);
                r.replace(copying);
            } else {
                assignAndReturn(name, r, element, rw);
            }
        }
        body.getStatements().addFirst(emptyArray(name, element, returns.get(0)));
        return true;
    }

    /**
     * Whether every return of {@code h}, a method returning a 1-D array of numbers, gives an array new
     * in the call that nothing else holds: created there ({@code new}, an initialiser), a copy
     * ({@code a.clone()}), a call {@code newFromCall} accepts, or a local only ever given such arrays. A caller returning such a
     * call's array beside other returns may then return a copy of it: no one else can see the
     * difference.
     */
    static boolean returnsNewArrays(MethodDeclaration h, Predicate<MethodCallExpr> newFromCall) {
        if (!(h.getType() instanceof ArrayType a)
                || a.getArrayLevel() != 1
                || !(a.getElementType() instanceof PrimitiveType element)
                || h.getBody().isEmpty()
                || !h.getBody().get().findAll(LambdaExpr.class).isEmpty()
                || !h.getBody().get().findAll(TypeDeclaration.class).isEmpty()) {
            return false;
        }
        BlockStmt body = h.getBody().get();
        List<ReturnStmt> returns = body.findAll(ReturnStmt.class);
        Predicate<Expression> madeHere = newArrays(element, newFromCall);
        return !returns.isEmpty()
                && returns.stream()
                        .map(r -> r.getExpression().orElse(null))
                        .allMatch(e -> madeHere.test(e)
                                || (e instanceof NameExpr n
                                        && onlyArraysFrom(h, body, n.getNameAsString(), element, madeHere, true)
                                                .isPresent()));
    }

    /** Arrays new where they stand: created ({@code new}, an initialiser), a copy ({@code a.clone()}), or a call {@code newFromCall} accepts. */
    private static Predicate<Expression> newArrays(PrimitiveType element, Predicate<MethodCallExpr> newFromCall) {
        return e ->
                created(e, element) || cloned(e).isPresent() || (e instanceof MethodCallExpr c && newFromCall.test(c));
    }

    /** {@code element[] name = new element[0];}, standing at {@code at}. */
    private static ExpressionStmt emptyArray(String name, PrimitiveType element, com.github.javaparser.ast.Node at) {
        ArrayCreationExpr empty = new ArrayCreationExpr(
                element.clone(), new NodeList<>(new ArrayCreationLevel(new IntegerLiteralExpr("0"))), null);
        ExpressionStmt first = new ExpressionStmt(
                new VariableDeclarationExpr(new VariableDeclarator(new ArrayType(element.clone()), name, empty)));
        return Positions.standAt(first, at);
    }

    /** {@code name = array;}, standing at {@code at} (the array keeps the user's positions). */
    private static ExpressionStmt assignment(String name, Expression array, com.github.javaparser.ast.Node at) {
        AssignExpr assign = new AssignExpr(new NameExpr(name), array, AssignExpr.Operator.ASSIGN);
        ExpressionStmt s = new ExpressionStmt(assign);
        Positions.placeAt(assign.getTarget(), at);
        Positions.placeAt(assign, at);
        Positions.placeAt(s, at);
        return s;
    }

    /** Whether {@code e} is {@code new element[n]} or {@code new element[] {a, b, ...}} of numbers. */
    private static boolean created(Expression e, PrimitiveType element) {
        return e instanceof ArrayCreationExpr c
                && c.getLevels().size() == 1
                && c.getElementType().equals(element)
                && (c.getLevels().get(0).getDimension().isPresent()
                        || c.getInitializer()
                                .filter(i -> i.getValues().stream().noneMatch(Expression::isArrayInitializerExpr))
                                .isPresent());
    }

    /**
     * The one declaration of the local array {@code name}, when it is of {@code element}, declared
     * alone in a statement of a block and given arrays {@code madeHere} accepts (new in the call),
     * here and at every assignment, which do not read it unless it is {@code copied} at its returns
     * ({@code y = step(y, h);} then gives it a new array like any other), and every use of the name in
     * {@code body} is that local in its scope; empty otherwise.
     */
    private static Optional<VariableDeclarator> onlyArraysFrom(
            MethodDeclaration m,
            BlockStmt body,
            String name,
            PrimitiveType element,
            Predicate<Expression> madeHere,
            boolean copied) {
        if (m.getParameters().stream().anyMatch(q -> q.getNameAsString().equals(name))) {
            return Optional.empty();
        }
        List<VariableDeclarator> all =
                body.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name));
        if (all.size() != 1) {
            return Optional.empty();
        }
        VariableDeclarator v = all.get(0);
        boolean alone = v.getParentNode().orElse(null) instanceof VariableDeclarationExpr d
                && d.getVariables().size() == 1
                && d.getParentNode().orElse(null) instanceof ExpressionStmt s
                && s.getParentNode().orElse(null) instanceof BlockStmt;
        Optional<Expression> init = v.getInitializer();
        boolean typed = v.getType() instanceof ArrayType t
                ? t.getArrayLevel() == 1 && t.getElementType().equals(element)
                : v.getType().isVarType()
                        && init.filter(i -> created(i, element)).isPresent();
        boolean createdHere = init.filter(i -> madeHere.test(i)
                        || (i instanceof ArrayInitializerExpr values
                                && values.getValues().stream().noneMatch(Expression::isArrayInitializerExpr)))
                .filter(i -> !reads(i, name))
                .isPresent();
        if (!alone || !typed || !createdHere) {
            return Optional.empty();
        }
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr target
                    && target.getNameAsString().equals(name)
                    && (a.getOperator() != AssignExpr.Operator.ASSIGN
                            || !madeHere.test(a.getValue())
                            || (!copied && reads(a.getValue(), name)))) {
                return Optional.empty();
            }
        }
        for (NameExpr use :
                body.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (Rewriter.declarationInScope(use, name).filter(d -> d == v).isEmpty()) {
                return Optional.empty(); // a field of that name, read before the local is declared
            }
        }
        return Optional.of(v);
    }

    /**
     * Whether {@code use} of the local stands where no other name can come to hold its array: indexed,
     * asked its length, iterated, assigned, returned, or handed to a method (a helper inlined, or a
     * callee that only reads it).
     */
    private static boolean indexedOrReturned(NameExpr use) {
        com.github.javaparser.ast.Node parent = use.getParentNode().orElse(null);
        return (parent instanceof ArrayAccessExpr x && x.getName() == use)
                || (parent instanceof FieldAccessExpr f && f.getScope() == use)
                || (parent instanceof AssignExpr a && a.getTarget() == use)
                || (parent instanceof ForEachStmt e && e.getIterable() == use)
                || parent instanceof ReturnStmt
                || (parent instanceof MethodCallExpr c && c.getArguments().contains(use));
    }

    /** Whether {@code e} names {@code name}. */
    private static boolean reads(Expression e, String name) {
        return !e.findAll(NameExpr.class, n -> n.getNameAsString().equals(name)).isEmpty();
    }
}
