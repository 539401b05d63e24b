package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers array element reads: read in place where the reverse sweep can read the element again
 * (see {@link ArrayWrites}), else loaded into a temporary, once per element per statement; indices
 * kept as integer expressions where they are plain arithmetic.
 */
final class ElementLowering {
    private final Lowering lo;
    private final ExpressionLowering ex;
    private final Calls calls;
    private final Types types;
    /** Each method's array accesses, indexed once (a method may have thousands of statements). */
    private final Map<Node, ArrayWrites> writes = new IdentityHashMap<>();
    /** The loads of the statement being lowered, by element (a statement writes only at its end). */
    private final Map<String, Loaded> loaded = new HashMap<>();

    ElementLowering(Lowering lo, ExpressionLowering ex, Calls calls, Types types) {
        this.lo = lo;
        this.ex = ex;
        this.calls = calls;
        this.types = types;
    }

    /** A load emitted for the statement {@code origin} into {@code block}, reusable within it. */
    private record Loaded(Atom.Var temp, Origin origin, List<Stmt> block) {}

    /** An element reference {@code a[i]} or {@code a[i][j]}: the array variable and lowered indices. */
    record ArrayRef(Atom.Var array, List<Atom> indices) {}

    /** The value of the element {@code a}, of type {@code ty}. */
    Atom read(ArrayAccessExpr a, Ty ty) {
        Optional<ArrayRef> ref = arrayRef(a);
        if (ref.isEmpty()) {
            return new Atom.Const(ty.zero(), ty);
        }
        ArrayWrites here = writes(lo.request.declaration());
        if (ArrayWrites.root(a)
                .filter(n -> !here.written(n)
                        || !ArrayWrites.returned(a)
                                && (here.allBefore(n, a)
                                        || restored(n, ref.get().array())))
                .isPresent()) {
            return new Atom.Elem(ref.get().array(), ref.get().indices(), ty); // read where used: nothing to save
        }
        // the same element twice in one statement ('q[j] * q[j]'): one load, one value to save
        String key = ref.get().array().name()
                + ref.get().indices().stream().map(Atom::java).toList() + ":" + ty;
        Loaded seen = loaded.get(key);
        if (seen != null && seen.origin() == lo.origin && seen.block() == lo.out && lo.locals.contains(seen.temp())) {
            return seen.temp();
        }
        Atom.Var load = lo.temp(ty);
        lo.emit(new Stmt.Assign(
                load, new Op.ArrayLoad(ref.get().array(), ref.get().indices(), ty), lo.origin));
        loaded.put(key, new Loaded(load, lo.origin, lo.out));
        return load;
    }

    /**
     * A row {@code X[i]} passed whole to parameter {@code param} of {@code callee}: an element of
     * {@code X} one index short, read where used like any element no statement writes after it
     * (see {@link Atom.Elem}). Its rows must hold, in the reverse sweep, the values the call saw:
     * the callee may not write {@code X}, and this method only when {@code X} is its local, whose
     * writes the reverse sweep then undoes. The callee's adjoint adds into the row {@code dX[i]} of
     * the caller's adjoint.
     */
    Atom row(ArrayAccessExpr a, MethodRequest callee, int param, Ty ty) {
        List<Expression> idx = new ArrayList<>();
        Expression base = a;
        while (base instanceof ArrayAccessExpr acc) {
            idx.add(0, acc.getIndex());
            base = acc.getName();
        }
        Optional<Atom.Var> arr = base instanceof NameExpr n ? lo.lookup(n.getNameAsString()) : Optional.empty();
        if (arr.isEmpty()
                || arr.get().type().dims() != idx.size() + ty.dims()
                || arr.get().type().prim() != ty.prim()) {
            lo.error(
                    a,
                    "array expression '" + Positions.oneLine(a)
                            + "' is not supported here: use an array variable by name");
            return new Atom.Const("null", ty);
        }
        String table = ((NameExpr) base).getNameAsString();
        boolean callerWrites = writesArray(lo.request.declaration(), table);
        boolean calleeWrites =
                writesArray(callee.declaration(), callee.params().get(param).name());
        boolean local = lo.request.params().stream().noneMatch(p -> p.name().equals(table));
        if (callerWrites && !calleeWrites && local) {
            // a local matrix this method fills and the callee reads a row of: as for a 1-D scratch array
            // (CallLowering), its writes are undone element by element in the reverse sweep, so that the
            // callee's adjoint, called there, reads the row as it was at the call
            lo.restoredArrays.add(arr.get());
        } else if ((callerWrites || calleeWrites) && !lo.forTape) {
            lo.error(
                    a,
                    calleeWrites
                            ? "row '" + Positions.oneLine(a) + "' is passed to " + callee.name() + "(...), which"
                                    + " writes it and stays a call here: " + lo.strategy()
                                    + " follows what a method it calls writes"
                                    + " only where the method's body can replace the call (a statement of its own, not"
                                    + " under &&, || or ?: inside a larger expression, not in a loop's condition, not"
                                    + " recursive); AUTO differentiates this method on the tape"
                            : "row '" + Positions.oneLine(a) + "' is passed to " + callee.name() + "(...), and"
                                    + " this method writes the elements of its parameter " + table + ": "
                                    + lo.strategy() + " undoes such writes in its reverse sweep only in local"
                                    + " arrays (the caller sees a parameter's); copy the row into a local array"
                                    + " first (" + ty.java() + " r = " + Positions.oneLine(a) + ".clone();)");
            return new Atom.Const("null", ty);
        }
        List<Atom> indices = new ArrayList<>();
        for (Expression i : idx) {
            indices.add(index(i));
        }
        return new Atom.Elem(arr.get(), indices, ty);
    }

    /** Whether {@code method} assigns an element of its array variable {@code name}. */
    boolean writesArray(Node method, String name) {
        return writes(method).written(name);
    }

    private ArrayWrites writes(Node method) {
        return writes.computeIfAbsent(method, ArrayWrites::new);
    }

    /**
     * Whether {@code array}, a local array, is restored element by element in the reverse sweep
     * (see {@link ArrayWrites#restoreOnWrite}): its elements are then read where they are used.
     */
    private boolean restored(String name, Atom.Var array) {
        if (lo.restoredArrays.contains(array)) {
            return true;
        }
        boolean local = lo.request.params().stream().noneMatch(p -> p.name().equals(name));
        boolean restore = local && writes(lo.request.declaration()).restoreOnWrite(name);
        if (restore) {
            lo.restoredArrays.add(array);
        }
        return restore;
    }

    Optional<ArrayRef> arrayRef(ArrayAccessExpr a) {
        List<Expression> idx = new ArrayList<>();
        Expression base = a;
        while (base instanceof ArrayAccessExpr acc) {
            idx.add(0, acc.getIndex());
            base = acc.getName();
        }
        while (base instanceof EnclosedExpr en) {
            base = en.getInner();
        }
        if (base instanceof NameExpr f
                && lo.lookup(f.getNameAsString()).isEmpty()
                && lo.request.staticFields().containsKey(f.getNameAsString())) {
            // (a static table read as constants reaches here only when written: its reads are constants)
            lo.error(
                    a,
                    "'" + Positions.oneLine(a) + "' writes into the static array '" + f.getNameAsString() + "' of "
                            + lo.request.ownerSimpleName() + ", state outside the method that neither strategy"
                            + " undoes (and whose elements it reads as constants); copy it into a local array"
                            + " first (double[] t = " + f.getNameAsString() + ".clone();) or pass it as a parameter");
            return Optional.empty();
        }
        if (!(base instanceof NameExpr n) || lo.lookup(n.getNameAsString()).isEmpty()) {
            lo.error(
                    a,
                    "element access '" + Positions.oneLine(a) + "' is not supported: index an array variable by name");
            return Optional.empty();
        }
        Atom.Var arr = lo.lookup(n.getNameAsString()).get();
        if (lo.refusedArrays.contains(arr)) {
            return Optional.empty(); // its declaration's error says why
        }
        if (arr.type().dims() != idx.size()) {
            lo.error(
                    a,
                    "'" + Positions.oneLine(a) + "' selects a row of a 2-D array: " + lo.strategy()
                            + " reads and writes" + " single elements only, write " + n.getNameAsString() + "[i][j]");
            return Optional.empty();
        }
        List<Atom> indices = new ArrayList<>();
        for (Expression i : idx) {
            indices.add(index(i));
        }
        return Optional.of(new ArrayRef(arr, indices));
    }

    /**
     * An array index: integer arithmetic over variables and literals stays an expression
     * ({@link Atom.Index}), anything else is lowered like any value.
     */
    private Atom index(Expression i) {
        Expression inner = i;
        while (inner instanceof EnclosedExpr en) {
            inner = en.getInner();
        }
        if (inner instanceof BinaryExpr
                && types.of(inner).filter(Ty.INT::equals).isPresent()
                && integerArithmetic(inner)) {
            Set<Atom.Var> reads = new LinkedHashSet<>();
            Expression renamed = new PassiveText(lo, calls).rename(inner.clone(), reads);
            return new Atom.Index(renamed.toString(), List.copyOf(reads));
        }
        return ex.convert(ex.expr(i), Ty.INT, i);
    }

    /** Whether {@code e} is {@code + - * / %} over int locals, parameters and literals only. */
    private boolean integerArithmetic(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return integerArithmetic(en.getInner());
        }
        if (e instanceof IntegerLiteralExpr) {
            return true;
        }
        if (e instanceof NameExpr n) {
            return lo.lookup(n.getNameAsString())
                    .filter(v -> v.type().equals(Ty.INT))
                    .isPresent();
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            return integerArithmetic(u.getExpression());
        }
        if (e instanceof BinaryExpr b) {
            return switch (b.getOperator()) {
                case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER ->
                    integerArithmetic(b.getLeft()) && integerArithmetic(b.getRight());
                default -> false;
            };
        }
        return false;
    }
}
