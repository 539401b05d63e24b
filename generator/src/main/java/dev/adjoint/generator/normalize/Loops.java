package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Lowers Java's loops ({@code for}, for-each, {@code while}, {@code do}) to the one
 * {@link Stmt.Loop} shape: a head that computes the condition into a flag, and a body. A for-each
 * becomes a counted loop over the array's indices; {@code break} and {@code continue} in the body
 * become flags ({@link JumpFlags}) that the head and the update read.
 */
final class Loops {
    private final Lowering lo;
    private final ExpressionLowering ex;
    private final JumpFlags jumps;
    private final Assignments assignments;
    /** Lowers a loop's body: the normalizer's lowering of one statement. */
    private final Consumer<Statement> statement;

    Loops(Lowering lo, ExpressionLowering ex, JumpFlags jumps, Assignments assignments, Consumer<Statement> statement) {
        this.lo = lo;
        this.ex = ex;
        this.jumps = jumps;
        this.assignments = assignments;
        this.statement = statement;
    }

    void forStatement(ForStmt f) {
        lo.pushScope();
        try {
            for (Expression init : f.getInitialization()) {
                lo.origin = lo.newOrigin(init);
                assignments.expressionStatement(init);
            }
            lo.origin = lo.newOrigin(
                    f,
                    "for (...; " + f.getCompare().map(Positions::oneLine).orElse("") + "; "
                            + String.join(
                                    ", ",
                                    f.getUpdate().stream()
                                            .map(Positions::oneLine)
                                            .toList()) + ")");
            Expression cond = f.getCompare().orElse(new com.github.javaparser.ast.expr.BooleanLiteralExpr(true));
            loop(cond, f.getBody(), f.getUpdate(), false);
        } finally {
            lo.popScope();
        }
    }

    /** {@code for (T v : array)} as a counted loop over the array's indices. */
    void forEach(ForEachStmt fe) {
        lo.pushScope();
        try {
            lo.origin = lo.newOrigin(
                    fe,
                    "for (" + Positions.oneLine(fe.getVariable()) + " : " + Positions.oneLine(fe.getIterable()) + ")");
            Expression iterable = fe.getIterable();
            Optional<Ty> arrTy = ex.types().of(iterable);
            boolean row = iterable instanceof ArrayAccessExpr r && r.getName() instanceof NameExpr;
            if (!(iterable instanceof NameExpr || row)
                    || arrTy.isEmpty()
                    || arrTy.get().dims() != 1) {
                lo.error(
                        iterable,
                        "for-each over '" + Positions.oneLine(iterable) + "' is not supported: iterate over a"
                                + " double[] or float[] variable, or a row m[i] of a 2-D one");
                return;
            }
            if (row) {
                // Java evaluates the iterable once, before the loop: the row's index into a local of its own
                ArrayAccessExpr r = (ArrayAccessExpr) iterable;
                Atom.Var rowIndex = lo.declare(lo.claim("_row"), Ty.INT);
                lo.assignAtom(rowIndex, ex.convert(ex.expr(r.getIndex()), Ty.INT, r.getIndex()));
                if (lo.depth > 0) {
                    lo.hoisted.add(rowIndex);
                }
                lo.bind(rowIndex.name(), rowIndex);
                iterable = new ArrayAccessExpr(r.getName().clone(), new NameExpr(rowIndex.name()));
                iterable.setRange(r.getRange().orElse(null));
            }
            Expression arrName = iterable;
            // a name of its own for each loop: '_i' is not the user's, so declare() alone would hand it out again
            Atom.Var index = lo.declare(lo.claim("_i"), Ty.INT);
            lo.assignAtom(index, new Atom.Const("0", Ty.INT));
            if (lo.depth > 0) {
                lo.hoisted.add(index);
            }
            String element = fe.getVariable().getVariables().get(0).getNameAsString();
            Expression cond = new BinaryExpr(
                    new NameExpr(index.name()),
                    new com.github.javaparser.ast.expr.FieldAccessExpr(arrName.clone(), "length"),
                    BinaryExpr.Operator.LESS);
            lo.bind(index.name(), index);
            Statement body = fe.getBody();
            VariableDeclarationExpr decl = new VariableDeclarationExpr(
                    fe.getVariable().getVariables().get(0).getType().clone(), element);
            decl.getVariable(0).setInitializer(new ArrayAccessExpr(arrName.clone(), new NameExpr(index.name())));
            decl.setRange(fe.getVariable().getRange().orElse(null));
            BlockStmt wrapped = new BlockStmt();
            wrapped.addStatement(new ExpressionStmt(decl));
            wrapped.addStatement(body.clone());
            wrapped.setParentNode(fe);
            Expression update = new UnaryExpr(new NameExpr(index.name()), UnaryExpr.Operator.POSTFIX_INCREMENT);
            loop(cond, wrapped, List.of(update), false);
        } finally {
            lo.popScope();
        }
    }

    /**
     * {@code while (cond) body; update} or, with {@code bodyFirst}, {@code do body while (cond)}:
     * one {@link Stmt.Loop}. Flags for break and continue are made only when the body uses them.
     */
    void loop(Expression cond, Statement body, List<Expression> update, boolean bodyFirst) {
        Origin o = lo.origin;
        JumpFlags.LoopFlags flags = jumps.enter(body);
        Atom.Var c = lo.temp(Ty.BOOLEAN);
        lo.hoisted.add(c);
        lo.loopDepth++;
        try {
            List<Stmt> bodyStmts = lo.nested(() -> {
                if (flags.continued() != null) {
                    lo.set(flags.continued(), false);
                }
                lo.inScope(() -> {
                    statement.accept(body);
                    return null;
                });
                if (!update.isEmpty()) {
                    lo.origin = o;
                    Runnable updates = () -> update.forEach(assignments::expressionStatement);
                    if (jumps.guards(flags)) {
                        Atom ok = jumps.notJumpedOut(flags);
                        lo.emit(new Stmt.If(ok, lo.nested(updates), List.of(), o));
                    } else {
                        updates.run();
                    }
                }
            });
            List<Stmt> head = lo.nested(() -> {
                lo.origin = o;
                if (jumps.guards(flags)) {
                    Atom ok = jumps.notJumpedOut(flags);
                    List<Stmt> test = lo.nested(() -> lo.assignAtom(c, ex.booleanAtom(cond)));
                    List<Stmt> stop = lo.nested(() -> lo.set(c, false));
                    lo.emit(new Stmt.If(ok, test, stop, o));
                } else {
                    lo.assignAtom(c, ex.booleanAtom(cond));
                }
            });
            if (bodyFirst) {
                List<Stmt> all = new ArrayList<>(bodyStmts);
                all.addAll(head);
                lo.emit(new Stmt.Loop(all, c, List.of(), o));
            } else {
                lo.emit(new Stmt.Loop(head, c, bodyStmts, o));
            }
        } finally {
            lo.loopDepth--;
            jumps.exit();
        }
    }
}
