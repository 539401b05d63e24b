package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import java.util.Set;

/**
 * The facts the reverse pass needs.
 *
 * @param active variables that carry an adjoint
 * @param needed variables whose values the reverse sweep reads (their overwrites are saved)
 * @param saves which assignments keep the value they overwrite, and how (see {@link Saves})
 * @param saveArrayElements whether array elements are saved before each write and restored in
 *     reverse (only when the to-be-recorded analysis is off: no derivative reads them)
 * @param varied variables that depend on a differentiated input
 */
public record Analysis(
        Set<Atom.Var> active,
        Set<Atom.Var> needed,
        Saves saves,
        boolean saveArrayElements,
        Set<Atom.Var> varied,
        Options options) {

    /** Whether the reverse pass's optimisation {@code o} is on. */
    public boolean on(Options.Optimisation o) {
        return options.on(o);
    }

    public Analysis {
        active = Set.copyOf(active);
        needed = Set.copyOf(needed);
        varied = Set.copyOf(varied);
    }

    /** Whether {@code a} depends on a differentiated input (whether or not it reaches the result). */
    public boolean isVaried(Atom a) {
        return Atom.carrier(a).filter(varied::contains).isPresent();
    }

    /** Whether {@code a} is a variable with an adjoint. */
    public boolean isActive(Atom a) {
        return Atom.carrier(a).filter(active::contains).isPresent();
    }
}
