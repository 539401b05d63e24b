package dev.adjoint.generator.tape;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Elements of 1-D and 2-D arrays on the tape. An array variable {@code x} has a handle array
 * {@code x_h} of its shape ({@code int[]} or {@code int[][]}, borrowed from the tape), so that
 * element {@code x[i][j]} has the handle {@code x_h[i][j]}: reading an element reads both, writing
 * one writes both. Local arrays get their handle arrays where they are created, all
 * {@code CONSTANT} (a new array holds zeros). Initialisers and row aliases reach the recorder
 * already lowered to creations and element accesses by the shared front end ({@code desugar}).
 */
final class ArrayElements {
    private static final String ROWS = "dev.adjoint.tape.RowHandles";
    private final RecorderState st;
    private final PassiveCopy passive;
    private final ValueRecorder values;

    ArrayElements(RecorderState st, PassiveCopy passive, ValueRecorder values) {
        this.st = st;
        this.passive = passive;
        this.values = values;
    }

    /** An element access {@code x[i]...} on an array variable: the variable and the indices, outermost first. */
    record Access(String array, List<Expression> indices) {}

    /** {@code e} as an access to an array variable of the method, or empty (a table constant, an expression). */
    Optional<Access> access(Expression e) {
        List<Expression> indices = new ArrayList<>();
        Expression base = e;
        while (base instanceof ArrayAccessExpr a) {
            indices.add(0, a.getIndex());
            base = a.getName();
        }
        if (indices.isEmpty()
                || !(base instanceof NameExpr n)
                || st.scope.lookup(n.getNameAsString()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Access(n.getNameAsString(), indices));
    }

    /**
     * The indices as Java text, {@code [i][j]}: each read where it is used when it cannot change in
     * between ({@link ValueRecorder#stableIndex}), else evaluated once, in Java's order, into an int.
     */
    String indices(Access a) {
        if (a.indices().stream().anyMatch(i -> i.findFirst(MethodCallExpr.class).isPresent())) {
            values.pending.flush(); // the call may write what the pending partials read
        }
        StringBuilder out = new StringBuilder();
        for (Expression index : a.indices()) {
            String i = passive.text(index);
            if (!values.stableIndex(index)) {
                String tmp = st.temp("int");
                st.statement("int " + tmp + " = " + i + ";");
                i = tmp;
            }
            out.append('[').append(i).append(']');
        }
        return out.toString();
    }

    /** Reads element {@code a} (of type {@code t}): its value and its handle. */
    ValueRecorder.Value read(Access a, Ty t) {
        String at = indices(a);
        return new ValueRecorder.Value(a.array() + at, st.handle(a.array()) + at, t);
    }

    /** Writes {@code v} into the element {@code target}; false when {@code target} is not an element of an array variable. */
    boolean store(Expression target, ValueRecorder.Value v) {
        Optional<Access> a = access(target);
        Optional<Ty> array = a.flatMap(x -> st.scope.lookup(x.array())).map(Atom.Var::type);
        if (a.isEmpty()
                || array.isEmpty()
                || array.get().dims() != a.get().indices().size()) {
            return false;
        }
        // the node first: its partials may read the value about to be overwritten
        String h = values.handle(v);
        String at = indices(a.get());
        st.statement(a.get().array() + at + " = " + v.value() + ";");
        st.statement(st.handle(a.get().array()) + at + " = " + h + ";");
        return true;
    }

    /**
     * Declares the local array {@code d} of type {@code t}, created with {@code new T[n]} or
     * {@code new T[n][m]}, and its handle array.
     */
    void declare(VariableDeclarator d, Ty t) {
        String name = d.getNameAsString();
        st.scope.bind(name, new Atom.Var(name, t)); // (even when rejected: its uses are not reported again)
        Optional<ArrayCreationExpr> creation =
                d.getInitializer().filter(ArrayCreationExpr.class::isInstance).map(ArrayCreationExpr.class::cast);
        if (d.getInitializer().filter(MethodCallExpr.class::isInstance).isPresent()) {
            st.error(
                    d,
                    "local array '" + name
                            + "' holds the array a call returns, which no strategy follows into the caller;"
                            + " create it with new " + t.prim().java()
                            + "[n] and let the method write into it (an array parameter it fills)");
            return;
        }
        if (creation.isEmpty() || !fresh(creation.get(), t)) {
            st.error(
                    d,
                    "local array '" + name + "': the tape strategy takes local arrays created with new "
                            + t.prim().java() + "[n]" + " or new " + t.prim().java() + "[n][m] (every length given)");
            return;
        }
        st.statement(t.java() + " " + name + " = " + created(creation.get(), t) + ";");
        st.statement((t.dims() == 1 ? "int[] " : "int[][] ") + st.handle(name) + " = " + handles(name, t) + ";");
    }

    /**
     * {@code t = new T[n]}, a local array variable given a fresh array: fresh handles with it (the
     * earlier array keeps its own, which its nodes on the tape already name).
     */
    void create(NameExpr target, Expression value, Ty t) {
        if (!(value instanceof ArrayCreationExpr c) || !fresh(c, t)) {
            st.error(
                    target,
                    "assigning the array variable '" + target
                            + "' is not supported: write its elements, or give it a new array" + " (" + target
                            + " = new " + t.prim().java() + "[n])");
            return;
        }
        String name = target.getNameAsString();
        st.statement(name + " = " + created(c, t) + ";");
        st.statement(st.handle(name) + " = " + handles(name, t) + ";");
    }

    private static boolean fresh(ArrayCreationExpr c, Ty t) {
        return t.dims() <= 2
                && c.getInitializer().isEmpty()
                && c.getLevels().size() == t.dims()
                && c.getLevels().stream().allMatch(l -> l.getDimension().isPresent());
    }

    private String created(ArrayCreationExpr c, Ty t) {
        return "new " + t.prim().java()
                + String.join(
                        "",
                        c.getLevels().stream()
                                .map(l -> "[" + passive.text(l.getDimension().orElseThrow()) + "]")
                                .toList());
    }

    private String handles(String name, Ty t) {
        return t.dims() == 1
                ? st.tape + ".borrowHandles(" + name + ".length)"
                : ROWS + ".borrow(" + st.tape + ", " + name + ")";
    }

    /**
     * An array argument {@code a} passed to a recorded callee: the array and its handles as Java
     * text, for a variable or elements of a higher-rank variable that are arrays ({@code m[i]}, {@code W[l]},
     * {@code W[l][i]}); empty for anything else.
     */
    Optional<List<String>> argument(Expression a) {
        if (a instanceof NameExpr n && st.scope.lookup(n.getNameAsString()).isPresent()) {
            return Optional.of(List.of(n.getNameAsString(), st.handle(n.getNameAsString())));
        }
        Optional<Access> row = access(a);
        Optional<Ty> array = row.flatMap(x -> st.scope.lookup(x.array())).map(Atom.Var::type);
        if (row.isPresent()
                && array.isPresent()
                && !row.get().indices().isEmpty()
                && array.get().dims() > row.get().indices().size()) {
            // a row X[i], a layer W[l] or a row W[l][i]: the array's elements and their handles at the same indices
            String at = indices(row.get());
            return Optional.of(
                    List.of(row.get().array() + at, st.handle(row.get().array()) + at));
        }
        return Optional.empty();
    }

    /** {@code return x;} of an array result: the handles of its elements go to the caller with it. */
    void returnArray(Expression e) {
        if (!(e instanceof NameExpr n)
                || st.scope
                        .lookup(n.getNameAsString())
                        .filter(v -> v.type().equals(st.request.result()))
                        .isEmpty()) {
            st.error(
                    e,
                    "'return " + Positions.oneLine(e) + "' is not supported: return an array result by the name of its"
                            + " variable, declared first ('"
                            + st.request.result().java() + " y = ...; return y;')");
            return;
        }
        st.statement(st.tape + ".setResult(" + st.handle(n.getNameAsString()) + ");");
        st.statement("return " + n.getNameAsString() + ";");
    }
}
