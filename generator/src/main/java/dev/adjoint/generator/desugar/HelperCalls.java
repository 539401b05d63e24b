package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.rules.DerivativeRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A call to a helper of the caller's class ({@link Helpers} says which) as the helper's body, so
 * that both strategies differentiate one method with exact aliasing: Java passes arrays by
 * reference, and after inlining an array parameter <em>is</em> the argument's name (the same array
 * passed twice is one array; what the helper writes, the caller sees).
 *
 * <pre>
 * s += sigmoid(v);                 double sigmoidValue0 = 1 / (1 + Math.exp(-v)); s += sigmoidValue0;
 * double[] h = affine(w, b, x);    double[] h = new double[b.length]; for (int i0 = 0; ...) ... h[i0] = s0; ...
 * matvec(w, x, h);                 for (int i0 = 0; i0 &lt; h.length; i0++) { ... h[i0] = s0; }
 * </pre>
 *
 * A scalar parameter becomes a fresh local holding the argument (or the argument's own name, when
 * it has the parameter's type and the helper never assigns the parameter); an array parameter is
 * the argument's name (an argument that is not a variable leaves the call as written, except a new
 * array, {@code new double[n]} or of elements, which becomes a fresh local). Every local
 * and label of the helper gets a fresh name, so nothing of the caller is captured or hidden. A
 * helper whose only {@code return} ends its body is spliced in as is; otherwise its body runs in
 * {@code name0: do { ... } while (false);} with each {@code return e;} as {@code result = e; break name0;}
 * ({@link SplicedBodies}).
 * The helper's nodes keep their own positions: errors and {@code // grad of} comments point at the
 * helper's lines (it is in the caller's file). The call is replaced where Java's order of
 * evaluation allows it: in a statement, a declaration's or assignment's value, a {@code return},
 * an {@code if} condition, a for-each's array or a {@code switch}'s selector, not under
 * {@code &&}, {@code ||} or {@code ?:} (it may not run), nor in a loop's condition (it runs again).
 * A helper that may write arrays is replaced only where it is the whole value.
 */
final class HelperCalls {
    /** Statements inlined into one method at most; past it, calls stay calls (see {@code size/}). */
    static final int BUDGET = 600;

    private final Rewriter rw;
    private final Helpers helpers;
    private final ForeignHelpers foreign;
    private final OwnHelperNames own;
    private final MethodDeclaration caller;
    /** Whether an unqualified call of that name is {@code Math}'s here (the caller's file: its helpers' too). */
    private final Predicate<String> importedMath;

    private final SplicedBodies spliced;
    private final Set<MethodDeclaration> inlined = Collections.newSetFromMap(new IdentityHashMap<>());
    private int spent;

    HelperCalls(
            Rewriter rw,
            Helpers helpers,
            ForeignHelpers foreign,
            OwnHelperNames own,
            MethodDeclaration caller,
            Predicate<String> importedMath) {
        this.rw = rw;
        this.helpers = helpers;
        this.foreign = foreign;
        this.own = own;
        this.caller = caller;
        this.importedMath = importedMath;
        this.spliced = new SplicedBodies(rw, caller);
    }

    /** The helpers inlined so far. */
    Set<MethodDeclaration> inlined() {
        return Collections.unmodifiableSet(inlined);
    }

    /** The statements {@code s} stands for with its first inlinable call replaced, or empty. */
    Optional<List<Statement>> rewrite(Statement s) {
        // calls met before that stay calls; one that encloses c runs after c (its arguments first)
        List<MethodCallExpr> stay = new ArrayList<>();
        for (Expression root : CallSites.ownExpressions(s)) {
            for (MethodCallExpr c : root.findAll(MethodCallExpr.class)) {
                if (isAnyMath(c)) {
                    continue;
                }
                boolean after = stay.stream().anyMatch(earlier -> !earlier.isAncestorOf(c));
                Optional<MethodDeclaration> h = helpers.target(c)
                        .filter(t -> helpers.inlinable(t) || (passesRow(c, t) && helpers.canInline(t)))
                        .or(() -> foreign.target(c).filter(foreign::inlinable));
                if (h.isPresent() && CallSites.runsOnce(c, s)) {
                    if ((!after || independent(c, h.get()))
                            && (!Helpers.writesArrays(h.get())
                                    || CallSites.whole(c, s)
                                    || CallSites.firstToReadArrays(c, s, this::isAnyMath))) {
                        Optional<List<Statement>> out = inline(c, s, h.get());
                        if (out.isPresent()) {
                            return out;
                        }
                    } else {
                        // what comes first runs first, into locals; the call is then first (next round)
                        Optional<List<Statement>> split = CallSites.earlierIntoLocals(c, s, rw, this::isAnyMath);
                        if (split.isPresent()) {
                            return split;
                        }
                    }
                }
                stay.add(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code c} calls a helper that hands back an array or may write one it is given: only
     * its body, inlined, can stand for it, so under {@code &&}, {@code ||} or {@code ?:} the
     * statement is first split into the branches Java's evaluation takes ({@link ShortCircuits}).
     */
    boolean standsOnlyInlined(MethodCallExpr c) {
        Optional<MethodDeclaration> h = helpers.target(c)
                .filter(helpers::inlinable)
                .or(() -> foreign.target(c).filter(foreign::inlinable));
        return h.filter(t -> t.getType() instanceof ArrayType
                        || Helpers.writesArrays(t)
                        || dev.adjoint.generator.objects.InlinedCallees.takesLeaves(t)
                        || dev.adjoint.generator.objects.ListParam.takesLists(t))
                .isPresent();
    }

    /** A {@code Math}/{@code StrictMath} call by its class: no effect on arrays, so calls may move past it. */
    static boolean isMath(MethodCallExpr c) {
        return c.getScope().map(s -> DerivativeRules.isMathClass(s.toString())).orElse(false);
    }

    /** {@link #isMath}, or an unqualified call the file's static imports make a {@code Math} one ({@code pow(x, 2)}). */
    private boolean isAnyMath(MethodCallExpr c) {
        return isMath(c) || (c.getScope().isEmpty() && importedMath.test(c.getNameAsString()));
    }

    /**
     * Whether {@code c} may move before calls that stay calls: it reads no array (its arguments and
     * body name none), so what those calls write cannot change its value.
     */
    private boolean independent(MethodCallExpr c, MethodDeclaration h) {
        return !foreign.isForeign(h)
                && h.getParameters().stream().noneMatch(p -> p.getType() instanceof ArrayType)
                && c.getArguments().stream()
                        .allMatch(a -> a.findAll(ArrayAccessExpr.class).isEmpty()
                                && a.findAll(MethodCallExpr.class).isEmpty())
                && h.getBody().get().findAll(ArrayAccessExpr.class).isEmpty()
                && h.getBody().get().findAll(MethodCallExpr.class).stream().allMatch(this::isAnyMath);
    }

    private Optional<List<Statement>> inline(MethodCallExpr c, Statement s, MethodDeclaration h) {
        int size = h.getBody().get().findAll(Statement.class).size();
        if (spent + size > BUDGET) {
            if (spent > 0 && size <= BUDGET) {
                c.setData(Desugaring.INLINED_BEFORE, spent); // (too long alone: CallFence says that)
            }
            return Optional.empty();
        }
        if (!freeNamesVisible(h)) {
            return Optional.empty();
        }
        MethodDeclaration copy = h.clone();
        if (foreign.isForeign(h)) {
            foreign.qualify(h, copy, c);
        } else {
            own.qualifyImports(h, copy);
        }
        BlockStmt body = copy.getBody().get();
        Map<String, String> names = new HashMap<>();
        List<Statement> out = new ArrayList<>();
        List<Statement> hoisted = new ArrayList<>();
        Map<String, Expression> chosen = new HashMap<>();
        for (int i = 0; i < copy.getParameters().size(); i++) {
            Parameter p = copy.getParameter(i);
            Expression arg = c.getArgument(i);
            // a variable, or a static table of the class (FW in timestep(GAMMA_S, S_STAR, FW, ...)): the same array
            boolean sameType = arg instanceof NameExpr
                    && rw.typeOf(arg)
                            .or(() -> rw.staticFieldType(arg))
                            .filter(t -> t.equals(p.getType()))
                            .isPresent();
            if (sameType && !assigned(body, p.getNameAsString())) {
                names.put(p.getNameAsString(), ((NameExpr) arg).getNameAsString());
            } else if (p.getType() instanceof ArrayType && isRow(arg) && !assigned(body, p.getNameAsString())) {
                // a row X[i]: a second name for it, which RowAliases turns back into X[i][j]
                String local = rw.fresh(p.getNameAsString());
                names.put(p.getNameAsString(), local);
                out.add(SplicedBodies.declaration(p.getType(), local, arg.clone(), c));
            } else if (p.getType() instanceof ArrayType && !(arg instanceof ArrayCreationExpr)) {
                // an array that is not a variable: the call stays. A new one (new double[n], or of elements) is a
                // fresh local: no other name refers to it, so the local is exactly the argument
                return Optional.empty();
            } else {
                String local = rw.fresh(p.getNameAsString());
                names.put(p.getNameAsString(), local);
                if (objectInBlock(h.getParameter(i), s, body)
                        && dev.adjoint.generator.select.ValueTypes.of(
                                        h.getParameter(i).getType())
                                .filter(t -> t.prim() == dev.adjoint.generator.types.Ty.Prim.ENUM)
                                .isPresent()
                        && ChosenConstants.isChoice(arg, this::isConstant)
                        && ChosenConstants.settled(c, arg)
                        && !assigned(body, p.getNameAsString())
                        && !ChosenConstants.selects(body, p.getNameAsString())) {
                    chosen.put(local, arg); // (read as the choice itself: see ChosenConstants)
                    continue;
                }
                Statement declared = SplicedBodies.declaration(p.getType(), local, arg.clone(), c);
                if (hoistable(h.getParameter(i), arg, s, body)) {
                    hoisted.add(declared);
                } else {
                    out.add(declared);
                }
            }
        }
        for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
            names.computeIfAbsent(v.getNameAsString(), rw::fresh);
        }
        rename(body, names);
        ChosenConstants.substitute(body, chosen);
        ArrayReturns.rewrite(
                copy, rw, new NewArrayCalls(caller, call -> helpers.target(call).or(() -> foreign.target(call))));
        if (SplicedBodies.returnsArraysApart(copy, body)) {
            return Optional.empty(); // the call stays: the helper's own adjoint, or its error, says what it returns
        }
        spent += size;
        inlined.add(h);
        caller.getBody().get().getStatements().addAll(0, hoisted);
        Optional<Expression> result = spliced.spliceBody(copy, body, out, c);
        Type type = copy.getType();
        if (type.isVoidType() || result.isEmpty() || (s instanceof ExpressionStmt e && e.getExpression() == c)) {
            // a void helper is a statement of its own; so is a call whose value is dropped
            result.filter(r -> !r.findAll(MethodCallExpr.class).isEmpty())
                    .ifPresent(r ->
                            out.add(SplicedBodies.declaration(type, rw.fresh(h.getNameAsString() + "Value"), r, c)));
            return Optional.of(out);
        }
        out.addAll(spliced.host(c, s, type, result.get(), out));
        return Optional.of(out);
    }

    /**
     * Whether the local standing for {@code String} or enum parameter {@code p} moves to the top of
     * the caller's body: its argument is a constant ({@code Kind.SQ}, {@code "exp"}) and the helper
     * never assigns it, while the call is inside a block or loop, where such a local may not be
     * declared (the strategies save none: see the shared fence). Declared once at the top with its
     * one value, it is what Java's parameter holds in every call.
     */
    private boolean hoistable(Parameter p, Expression arg, Statement s, BlockStmt body) {
        return objectInBlock(p, s, body) && isConstant(arg);
    }

    /**
     * Whether {@code p} is a {@code String} or enum parameter the helper never assigns, passed by a
     * call inside a block or loop of the caller.
     */
    private boolean objectInBlock(Parameter p, Statement s, BlockStmt body) {
        boolean object = dev.adjoint.generator.select.ValueTypes.of(p.getType())
                .filter(t -> t.isObject() && t.prim() != dev.adjoint.generator.types.Ty.Prim.RANDOM)
                .isPresent();
        return object
                && !assigned(body, p.getNameAsString())
                && s.getParentNode().filter(b -> b != caller.getBody().get()).isPresent();
    }

    /**
     * A string literal, or a constant named by a chain of names ({@code Kind.SQ}, {@code Lib.Mode.FAST})
     * whose first is no parameter or local of the caller (a field of a variable, {@code cfg.kind}, could
     * hold another value by the call).
     */
    private boolean isConstant(Expression e) {
        if (e instanceof com.github.javaparser.ast.expr.StringLiteralExpr) {
            return true;
        }
        Expression scope = e;
        int depth = 0;
        while (scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f) {
            scope = f.getScope();
            depth++;
        }
        if (depth == 0 || !(scope instanceof NameExpr root)) {
            return false;
        }
        String first = root.getNameAsString();
        return caller.getParameters().stream()
                        .noneMatch(q -> q.getNameAsString().equals(first))
                && caller.findAll(
                                VariableDeclarator.class,
                                v -> v.getNameAsString().equals(first))
                        .isEmpty();
    }

    /** Whether {@code c} passes a row {@code X[i]} to an array parameter of {@code h}: only its body, inlined, can follow the row. */
    private static boolean passesRow(MethodCallExpr c, MethodDeclaration h) {
        for (int i = 0; i < c.getArguments().size() && i < h.getParameters().size(); i++) {
            if (h.getParameter(i).getType() instanceof ArrayType && isRow(c.getArgument(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code X[i]} of a variable {@code X}, the index without calls or updates. */
    private static boolean isRow(Expression arg) {
        return arg instanceof ArrayAccessExpr r
                && r.getName() instanceof NameExpr
                && r.getIndex().findAll(com.github.javaparser.ast.Node.class).stream()
                        .noneMatch(n -> n instanceof MethodCallExpr || EvaluationOrder.isEffect(n));
    }

    /** Whether each name the helper's body reads from its class (fields, classes) still means that in the caller. */
    private boolean freeNamesVisible(MethodDeclaration h) {
        Set<String> own = new HashSet<>();
        h.getParameters().forEach(p -> own.add(p.getNameAsString()));
        h.findAll(VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
        Set<String> callers = new HashSet<>();
        caller.getParameters().forEach(p -> callers.add(p.getNameAsString()));
        caller.findAll(VariableDeclarator.class).forEach(v -> callers.add(v.getNameAsString()));
        return h.getBody().get().findAll(NameExpr.class).stream()
                .map(NameExpr::getNameAsString)
                .noneMatch(n -> !own.contains(n) && callers.contains(n));
    }

    private static boolean assigned(Node body, String name) {
        return body.findAll(AssignExpr.class).stream()
                        .anyMatch(a -> a.getTarget() instanceof NameExpr n
                                && n.getNameAsString().equals(name))
                || body.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> Updates.isUpdate(u.getOperator())
                                && u.getExpression() instanceof NameExpr n
                                && n.getNameAsString().equals(name));
    }

    /** Renames the helper's variables and labels in place. */
    private void rename(BlockStmt body, Map<String, String> names) {
        body.findAll(NameExpr.class).forEach(n -> {
            String to = names.get(n.getNameAsString());
            if (to != null) {
                n.setName(new SimpleName(to));
            }
        });
        body.findAll(VariableDeclarator.class).forEach(v -> {
            Positions.renamed(caller, names.get(v.getNameAsString()), v.getNameAsString());
            v.setName(names.get(v.getNameAsString()));
        });
        Map<String, String> labels = new HashMap<>();
        body.findAll(LabeledStmt.class)
                .forEach(l -> l.setLabel(
                        new SimpleName(labels.computeIfAbsent(l.getLabel().asString(), rw::fresh))));
        body.findAll(BreakStmt.class)
                .forEach(b -> b.getLabel()
                        .ifPresent(l -> b.setLabel(new SimpleName(labels.getOrDefault(l.asString(), l.asString())))));
        body.findAll(ContinueStmt.class)
                .forEach(b -> b.getLabel()
                        .ifPresent(l -> b.setLabel(new SimpleName(labels.getOrDefault(l.asString(), l.asString())))));
    }
}
