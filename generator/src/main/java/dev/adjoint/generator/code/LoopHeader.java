package dev.adjoint.generator.code;

/** The header of a generated loop: {@code while (cond)} or {@code for (init; cond; update)}. */
public sealed interface LoopHeader permits LoopHeader.While, LoopHeader.For, LoopHeader.Opaque {

    /** {@code while (cond)}. */
    record While(Expr cond) implements LoopHeader {
        @Override
        public String toString() {
            return "while (" + Printer.expression(cond) + ")";
        }
    }

    /** {@code for (init; cond; update)}; a null part prints empty. */
    record For(Statement init, Expr cond, Expr update) implements LoopHeader {
        @Override
        public String toString() {
            return "for (" + (init == null ? "" : Printer.statement(init)) + "; "
                    + (cond == null ? "" : Printer.expression(cond)) + "; "
                    + (update == null ? "" : Printer.expression(update)) + ")";
        }
    }

    /** A header the model does not take apart, kept as its text; the passes leave its loop alone. */
    record Opaque(String text) implements LoopHeader {
        @Override
        public String toString() {
            return text;
        }
    }
}
