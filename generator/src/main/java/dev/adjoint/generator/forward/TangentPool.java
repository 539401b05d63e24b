package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * The arrays and cells a {@code Jvp} needs for its tangents only (the tangent of a local array, the
 * copy of a direction the method writes in place, the cell a callee's {@code Jvp} sets), borrowed
 * from the thread's {@code AdjointStacks} as the reverse sweep borrows its own, and given back at
 * the {@code Jvp}'s one exit: a warm call allocates nothing for them. Each is borrowed once per
 * call (local arrays are created once, at the method's top level), so the pool does not grow with
 * the loops. The primal's own arrays stay as the method allocates them.
 *
 * <p>The tangent built as a Java method for {@code Hvp} ({@link HvpSource}) allocates with {@code new}:
 * the reverse pipeline differentiates it again, and pools what it allocates itself.
 */
final class TangentPool {
    private final Names names;
    private final boolean pooled;
    private String stack;
    private String arrays;
    private String cells;
    private String floatCells;

    /** A pool claiming its names from {@code names}; with {@code pooled} false, everything is allocated. */
    TangentPool(Names names, boolean pooled) {
        this.names = names;
        this.pooled = pooled;
    }

    /** A zeroed 1-D array of {@code prim} of {@code length} elements, as {@code new prim[length]}. */
    Expr zeros(Ty.Prim prim, Expr length) {
        if (!pooled || (prim != Ty.Prim.DOUBLE && prim != Ty.Prim.FLOAT)) {
            return new Expr.NewArray(prim.java(), List.of(length), 0, null);
        }
        stack();
        if (arrays == null) {
            arrays = names.claim("_arrays");
        }
        return new Expr.Call(
                new Expr.Field(new Expr.Name(stack), "arrays"),
                prim == Ty.Prim.FLOAT ? "borrowFloats" : "borrowDoubles",
                List.of(length));
    }

    /** A zeroed {@code DoubleGrad} (or, for {@code float}, {@code FloatGrad}) cell. */
    Expr cell(Ty.Prim prim) {
        String cls = prim == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
        if (!pooled) {
            return new Expr.New(cls, List.of());
        }
        stack();
        if (cells == null) {
            cells = names.claim("_cells");
            floatCells = names.claim("_cellsf");
        }
        return new Expr.Call(
                new Expr.Name(stack), prim == Ty.Prim.FLOAT ? "borrowFloatCell" : "borrowDoubleCell", List.of());
    }

    private void stack() {
        if (stack == null) {
            stack = names.claim("_stack");
        }
    }

    /** The statements that take the marks, before the first borrowing (none when nothing is borrowed). */
    List<Code> head() {
        List<Code> out = new ArrayList<>();
        if (stack == null) {
            return out;
        }
        out.add(new Code.Line(new Statement.Declare(
                "", Printer.STACKS, stack, new Expr.Call(Expr.qualified(Printer.STACKS), "forThread", List.of()))));
        if (arrays != null) {
            out.add(new Code.Line(new Statement.Declare("", "int", arrays, onStack("arrays", "mark"))));
        }
        if (cells != null) {
            out.add(new Code.Line(new Statement.Declare("", "int", cells, onStack(null, "doubleCellMark"))));
            out.add(new Code.Line(new Statement.Declare("", "int", floatCells, onStack(null, "floatCellMark"))));
        }
        return out;
    }

    /** The statements that give everything back, at the exit. */
    List<Code> release() {
        List<Code> out = new ArrayList<>();
        if (arrays != null) {
            out.add(new Code.Line(new Statement.Eval(onStack("arrays", "release", new Expr.Name(arrays)))));
        }
        if (cells != null) {
            out.add(new Code.Line(new Statement.Eval(
                    onStack(null, "releaseCells", new Expr.Name(cells), new Expr.Name(floatCells)))));
        }
        return out;
    }

    /** {@code _stack.name(args)}, or {@code _stack.field.name(args)}. */
    private Expr onStack(String field, String name, Expr... args) {
        Expr target = new Expr.Name(stack);
        return new Expr.Call(field == null ? target : new Expr.Field(target, field), name, List.of(args));
    }
}
