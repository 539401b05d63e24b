package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.select.ClassSpelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the reversal of one method's statements shares: names of adjoints, the stacks, saves. */
final class Sweep {
    final MethodIr ir;
    final Analysis an;
    /** The adjoint (a local, an array, or the caller's buffer) of each active variable. */
    final Map<Atom.Var, String> adjoints = new HashMap<>();
    /** Declarations of saved values that live in a nested block, emitted at the top. */
    final List<Code> saveDeclarations = new ArrayList<>();
    final String stack;
    /** How the adjoint names the classes of the callees' adjoints and pullbacks. */
    final ClassSpelling spelling;
    boolean usesStack;
    int depth;
    int loopDepth;

    Sweep(MethodIr ir, Analysis an) {
        this.ir = ir;
        this.an = an;
        this.stack = ir.names().claim("_stack");
        this.spelling = ClassSpelling.of(ir.request());
    }

    String adjoint(Atom.Var v) {
        return adjoints.get(v);
    }

    /** The stack field of {@code AdjointStacks} for values of {@code t}. */
    String stackOf(Ty t) {
        usesStack = true;
        return stack + "." + switch (t.prim()) {
            case DOUBLE -> "doubles";
            case FLOAT -> "floats";
            case INT -> "ints";
            case LONG -> "longs";
            case BOOLEAN -> "booleans";
        };
    }

    /** The name of the array pool's mark, once an array is borrowed from it. */
    String arrayMark;

    /**
     * A zeroed 1-D array of {@code prim} and length {@code length} from the thread's pool: the
     * method gives it back before it returns, so only arrays that do not outlive the call may come
     * from here.
     */
    String borrowArray(Ty.Prim prim, String length) {
        usesStack = true;
        if (arrayMark == null) {
            arrayMark = claim("_arrays");
        }
        return stack + ".arrays.borrow" + (prim == Ty.Prim.FLOAT ? "Floats" : "Doubles") + "(" + length + ")";
    }

    private Map<Atom.Var, Integer> uses;

    /** How many times each variable is read in the method (see {@link Increments#uses}). */
    Map<Atom.Var, Integer> uses() {
        if (uses == null) {
            uses = Increments.uses(ir.body());
        }
        return uses;
    }

    private Map<Atom.Var, Integer> assignments;

    /** How many times each variable is assigned in the method. */
    Map<Atom.Var, Integer> assignments() {
        if (assignments == null) {
            assignments = new HashMap<>();
            Increments.assignments(ir.body(), assignments);
        }
        return assignments;
    }

    private Map<String, Ty> adjointTypes;

    /** The type of each scalar adjoint variable, by its name (once every adjoint is named). */
    Map<String, Ty> adjointTypes() {
        if (adjointTypes == null) {
            adjointTypes = new HashMap<>();
            adjoints.forEach((v, name) -> {
                if (!v.type().isArray()) {
                    adjointTypes.put(name, v.type());
                }
            });
        }
        return adjointTypes;
    }

    String claim(String name) {
        return ir.names().claim(name);
    }
}
