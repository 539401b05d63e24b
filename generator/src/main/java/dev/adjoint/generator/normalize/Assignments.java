package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.ArgumentChoices;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers the statements that store a value: declarations (local arrays included), assignments,
 * compound assignments and {@code ++}/{@code --}, with Java's implicit conversions.
 */
final class Assignments {
    private final Lowering lo;
    private final ExpressionLowering ex;

    Assignments(Lowering lo, ExpressionLowering ex) {
        this.lo = lo;
        this.ex = ex;
    }

    /** An expression statement, a for loop's initializer or update. */
    void expressionStatement(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                declare(d);
            }
        } else if (e instanceof AssignExpr a) {
            assign(a);
        } else if (e instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())) {
            boolean inc = Updates.isIncrement(u.getOperator());
            Expression target = u.getExpression();
            Expression value = new BinaryExpr(
                    target.clone(),
                    new IntegerLiteralExpr("1"),
                    inc ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS);
            store(target, value, e);
        } else if (lo.forTape
                && e instanceof com.github.javaparser.ast.expr.MethodCallExpr m
                && ex.calls().differentiableCallee(m).isEmpty()) {
            // the tape runs a call without derivative where the method runs it (note(1, x) counting calls); what it
            // may write that has a derivative the shared fence has rejected
            java.util.Set<Atom.Var> reads = new java.util.LinkedHashSet<>();
            lo.emit(new Stmt.Effect(Stmt.Effect.Kind.OUTPUT, ex.passiveText(m, reads) + ";", reads, lo.origin));
        } else {
            lo.error(e, "expression statement '" + Positions.oneLine(e) + "' has no effect the generator can use");
        }
    }

    private void declare(VariableDeclarator d) {
        // 'var' takes its initializer's type, as javac gives it
        Optional<Ty> ty = d.getType().isVarType()
                ? d.getInitializer().flatMap(ex.types()::of)
                : dev.adjoint.generator.select.ValueTypes.of(d.getType());
        if (ty.isEmpty()) {
            lo.error(d, dev.adjoint.generator.select.ValueTypes.unsupportedLocal(d.getNameAsString(), d.getType()));
            return;
        }
        // (a Random's place is the shared fence's to check; a String or enum may be declared anywhere:
        // an overwritten one is saved as a number is, on the reference stack: reverse/BlockReversal)
        Atom.Var v = lo.declare(d.getNameAsString(), ty.get());
        if (ty.get().isArray()) {
            declareArray(d, v);
            return;
        }
        if (d.getInitializer().isEmpty() || lo.depth > 0) {
            lo.hoisted.add(v);
        }
        if (d.getInitializer().isPresent()) {
            Expression init = d.getInitializer().get();
            Atom value = ex.convert(ex.expr(init), v.type(), init);
            lo.bind(d.getNameAsString(), v);
            lo.assignAtom(v, value);
        } else {
            lo.bind(d.getNameAsString(), v);
        }
    }

    /** Whether {@code call} resolves to a method of a compiled class of the classpath. */
    private boolean compiled(MethodCallExpr call) {
        return new Calls(lo)
                .resolve(call)
                .filter(e -> lo.index.classpath().isCompiled(e.declaration()))
                .isPresent();
    }

    /**
     * {@code double[] a = new double[n];} anywhere: at the method's top level it is created once; in a
     * block or loop (and after an early return, whose rest of the top level runs under a guard) it is
     * declared at the top of the generated method.
     */
    private void declareArray(VariableDeclarator d, Atom.Var v) {
        Optional<Expression> init = d.getInitializer();
        if (init.isEmpty()
                || !(init.get() instanceof ArrayCreationExpr c)
                || c.getInitializer().isPresent()
                || c.getLevels().stream().anyMatch(l -> l.getDimension().isEmpty())) {
            lo.bind(d.getNameAsString(), v); // known from here on: no follow-on errors at its uses
            if (init.isPresent() && init.get() instanceof MethodCallExpr call && compiled(call)) {
                // a method of another module or jar: no source, so no body to inline
                lo.error(
                        d,
                        "local array '" + d.getNameAsString() + "' holds the array '" + Positions.oneLine(call)
                                + "' returns: " + CallLowering.compiledArray(call.getNameAsString(), lo.strategy()));
                return;
            }
            if (init.isPresent()
                    && init.get() instanceof MethodCallExpr call
                    && ArgumentChoices.chosenArgument(call) >= 0) {
                // the inliner binds an array parameter to a variable, not to a choice between two
                int i = ArgumentChoices.chosenArgument(call);
                lo.error(
                        d,
                        "local array '" + d.getNameAsString() + "' holds the array '" + Positions.oneLine(call)
                                + "' returns, a call the generator does not inline: its argument '"
                                + Positions.oneLine(ArgumentChoices.chosen(call, i)) + "' chooses an array, and a"
                                + " helper's body is inlined only for array arguments that are variables; choose between"
                                + " the calls instead: " + d.getType() + " " + d.getNameAsString() + " = "
                                + Positions.oneLine(ArgumentChoices.ofCalls(call, i)) + ";");
                return;
            }
            Optional<dev.adjoint.generator.select.MethodIndex.Entry> callee = init.filter(
                            e -> e instanceof MethodCallExpr)
                    .flatMap(e -> new Calls(lo).resolve((MethodCallExpr) e));
            Optional<com.github.javaparser.ast.stmt.ReturnStmt> parameter =
                    callee.flatMap(e -> ReturnedParameters.of(e.declaration()));
            if (parameter.isPresent()) {
                // the callee's own error says the same at its return; here, at the use that needs it inlined
                lo.error(
                        d,
                        "local array '" + d.getNameAsString() + "' holds the array '" + Positions.oneLine(init.get())
                                + "' returns, a call the generator does not inline, as it returns different arrays ("
                                + callee.get().ownerInPackage() + "."
                                + callee.get().name() + ", line "
                                + parameter.get().getBegin().map(b -> b.line).orElse(0) + "): "
                                + ReturnedParameters.advice(callee.get().declaration(), parameter.get()));
                return;
            }
            if (init.isPresent() && init.get() instanceof MethodCallExpr call) {
                // a call left as a call (recursive, or past the inliner's limits): its array is nobody's to follow
                lo.error(
                        d,
                        "local array '" + d.getNameAsString() + "' holds the array '" + Positions.oneLine(call)
                                + "' returns, a call the generator does not inline (recursive, returning different"
                                + " arrays, past the inliner's limits, or calling a method the generator knows nothing"
                                + " of, which is an error at that call): " + lo.strategy()
                                + " takes an array result only from a helper it inlines; write the callee without"
                                + " recursion and with one result array (created before its first return, or built"
                                + " with the same number of values at each), or compute the array in this method");
                return;
            }
            if (init.isPresent()
                    && init.get() instanceof ArrayCreationExpr ragged
                    && ragged.getInitializer().isEmpty()
                    && ragged.getLevels().get(0).getDimension().isPresent()) {
                // desugar/RaggedLocals left it as written: it is used in a way a ragged local cannot be
                lo.refusedArrays.add(v);
                lo.error(
                        d,
                        "local array '" + d.getNameAsString() + "' is ragged ('" + Positions.oneLine(ragged)
                                + "', its rows created one by one), which " + lo.strategy() + " takes only declared"
                                + " at the method's top level and used through its elements ("
                                + d.getNameAsString() + "[i][j]), its rows' lengths and its own length, each row"
                                + " created with new where counted loops or fixed values give its length; a row"
                                + " passed to a method or named whole is not: copy the row into a local array"
                                + " (" + v.type().prim().java() + "[] r = " + d.getNameAsString() + "[i].clone();),"
                                + " or create the array rectangular ('new "
                                + v.type().prim().java() + "[n][m]')");
                return;
            }
            lo.error(
                    d,
                    "local array '" + d.getNameAsString() + "' must be created with 'new "
                            + v.type().prim().java()
                            + "[n]" + (v.type().dims() == 2 ? "[m]" : "")
                            + "': " + lo.strategy() + " does not follow arrays"
                            + " assigned from other arrays; create it with new and copy the elements in a loop");
            return;
        }
        lo.bind(d.getNameAsString(), v);
        create(v, c);
    }

    /**
     * {@code v = new double[n]}: in a block, or in a loop that creates it again, the creation
     * assigns the array's reference, which the reverse sweep restores as it passes it.
     */
    private void create(Atom.Var v, ArrayCreationExpr c) {
        List<Atom> dims = new ArrayList<>();
        for (var level : c.getLevels()) {
            Expression dim = level.getDimension().get();
            dims.add(ex.convert(ex.expr(dim), Ty.INT, dim));
        }
        if (lo.depth > 0) {
            lo.hoisted.add(v);
        }
        lo.emit(new Stmt.Assign(v, new Op.NewArray(dims, v.type()), lo.origin));
    }

    private void assign(AssignExpr a) {
        Expression value = a.getValue();
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
            BinaryExpr.Operator op = switch (a.getOperator()) {
                case PLUS -> BinaryExpr.Operator.PLUS;
                case MINUS -> BinaryExpr.Operator.MINUS;
                case MULTIPLY -> BinaryExpr.Operator.MULTIPLY;
                case DIVIDE -> BinaryExpr.Operator.DIVIDE;
                case REMAINDER -> BinaryExpr.Operator.REMAINDER;
                // integers' and booleans' (the types these take): values without derivative
                case BINARY_AND -> BinaryExpr.Operator.BINARY_AND;
                case BINARY_OR -> BinaryExpr.Operator.BINARY_OR;
                case XOR -> BinaryExpr.Operator.XOR;
                case LEFT_SHIFT -> BinaryExpr.Operator.LEFT_SHIFT;
                case SIGNED_RIGHT_SHIFT -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
                case UNSIGNED_RIGHT_SHIFT -> BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
                default -> null;
            };
            if (op == null) {
                lo.error(a, "compound assignment '" + a.getOperator().asString() + "' is not supported");
                return;
            }
            value = new BinaryExpr(a.getTarget().clone(), new EnclosedExpr(value.clone()), op);
            a.getValue().getRange().ifPresent(value::setRange);
        }
        store(a.getTarget(), value, a);
    }

    /** {@code target = value}, with Java's implicit narrowing for compound assignments. */
    private void store(Expression target, Expression value, Node at) {
        if (target instanceof ArrayAccessExpr acc) {
            Optional<ElementLowering.ArrayRef> ref = ex.arrayRef(acc);
            if (ref.isEmpty()) {
                return;
            }
            Atom.Var arr = ref.get().array();
            Atom v = ex.convert(ex.expr(value), new Ty(arr.type().prim(), 0), at);
            lo.emit(new Stmt.ArrayStore(arr, ref.get().indices(), v, lo.origin));
            return;
        }
        if (!(target instanceof NameExpr n)) {
            lo.error(
                    target,
                    "assignment to '" + Positions.oneLine(target)
                            + "' is not supported: only locals, parameters and array elements");
            return;
        }
        Atom.Var v = lo.lookup(n.getNameAsString()).orElse(null);
        if (v == null) {
            lo.error(
                    target,
                    dev.adjoint.generator.select.AssignedStaticFields.why(lo.request, n.getNameAsString(), true)
                            .orElse("cannot assign '" + n.getNameAsString()
                                    + "': it is not a local variable or parameter of this method"));
            return;
        }
        if (v.type().prim() == Ty.Prim.RANDOM && v.type().isObject()) {
            lo.error(
                    target,
                    "cannot assign the Random variable '" + v.name()
                            + "': a Random is assigned once, where it is declared, so that each number is drawn once"
                            + " (" + lo.strategy() + "); use another local for the new generator");
            return;
        }
        if (v.type().isArray()
                && !lo.params.contains(v)
                && value instanceof ArrayCreationExpr c
                && c.getInitializer().isEmpty()
                && c.getLevels().stream().allMatch(l -> l.getDimension().isPresent())) {
            create(v, c); // a fresh array: the old one is saved as a reference, not copied
            return;
        }
        if (v.type().isArray()) {
            lo.error(
                    target,
                    "cannot assign the array variable '"
                            + dev.adjoint.generator.parse.Positions.writtenName(lo.request.declaration(), v.name())
                            + "': " + lo.strategy() + " does not follow"
                            + " arrays assigned from other arrays; write its elements instead");
            return;
        }
        lo.assignAtom(v, ex.convert(ex.expr(value), v.type(), at));
    }
}
