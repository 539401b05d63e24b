package dev.adjoint.generator.tape;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.NonFinite;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the recording twin of a method, {@code nameRecord}, from its normalized form ({@link
 * MethodIr}, the one front end the static strategy and forward mode read too; issue 19): the
 * method's computation, where each floating-point value {@code v} has a handle {@code v_h} on the
 * tape and each differentiable operation pushes a node with its local partials, taken from the one
 * rule table; {@link TapeSweep} writes the adjoint that records, seeds and sweeps. The recorder
 * sees what the static strategy sees, checked by {@code Fence.checkForTape} and lowered by {@code
 * Normalizer.normalizeForTape} (recursive calls kept, arrays that someone writes passed to calls).
 *
 * <p>This class walks the statements once and keeps their control flow: a branch as a branch, a
 * loop as {@code while (true) { head; if (!cond) break; body }}; what an assignment or a store
 * records is {@link IrNodes}' part, a call {@link IrCalls}', where a local is declared
 * {@link IrDeclarations}'. Anything the form holds that these do not model is an error at its
 * statement, never copied as it is.
 */
public final class IrRecorder {
    static final String CONSTANT = "dev.adjoint.tape.Tape.CONSTANT";

    final MethodRequest request;
    final MethodIndex index;
    final MethodIr ir;
    /** Which values may be infinite, for the chained partials of fused nodes ({@link IrOperations}); analysed once. */
    private NonFinite nonFinite;

    final Names names;
    final String tape;
    /** The statements of the block being written: the method's body, or a branch's or a loop's. */
    private List<Code> out = new ArrayList<>();

    final List<Diagnostic> diagnostics = new ArrayList<>();

    private final Map<Atom.Var, String> handles = new HashMap<>();
    private final IrDeclarations.Placement placement;
    private final IrNodes nodes;
    private final IrPending pending;
    private Origin commented;
    /** The room the counted loop being recorded made on the tape ({@link IrLoopRoom}), or null. */
    private IrLoopRoom room;

    private IrRecorder(MethodRequest request, MethodIndex index, MethodIr ir) {
        this.request = request;
        this.index = index;
        this.ir = ir;
        this.names = ir.names().copy();
        NameClashes.userNames(request).forEach(names::claim);
        this.tape = NameClashes.tapeParameter(request); // (the form's names hold it: normalizeForTape claims it)
        for (Atom.Var p : ir.params()) {
            if (p.type().isFloating()) {
                handle(p);
            }
        }
        this.placement = IrDeclarations.of(ir);
        this.pending = new IrPending(this);
        this.nodes = new IrNodes(this, pending);
    }

    NonFinite nonFinite() {
        if (nonFinite == null) {
            nonFinite = NonFinite.of(ir);
        }
        return nonFinite;
    }

    /** Writes the recorder of {@code request}, or the errors of what it cannot record. */
    public static Recording record(MethodRequest request, MethodIndex index) {
        List<Diagnostic> fenced = Fence.checkForTape(request);
        if (!fenced.isEmpty()) {
            return failed(fenced);
        }
        Normalizer.Result n = Normalizer.normalizeForTape(request, index);
        if (n.ir().isEmpty()) {
            return failed(n.diagnostics());
        }
        IrRecorder r = new IrRecorder(request, index, n.ir().get());
        List<Code> body = r.out;
        r.placement.atTop().forEach(r::declareAtTop);
        r.block(r.ir.body());
        if (!r.diagnostics.isEmpty()) {
            return failed(r.diagnostics);
        }
        List<String> paramHandles = new ArrayList<>();
        for (Atom.Var p : r.ir.params()) {
            paramHandles.add(p.type().isFloating() ? r.handle(p) : null);
        }
        return new Recording(body, List.of(), Collections.unmodifiableList(paramHandles));
    }

    private static Recording failed(List<Diagnostic> ds) {
        return new Recording(List.of(), List.copyOf(ds), List.of());
    }

    /** The handle variable of {@code v}, a floating-point variable or array (a fresh name, never the user's). */
    String handle(Atom.Var v) {
        return handles.computeIfAbsent(v, x -> names.claim(x.name() + "_h"));
    }

    /** The handle of operand {@code a}: a variable's, an element's; empty for a constant or an int. */
    java.util.Optional<Expr> handleOf(Atom a) {
        if (a instanceof Atom.Var v && v.type().isFloatingScalar()) {
            pending.push(v); // (its handle is needed: a pending node is pushed first)
            return java.util.Optional.of(new Expr.Name(handle(v)));
        }
        if (a instanceof Atom.Elem e && e.array().type().isFloating()) {
            return java.util.Optional.of(AtomCode.element(new Expr.Name(handle(e.array())), e.indices()));
        }
        return java.util.Optional.empty();
    }

    /** {@code a}'s handle, {@code Tape.CONSTANT} for a value without one. */
    Expr handleOrConstant(Atom a) {
        return handleOf(a).orElse(Expr.qualified(CONSTANT));
    }

    /** Whether {@code a} is declared by its first assignment (else at the top). */
    boolean declares(Stmt.Assign a) {
        return placement.declaring().contains(a);
    }

    /** {@code t = value}, declaring {@code t} where it is first assigned. */
    void value(Stmt.Assign a, Expr value) {
        Atom.Var t = a.target();
        line(
                declares(a)
                        ? new Statement.Declare("", t.type().java(), t.name(), value)
                        : Statement.assign(new Expr.Name(t.name()), value));
    }

    /** {@code t_h = handle}, declared with {@code t}. */
    void assignHandle(Stmt.Assign a, Expr handle) {
        Atom.Var t = a.target();
        Statement s = declares(a)
                ? new Statement.Declare("", handleType(t.type()), handle(t), handle)
                : Statement.assign(new Expr.Name(handle(t)), handle);
        if (handle instanceof Expr.Call c && c.name().startsWith("push")) {
            node(s);
        } else {
            line(s);
        }
    }

    /** The type of the handles of a value of type {@code t}: {@code int}, {@code int[]}, {@code int[][]}. */
    static String handleType(Ty t) {
        return "int" + "[]".repeat(t.dims());
    }

    private void declareAtTop(Atom.Var v) {
        Ty t = v.type();
        Expr zero = t.isArray() ? new Expr.Literal("null") : AtomCode.zero(t);
        line(new Statement.Declare("", t.java(), v.name(), zero));
        if (t.isFloating()) {
            line(new Statement.Declare(
                    "", handleType(t), handle(v), t.isArray() ? new Expr.Literal("null") : Expr.qualified(CONSTANT)));
        }
    }

    // ---- statements, control flow as the form has it --------------------------------------

    /** The statements, then every node still pending (nothing after the block reads them). */
    void block(List<Stmt> stmts) {
        for (int k = 0; k < stmts.size(); k++) {
            if (stmts.get(k) instanceof Stmt.Loop l) {
                pending.flush();
                loop(l, IrLoopRoom.of(stmts, k).orElse(null));
            } else {
                statement(stmts.get(k));
            }
        }
        pending.flush();
    }

    /** What records nodes. */
    IrNodes nodes() {
        return nodes;
    }

    /** Whether {@code v} is assigned once and read once, by an operation ({@link IrPending}). */
    boolean singleUse(Atom.Var v) {
        return placement.singleUse().contains(v);
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            comment(a.origin());
            nodes.assign(a);
            return;
        }
        pending.flush();
        if (s instanceof Stmt.ArrayStore st) {
            comment(st.origin());
            nodes.store(st);
        } else if (s instanceof Stmt.If i) {
            out.add(new Code.Branch(AtomCode.of(i.cond()), nested(i.then()), nested(i.otherwise())));
        } else if (s instanceof Stmt.Return r) {
            comment(r.origin());
            Expr h = r.value() instanceof Atom.Var v
                            && v.type().isArray()
                            && v.type().isFloating()
                    ? new Expr.Name(handle(v))
                    : handleOrConstant(r.value());
            line(new Statement.Eval(new Expr.Call(new Expr.Name(tape), "setResult", List.of(h))));
            line(new Statement.Return(AtomCode.of(r.value())));
        } else if (s instanceof Stmt.Effect e) {
            // a throw, an assert, output: no derivative, and what it reads holds its value here
            comment(e.origin());
            out.add(new Code.Raw(e.java()));
        }
    }

    /**
     * {@code while (true) { head; if (!cond) break; body }}, or {@code while (test) { body }} when
     * the head only computes a test without derivative; after the room it reserves, if any.
     */
    private void loop(Stmt.Loop l, IrLoopRoom loopRoom) {
        comment(l.origin());
        List<Code> around = out;
        IrLoopRoom outer = room;
        room = loopRoom;
        List<Code> body = new ArrayList<>();
        out = body;
        Optional<Op.Passive> test = l.passiveTest();
        if (test.isEmpty()) {
            block(l.head());
            out.add(new Code.Branch(
                    new Expr.Unary("!", AtomCode.of(l.cond())),
                    List.of(new Code.Line(new Statement.Jump(true))),
                    List.of()));
        }
        block(l.body());
        out = around;
        room = outer;
        if (loopRoom != null) {
            // (the nodes the iterations push are counted while the body is written: the room comes before the loop)
            loopRoom.reserve(tape).ifPresent(r -> {
                out.add(new Code.Comment("room on the tape for every iteration of the loop"));
                out.add(new Code.Line(new Statement.Eval(r)));
            });
        }
        Expr cond = test.map(t -> AtomCode.source(t.java())).orElse(new Expr.Literal("true"));
        out.add(new Code.Loop(new LoopHeader.While(cond), body));
    }

    /** The statements of a branch, written into a block of their own. */
    private List<Code> nested(List<Stmt> stmts) {
        List<Code> around = out;
        List<Code> inner = new ArrayList<>();
        out = inner;
        block(stmts);
        out = around;
        return inner;
    }

    /** {@code // (File.java:12): s += w[i] * x[i];} before the first statement lowered from a user statement. */
    private void comment(Origin o) {
        if (o == commented || o.text().isEmpty()) {
            return;
        }
        commented = o;
        out.add(new Code.Comment(o.position().map(p -> "(" + p + "): ").orElse("") + o.text()));
    }

    /** A statement. */
    void line(Statement s) {
        out.add(new Code.Line(s));
    }

    /**
     * {@code tape.pushN(parent, partial, ...)}: a node with the parents and partials of {@code edges};
     * in a loop that made room for its nodes ({@link IrLoopRoom}), {@code tape.pushNu}, which skips
     * the capacity test, counted.
     */
    Expr push(List<Expr> edges) {
        int parents = edges.size() / 2;
        String name = "push" + parents;
        if (room != null) {
            room.count(parents);
            name += "u";
        }
        return new Expr.Call(new Expr.Name(tape), name, edges);
    }

    /** {@code h = tape.pushN(...)}: a node recorded. */
    void node(Statement s) {
        out.add(new Code.Line(s));
    }

    /** An error at the user statement {@code o} was lowered from: what the recorder does not model, and what to do. */
    void error(Origin o, String message) {
        int line = o.line();
        int column = request.declaration()
                .findFirst(
                        com.github.javaparser.ast.stmt.Statement.class,
                        x -> !(x instanceof com.github.javaparser.ast.stmt.BlockStmt)
                                && x.getBegin().filter(b -> b.line == line).isPresent())
                .flatMap(x -> x.getBegin())
                .map(b -> b.column)
                .orElse(1);
        diagnostics.add(Diagnostic.error(request.file(), line, column, message));
    }
}
