package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
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
 * <p>The tangent printed as Java for {@code Hvp} ({@link HvpSource}) allocates with {@code new}:
 * the reverse pipeline parses it again, and pools what it allocates itself.
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
    String zeros(Ty.Prim prim, String length) {
        if (!pooled || (prim != Ty.Prim.DOUBLE && prim != Ty.Prim.FLOAT)) {
            return "new " + prim.java() + "[" + length + "]";
        }
        stack();
        if (arrays == null) {
            arrays = names.claim("_arrays");
        }
        return stack + ".arrays." + (prim == Ty.Prim.FLOAT ? "borrowFloats" : "borrowDoubles") + "(" + length + ")";
    }

    /** A zeroed {@code DoubleGrad} (or, for {@code float}, {@code FloatGrad}) cell. */
    String cell(Ty.Prim prim) {
        String cls = prim == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
        if (!pooled) {
            return "new " + cls + "()";
        }
        stack();
        if (cells == null) {
            cells = names.claim("_cells");
            floatCells = names.claim("_cellsf");
        }
        return stack + "." + (prim == Ty.Prim.FLOAT ? "borrowFloatCell" : "borrowDoubleCell") + "()";
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
        out.add(new Code.Line(
                "dev.adjoint.stack.AdjointStacks " + stack + " = dev.adjoint.stack.AdjointStacks.forThread()"));
        if (arrays != null) {
            out.add(new Code.Line("int " + arrays + " = " + stack + ".arrays.mark()"));
        }
        if (cells != null) {
            out.add(new Code.Line("int " + cells + " = " + stack + ".doubleCellMark()"));
            out.add(new Code.Line("int " + floatCells + " = " + stack + ".floatCellMark()"));
        }
        return out;
    }

    /** The statements that give everything back, at the exit. */
    List<Code> release() {
        List<Code> out = new ArrayList<>();
        if (arrays != null) {
            out.add(new Code.Line(stack + ".arrays.release(" + arrays + ")"));
        }
        if (cells != null) {
            out.add(new Code.Line(stack + ".releaseCells(" + cells + ", " + floatCells + ")"));
        }
        return out;
    }
}
