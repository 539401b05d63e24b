package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import java.util.ArrayList;
import java.util.List;

/**
 * A local array created where it may already hold an array: in a loop that creates it again, or
 * assigned {@code new} a second time. The creation assigns the array's <em>reference</em>, so it is
 * saved and restored exactly as an overwritten variable is: the forward sweep pushes the previous
 * array and its adjoint on the thread's reference stack, then borrows fresh ones from the pool; the
 * reverse sweep pops them back as it passes the creation. Each reversed iteration thus reads the
 * array its own forward iteration created, with the elements as that iteration left them (no later
 * iteration writes that array, it has an array of its own), and adds into its own adjoint array.
 * Everything borrowed goes back to the pool when the call ends, as every local array does; the
 * memory grows with the iterations, as the tape's would.
 */
final class ArrayCreations {
    private ArrayCreations() {}

    /**
     * Adds the pushes of {@code t}'s previous array and adjoint to {@code forward}, before the creation
     * is added; returns the pops, in the order the reverse sweep runs them (the adjoint first).
     */
    static List<Code> saveReferences(Sweep sw, Atom.Var t, List<Code> forward) {
        sw.usesStack = true;
        if (sw.referenceMark == null) {
            sw.referenceMark = sw.claim("_references");
        }
        List<String> saved = new ArrayList<>();
        saved.add(t.name());
        if (sw.adjoint(t) != null) {
            saved.add(sw.adjoint(t));
        }
        List<Code> restore = new ArrayList<>();
        for (String name : saved) {
            restore.add(0, saveReference(sw, new Expr.Name(name), forward));
        }
        return restore;
    }

    /**
     * Adds the push of the reference {@code what} holds (an array, a {@code String}, an enum) to
     * {@code forward}; returns the pop that restores it.
     */
    static Code saveReference(Sweep sw, Expr what, List<Code> forward) {
        sw.usesStack = true;
        if (sw.referenceMark == null) {
            sw.referenceMark = sw.claim("_references");
        }
        forward.add(new Code.Line(new Statement.Eval(references(sw, "push", what))));
        return new Code.Line(new Statement.Eval(new Expr.Assign(what, "=", references(sw, "pop"))));
    }

    static Expr references(Sweep sw, String method, Expr... args) {
        return new Expr.Call(new Expr.Field(new Expr.Name(sw.stack), "references"), method, List.of(args));
    }
}
