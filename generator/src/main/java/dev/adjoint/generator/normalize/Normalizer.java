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
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers one fenced method's statements. Control flow becomes structured and single-exit:
 * {@code break}, {@code continue} and early {@code return} set flags; the rest of a block after a
 * statement that may jump runs under a guard, and loop conditions read the flags. Every loop
 * becomes one {@link Stmt.Loop} shape.
 */
public final class Normalizer {
    private final Lowering lo;
    private final ExpressionLowering ex;
    /** Flags of the enclosing loops, innermost first. */
    private final Deque<LoopFlags> loops = new ArrayDeque<>();
    /** Set by an early return; null when the method returns only at its end. */
    private Atom.Var returned;
    private Atom.Var returnValue;

    private record LoopFlags(Atom.Var broke, Atom.Var continued) {}

    private Normalizer(MethodRequest request, MethodIndex index) {
        this.lo = new Lowering(request, index);
        this.ex = new ExpressionLowering(lo);
    }

    /** The lowered method, or the diagnostics that stopped lowering. */
    public record Result(Optional<MethodIr> ir, List<Diagnostic> diagnostics) {}

    /** Lowers {@code request}'s body, resolving calls within its own file only. */
    public static Result normalize(MethodRequest request) {
        List<com.github.javaparser.ast.CompilationUnit> units = request.declaration().findCompilationUnit().map(List::of).orElse(List.of());
        return normalize(request, MethodIndex.of(units, List.of(request)));
    }

    /** Lowers {@code request}'s body, which the fence accepted. */
    public static Result normalize(MethodRequest request, MethodIndex index) {
        return new Normalizer(request, index).run();
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
        boolean singleExit = !stmts.isEmpty() && stmts.get(stmts.size() - 1) instanceof ReturnStmt
                && body.findAll(ReturnStmt.class).size() == 1;
        if (!singleExit && r.result().isArray()) {
            lo.error(r.declaration().getType(), "method '" + r.name() + "' returns an array from more than one place: the static"
                    + " strategy needs an array result returned once, at the end; assign it to one array and return that");
        }
        if (!singleExit) {
            returned = lo.flag("_returned");
            returnValue = lo.declare("_returnValue", r.result());
            lo.hoisted.add(returnValue);
        }
        block(stmts);
        if (!singleExit) {
            lo.emit(new Stmt.Return(returnValue, lo.origin));
        }
        if (!lo.diagnostics.isEmpty()) {
            return new Result(Optional.empty(), lo.diagnostics);
        }
        return new Result(Optional.of(new MethodIr(r, lo.params, lo.locals, lo.hoisted, lo.out, lo.names)), List.of());
    }

    // ---- blocks and jumps -------------------------------------------------------------------

    /** Lowers a statement list; what follows a statement that may jump runs under a guard. */
    private void block(List<Statement> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Statement s = stmts.get(i);
            statement(s);
            if (i + 1 < stmts.size() && mayJump(s)) {
                List<Statement> rest = stmts.subList(i + 1, stmts.size());
                Origin o = lo.newOrigin(s, "(rest of the block after a jump)");
                lo.origin = o;
                Atom guard = notJumped();
                List<Stmt> guarded = lo.nested(() -> block(rest));
                lo.emit(new Stmt.If(guard, guarded, List.of(), o));
                return;
            }
        }
    }

    /** Whether {@code s} contains a break or continue of the current loop, or a return. */
    private boolean mayJump(Statement s) {
        if (returned != null && !s.findAll(ReturnStmt.class).isEmpty()) {
            return true;
        }
        if (loops.isEmpty()) {
            return false;
        }
        Node current = innermostLoop(s);
        return s.findAll(BreakStmt.class).stream().anyMatch(b -> innermostLoop(b) == current)
                || s.findAll(ContinueStmt.class).stream().anyMatch(c -> innermostLoop(c) == current);
    }

    /** The loop statement a break or continue belongs to. */
    private static Node innermostLoop(Node n) {
        Node p = n.getParentNode().orElse(null);
        while (p != null && !(p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForEachStmt)) {
            p = p.getParentNode().orElse(null);
        }
        return p;
    }

    /** A boolean atom: no flag of the current context is set. */
    private Atom notJumped() {
        List<String> flags = new ArrayList<>();
        Set<Atom.Var> reads = new LinkedHashSet<>();
        LoopFlags l = loops.peek();
        if (l != null) {
            for (Atom.Var f : new Atom.Var[] {l.broke(), l.continued()}) {
                if (f != null) {
                    flags.add(f.name());
                    reads.add(f);
                }
            }
        }
        if (returned != null) {
            flags.add(returned.name());
            reads.add(returned);
        }
        if (flags.isEmpty()) {
            return new Atom.Const("true", Ty.BOOLEAN);
        }
        Atom.Var g = lo.temp(Ty.BOOLEAN);
        lo.emit(new Stmt.Assign(g, new Op.Passive("!(" + String.join(" || ", flags) + ")", reads, Ty.BOOLEAN), lo.origin));
        return g;
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
        } else if (s instanceof ExpressionStmt es) {
            lo.origin = lo.newOrigin(s);
            expressionStatement(es.getExpression());
        } else if (s instanceof IfStmt i) {
            ifStatement(i);
        } else if (s instanceof ForStmt f) {
            forStatement(f);
        } else if (s instanceof WhileStmt w) {
            lo.origin = lo.newOrigin(w, "while (" + Positions.oneLine(w.getCondition()) + ")");
            loop(w.getCondition(), w.getBody(), List.of(), false);
        } else if (s instanceof DoStmt d) {
            lo.origin = lo.newOrigin(d, "do ... while (" + Positions.oneLine(d.getCondition()) + ")");
            loop(d.getCondition(), d.getBody(), List.of(), true);
        } else if (s instanceof ForEachStmt fe) {
            forEach(fe);
        } else if (s instanceof BreakStmt b) {
            lo.origin = lo.newOrigin(b);
            lo.set(loops.peek().broke(), true);
        } else if (s instanceof ContinueStmt c) {
            lo.origin = lo.newOrigin(c);
            lo.set(loops.peek().continued(), true);
        } else if (s instanceof ReturnStmt r) {
            lo.origin = lo.newOrigin(s);
            Expression e = r.getExpression().orElseThrow();
            Atom v = ex.convert(ex.expr(e), lo.request.result(), e);
            if (returned == null) {
                if (v instanceof Atom.Elem el) {
                    // an element read where used ('return w[i];'): the reverse sweep seeds the result's
                    // adjoint, so the result must be a variable; a load gives d w[i] += seed
                    Atom.Var load = lo.temp(el.type());
                    lo.emit(new Stmt.Assign(load, new Op.ArrayLoad(el.array(), el.indices(), el.type()), lo.origin));
                    v = load;
                }
                lo.emit(new Stmt.Return(v, lo.origin));
            } else {
                lo.assignAtom(returnValue, v);
                lo.set(returned, true);
            }
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

    private void forStatement(ForStmt f) {
        lo.pushScope();
        try {
            for (Expression init : f.getInitialization()) {
                lo.origin = lo.newOrigin(init);
                expressionStatement(init);
            }
            lo.origin = lo.newOrigin(f, "for (...; " + f.getCompare().map(Positions::oneLine).orElse("") + "; "
                    + String.join(", ", f.getUpdate().stream().map(Positions::oneLine).toList()) + ")");
            Expression cond = f.getCompare().orElse(new com.github.javaparser.ast.expr.BooleanLiteralExpr(true));
            loop(cond, f.getBody(), f.getUpdate(), false);
        } finally {
            lo.popScope();
        }
    }

    /** {@code for (T v : array)} as a counted loop over the array's indices. */
    private void forEach(ForEachStmt fe) {
        lo.pushScope();
        try {
            lo.origin = lo.newOrigin(fe, "for (" + Positions.oneLine(fe.getVariable()) + " : " + Positions.oneLine(fe.getIterable()) + ")");
            Expression iterable = fe.getIterable();
            Optional<Ty> arrTy = ex.types().of(iterable);
            if (!(iterable instanceof NameExpr arrName) || arrTy.isEmpty() || arrTy.get().dims() != 1) {
                lo.error(iterable, "for-each over '" + Positions.oneLine(iterable) + "' is not supported: iterate over a"
                        + " double[] or float[] variable");
                return;
            }
            // a name of its own for each loop: '_i' is not the user's, so declare() alone would hand it out again
            Atom.Var index = lo.declare(lo.claim("_i"), Ty.INT);
            lo.assignAtom(index, new Atom.Const("0", Ty.INT));
            if (lo.depth > 0) {
                lo.hoisted.add(index);
            }
            String element = fe.getVariable().getVariables().get(0).getNameAsString();
            Expression cond = new BinaryExpr(new NameExpr(index.name()), new com.github.javaparser.ast.expr.FieldAccessExpr(
                    new NameExpr(arrName.getNameAsString()), "length"), BinaryExpr.Operator.LESS);
            lo.bind(index.name(), index);
            Statement body = fe.getBody();
            VariableDeclarationExpr decl = new VariableDeclarationExpr(fe.getVariable().getVariables().get(0).getType().clone(), element);
            decl.getVariable(0).setInitializer(new ArrayAccessExpr(new NameExpr(arrName.getNameAsString()), new NameExpr(index.name())));
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
    private void loop(Expression cond, Statement body, List<Expression> update, boolean bodyFirst) {
        Origin o = lo.origin;
        boolean breaks = body.findAll(BreakStmt.class).stream().anyMatch(b -> isOwnLoop(b, body));
        boolean continues = body.findAll(ContinueStmt.class).stream().anyMatch(c -> isOwnLoop(c, body));
        LoopFlags flags = new LoopFlags(breaks ? lo.flag("_break") : null, continues ? lo.flag("_continue") : null);
        if (flags.broke() != null) {
            lo.set(flags.broke(), false); // reset on each entry: the loop may itself run many times
        }
        Atom.Var c = lo.temp(Ty.BOOLEAN);
        lo.hoisted.add(c);
        loops.push(flags);
        lo.loopDepth++;
        try {
            List<Stmt> bodyStmts = lo.nested(() -> {
                if (flags.continued() != null) {
                    lo.set(flags.continued(), false);
                }
                lo.inScope(() -> {
                    statement(body);
                    return null;
                });
                if (!update.isEmpty()) {
                    lo.origin = o;
                    boolean guard = flags.broke() != null || returned != null;
                    Runnable updates = () -> update.forEach(this::expressionStatement);
                    if (guard) {
                        Atom ok = notJumpedOut(flags);
                        lo.emit(new Stmt.If(ok, lo.nested(updates), List.of(), o));
                    } else {
                        updates.run();
                    }
                }
            });
            List<Stmt> head = lo.nested(() -> {
                lo.origin = o;
                boolean guard = flags.broke() != null || returned != null;
                if (guard) {
                    Atom ok = notJumpedOut(flags);
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
            loops.pop();
        }
    }

    private static boolean isOwnLoop(Node jump, Statement body) {
        return innermostLoop(jump) == body.getParentNode().orElse(null);
    }

    /** Neither this loop's break flag nor the return flag is set. */
    private Atom notJumpedOut(LoopFlags flags) {
        List<String> names = new ArrayList<>();
        Set<Atom.Var> reads = new LinkedHashSet<>();
        if (flags.broke() != null) {
            names.add(flags.broke().name());
            reads.add(flags.broke());
        }
        if (returned != null) {
            names.add(returned.name());
            reads.add(returned);
        }
        Atom.Var g = lo.temp(Ty.BOOLEAN);
        lo.emit(new Stmt.Assign(g, new Op.Passive("!(" + String.join(" || ", names) + ")", reads, Ty.BOOLEAN), lo.origin));
        return g;
    }

    private void expressionStatement(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                declare(d);
            }
        } else if (e instanceof AssignExpr a) {
            assign(a);
        } else if (e instanceof UnaryExpr u && u.getOperator().name().contains("CREMENT")) {
            boolean inc = u.getOperator().name().contains("INCREMENT");
            Expression target = u.getExpression();
            Expression value = new BinaryExpr(target.clone(), new IntegerLiteralExpr("1"),
                    inc ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS);
            store(target, value, e);
        } else {
            lo.error(e, "expression statement '" + Positions.oneLine(e) + "' has no effect the generator can use");
        }
    }

    private void declare(VariableDeclarator d) {
        Optional<Ty> ty = MethodSelector.toTy(d.getType());
        if (ty.isEmpty()) {
            lo.error(d, "local '" + d.getNameAsString() + "' of type " + d.getType()
                    + ": supported local types are double, float, int, long, boolean, double[], float[] and their 2-D arrays");
            return;
        }
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

    /** {@code double[] a = new double[n];}: at the method's top level, outside loops. */
    private void declareArray(VariableDeclarator d, Atom.Var v) {
        Optional<Expression> init = d.getInitializer();
        if (init.isEmpty() || !(init.get() instanceof ArrayCreationExpr c) || c.getInitializer().isPresent()
                || c.getLevels().stream().anyMatch(l -> l.getDimension().isEmpty())) {
            lo.bind(d.getNameAsString(), v); // known from here on: no follow-on errors at its uses
            lo.error(d, "local array '" + d.getNameAsString() + "' must be created with 'new " + v.type().prim().java()
                    + "[n]" + (v.type().dims() == 2 ? "[m]" : "") + "': the static strategy does not follow arrays"
                    + " assigned from other arrays; create it with new and copy the elements in a loop");
            return;
        }
        if (lo.depth > 0) {
            lo.bind(d.getNameAsString(), v);
            lo.error(d, "local array '" + d.getNameAsString() + "' is created inside a block or loop: the static strategy"
                    + " needs local arrays created at the top of the method; move the declaration before the loop");
            return;
        }
        List<Atom> dims = new ArrayList<>();
        for (var level : c.getLevels()) {
            Expression dim = level.getDimension().get();
            dims.add(ex.convert(ex.expr(dim), Ty.INT, dim));
        }
        lo.bind(d.getNameAsString(), v);
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
            Optional<ExpressionLowering.ArrayRef> ref = ex.arrayRef(acc);
            if (ref.isEmpty()) {
                return;
            }
            Atom.Var arr = ref.get().array();
            Atom v = ex.convert(ex.expr(value), new Ty(arr.type().prim(), 0), at);
            lo.emit(new Stmt.ArrayStore(arr, ref.get().indices(), v, lo.origin));
            return;
        }
        if (!(target instanceof NameExpr n)) {
            lo.error(target, "assignment to '" + Positions.oneLine(target) + "' is not supported: only locals, parameters and array elements");
            return;
        }
        Atom.Var v = lo.lookup(n.getNameAsString()).orElse(null);
        if (v == null) {
            lo.error(target, "cannot assign '" + n.getNameAsString() + "': it is not a local variable or parameter of this method");
            return;
        }
        if (v.type().isArray()) {
            lo.error(target, "cannot assign the array variable '" + v.name() + "': the static strategy does not follow"
                    + " arrays assigned from other arrays; write its elements instead");
            return;
        }
        lo.assignAtom(v, ex.convert(ex.expr(value), v.type(), at));
    }
}
