package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers one fenced method's statements. Control flow becomes structured and single-exit:
 * {@code break}, {@code continue} and early {@code return} set flags ({@link JumpFlags}); the rest
 * of a block after a statement that may jump runs under a guard, and loop conditions read the
 * flags. Loops are {@link Loops}' part, statements that store a value {@link Assignments}', and
 * expressions {@link ExpressionLowering}'s.
 */
public final class Normalizer {
    private final Lowering lo;
    private final ExpressionLowering ex;
    private final JumpFlags jumps;
    private final Assignments assignments;
    private final Loops loops;

    private Normalizer(MethodRequest request, MethodIndex index) {
        this.lo = new Lowering(request, index);
        this.ex = new ExpressionLowering(lo);
        this.jumps = new JumpFlags(lo);
        this.assignments = new Assignments(lo, ex);
        this.loops = new Loops(lo, ex, jumps, assignments, this::statement);
    }

    /** The lowered method, or the diagnostics that stopped lowering. */
    public record Result(Optional<MethodIr> ir, List<Diagnostic> diagnostics) {}

    /** Lowers {@code request}'s body, resolving calls within its own file only. */
    public static Result normalize(MethodRequest request) {
        List<com.github.javaparser.ast.CompilationUnit> units =
                request.declaration().findCompilationUnit().map(List::of).orElse(List.of());
        return normalize(request, MethodIndex.of(units, List.of(request)));
    }

    /** Lowers {@code request}'s body, which the fence accepted. */
    public static Result normalize(MethodRequest request, MethodIndex index) {
        return new Normalizer(request, index).run();
    }

    /**
     * As {@link #normalize(MethodRequest, MethodIndex)}, with recursive calls lowered as calls: for
     * forward mode only, whose sweep keeps no stacks (the reverse sweep of a recursive method
     * would re-run the callee's forward sweep at every level, so the static strategy rejects them).
     */
    public static Result normalizeForTangent(MethodRequest request, MethodIndex index) {
        Normalizer n = new Normalizer(request, index);
        n.lo.recursionAllowed = true;
        return n.run();
    }

    /**
     * As {@link #normalizeForTangent}, for the tape recorded from the normalized form
     * ({@code tape/IrRecorder}): recursive calls stay calls, since the tape records each level as it
     * runs (the reason the tape exists), and arrays that someone writes may be passed to calls
     * ({@code Lowering.forTape}).
     */
    public static Result normalizeForTape(MethodRequest request, MethodIndex index) {
        Normalizer n = new Normalizer(request, index);
        n.lo.recursionAllowed = true;
        n.lo.forTape = true;
        n.lo.names.claim(dev.adjoint.generator.naming.NameClashes.tapeParameter(request)); // the recorder's parameter
        return n.run();
    }

    private Result run() {
        MethodRequest r = lo.request;
        lo.pushScope();
        for (Param p : r.params()) {
            Atom.Var v = new Atom.Var(p.name(), p.type());
            lo.params.add(v);
            lo.bind(p.name(), v);
        }
        BlockStmt body = r.declaration().getBody().orElseThrow();
        List<Statement> stmts = body.getStatements();
        boolean singleExit = !stmts.isEmpty()
                && stmts.get(stmts.size() - 1) instanceof ReturnStmt
                && body.findAll(ReturnStmt.class).size() == 1;
        boolean sharedArray = !singleExit
                && r.result().isArray()
                && JumpFlags.sharedResultArray(stmts).isPresent();
        Optional<com.github.javaparser.ast.stmt.ReturnStmt> parameter = ReturnedParameters.of(r.declaration());
        if (!singleExit && r.result().isArray() && !sharedArray && !lo.forTape && parameter.isPresent()) {
            lo.error(
                    parameter.get(),
                    "method '" + r.name() + "' returns different arrays: "
                            + ReturnedParameters.advice(r.declaration(), parameter.get()));
        } else if (!singleExit && r.result().isArray() && !sharedArray && !lo.forTape) {
            // (the tape returns whichever array a return names: its handles go with it)
            lo.error(
                    r.declaration().getType(),
                    "method '" + r.name() + "' returns different arrays: the static strategy needs"
                            + " every return to return the same local array, created before the first return, or arrays"
                            + " created at the return ('return new double[n];', 'return x.clone();') and local arrays given only"
                            + " arrays created with new, which those do not read; create the result array once, fill it, and"
                            + " return it (or return a copy: 'return x.clone();')");
        }
        if (sharedArray) {
            jumps.returnArrayEarly();
        } else if (!singleExit) {
            jumps.returnEarly(r.result());
        }
        block(stmts);
        if (!singleExit && (!sharedArray || jumps.returnedArray() != null)) {
            lo.emit(new Stmt.Return(sharedArray ? jumps.returnedArray() : jumps.returnValue(), lo.origin));
        }
        if (!lo.diagnostics.isEmpty()) {
            return new Result(Optional.empty(), lo.diagnostics);
        }
        return new Result(
                Optional.of(new MethodIr(r, lo.params, lo.locals, lo.hoisted, lo.out, lo.names, lo.restoredArrays)),
                List.of());
    }

    // ---- blocks and jumps -------------------------------------------------------------------

    /** Lowers a statement list; what follows a statement that may jump runs under a guard. */
    private void block(List<Statement> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Statement s = stmts.get(i);
            statement(s);
            if (i + 1 < stmts.size() && jumps.mayJump(s)) {
                List<Statement> rest = stmts.subList(i + 1, stmts.size());
                Origin o = lo.newOrigin(s, "(rest of the block after a jump)");
                lo.origin = o;
                Atom guard = jumps.notJumped();
                boolean topLevel = lo.atSourceTopLevel();
                List<Stmt> guarded = lo.nested(() -> {
                    if (topLevel) {
                        lo.topLevelGuards++; // the rest of the top level is still the top level
                    }
                    try {
                        block(rest);
                    } finally {
                        if (topLevel) {
                            lo.topLevelGuards--;
                        }
                    }
                });
                lo.emit(new Stmt.If(guard, guarded, List.of(), o));
                return;
            }
        }
    }

    // ---- statements ---------------------------------------------------------------------------

    private void statement(Statement s) {
        if (s instanceof BlockStmt b) {
            lo.pushScope();
            lo.depth++;
            try {
                block(b.getStatements());
            } finally {
                lo.depth--;
                lo.popScope();
            }
        } else if (s instanceof EmptyStmt) {
            return;
        } else if (s instanceof ExpressionStmt es
                && !(es.getExpression() instanceof MethodCallExpr m && Calls.isPrint(m))) {
            lo.origin = lo.newOrigin(s);
            assignments.expressionStatement(es.getExpression());
        } else if (s instanceof IfStmt i) {
            ifStatement(i);
        } else if (s instanceof ForStmt f) {
            loops.forStatement(f);
        } else if (s instanceof WhileStmt w) {
            lo.origin = lo.newOrigin(w, "while (" + Positions.oneLine(w.getCondition()) + ")");
            loops.loop(w.getCondition(), w.getBody(), List.of(), false);
        } else if (s instanceof DoStmt d) {
            lo.origin = lo.newOrigin(d, "do ... while (" + Positions.oneLine(d.getCondition()) + ")");
            loops.loop(d.getCondition(), d.getBody(), List.of(), true);
        } else if (s instanceof ForEachStmt fe) {
            loops.forEach(fe);
        } else if (s instanceof BreakStmt b) {
            lo.origin = lo.newOrigin(b);
            jumps.breakLoop(b.getLabel().map(Object::toString).orElse(null));
        } else if (s instanceof ContinueStmt c) {
            lo.origin = lo.newOrigin(c);
            jumps.continueLoop(c.getLabel().map(Object::toString).orElse(null));
        } else if (s instanceof LabeledStmt l) {
            // a labelled loop (the fence lets no other statement be labelled): its jumps find it by the label
            jumps.labelNextLoop(l.getLabel().asString());
            statement(l.getStatement());
        } else if (s instanceof ReturnStmt r) {
            lo.origin = lo.newOrigin(s);
            Expression e = r.getExpression().orElseThrow();
            Atom v = ex.convert(ex.expr(e), lo.request.result(), e);
            if (jumps.returnsArrayEarly()) {
                if (v instanceof Atom.Var a
                        && (jumps.returnedArray() == null
                                || jumps.returnedArray().equals(a))) {
                    jumps.returnArray(a);
                } else {
                    lo.error(e, "'" + Positions.oneLine(e) + "' is not the local array the other returns return");
                }
            } else if (jumps.returnValue() == null) {
                if (v instanceof Atom.Elem el) {
                    // an element read where used ('return w[i];'): the reverse sweep seeds the result's
                    // adjoint, so the result must be a variable; a load gives d w[i] += seed
                    Atom.Var load = lo.temp(el.type());
                    lo.emit(new Stmt.Assign(load, new Op.ArrayLoad(el.array(), el.indices(), el.type()), lo.origin));
                    v = load;
                }
                lo.emit(new Stmt.Return(v, lo.origin));
            } else {
                jumps.returnValue(v);
            }
        } else if (s instanceof ThrowStmt t) {
            lo.origin = lo.newOrigin(s);
            Set<Atom.Var> reads = new LinkedHashSet<>();
            lo.emit(new Stmt.Effect(
                    Stmt.Effect.Kind.THROW,
                    "throw "
                            + ex.passiveText(
                                    dev.adjoint.generator.select.ClassNames.qualifiedCreation(t.getExpression()), reads)
                            + ";",
                    reads,
                    lo.origin));
        } else if (s instanceof AssertStmt a) {
            // as written: the adjoint class is in the method's package, so -ea and -da reach both alike
            lo.origin = lo.newOrigin(s);
            Set<Atom.Var> reads = new LinkedHashSet<>();
            String text = "assert " + ex.passiveText(a.getCheck(), reads)
                    + a.getMessage().map(m -> " : " + ex.passiveText(m, reads)).orElse("") + ";";
            lo.emit(new Stmt.Effect(Stmt.Effect.Kind.ASSERT, text, reads, lo.origin));
        } else if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof MethodCallExpr m
                && Calls.isPrint(m)) {
            // output only: printed where the method prints, from the values it prints
            lo.origin = lo.newOrigin(s);
            Set<Atom.Var> reads = new LinkedHashSet<>();
            lo.emit(new Stmt.Effect(Stmt.Effect.Kind.OUTPUT, ex.passiveText(m, reads) + ";", reads, lo.origin));
        } else {
            lo.error(s, "statement '" + Positions.oneLine(s) + "' is not supported here");
        }
    }

    private void ifStatement(IfStmt i) {
        lo.origin = lo.newOrigin(i, "if (" + Positions.oneLine(i.getCondition()) + ")");
        Origin o = lo.origin;
        Atom cond = ex.booleanAtom(i.getCondition());
        if (cond instanceof Atom.Var v && !lo.temps.contains(v)) {
            // a branch may overwrite the variable it tests: the reverse sweep needs the outcome
            Atom.Var outcome = lo.temp(Ty.BOOLEAN);
            lo.emit(new Stmt.Assign(outcome, new Op.Passive(v.name(), Set.of(v), Ty.BOOLEAN), lo.origin));
            cond = outcome;
        }
        List<Stmt> then = lo.nested(() -> lo.inScope(() -> {
            statement(i.getThenStmt());
            return null;
        }));
        List<Stmt> otherwise = lo.nested(() -> lo.inScope(() -> {
            i.getElseStmt().ifPresent(this::statement);
            return null;
        }));
        lo.emit(new Stmt.If(cond, then, otherwise, o));
    }
}
