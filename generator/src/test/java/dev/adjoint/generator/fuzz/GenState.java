package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The state of one method's generation ({@link MethodGen}): the random source, the program's choices,
 * the text so far, the scopes, arrays and loop counters in scope, the budget of statements left; and
 * the value types of generated code. The generation is split by family over a chain of classes, each
 * adding one family to the one below: {@link ExpressionGen} (names, conditions, expressions), {@link
 * LoopGen} (loops, scratch fills, scopes), {@link SwitchGen} (switches), {@link ExtraGen} (the
 * extras of {@link ProgramGenerator#EXTRAS}), {@link SideEffectGen} (updates inside expressions,
 * helper and library calls), {@link MethodGen} (the body and its statements). One object, one
 * random stream: the programs of a seed do not depend on the split.
 */
abstract class GenState {
    /** Value types of generated code; F renders as float (double in the twin). */
    enum T {
        D,
        F,
        I,
        L,
        B
    }

    /** A typed expression. */
    record E(String text, T type) {
        @Override
        public String toString() {
            return text;
        }
    }

    record Var(String name, T type, boolean assignable) {}

    /**
     * An array in scope.
     *
     * @param writable whether the method may write it (then no callee gets it)
     * @param passive whether it holds no differentiated value (a non-wrt parameter never written, a fresh zero array)
     */
    record Arr(String name, T elem, boolean writable, boolean passive) {}

    private final Set<Feature> features;
    final Random r;
    final Ctx ctx;
    final boolean floats;
    final Method sig;
    final List<Method> callees;
    final StringBuilder out = new StringBuilder();
    final Deque<List<Var>> scopes = new ArrayDeque<>();
    final List<Arr> arrays = new ArrayList<>();
    /** Index expressions (values in 0..3) of the enclosing loops' counters, innermost last. */
    final List<String> counters = new ArrayList<>();

    int budget;
    int loopDepth;
    int ifDepth;
    int calls;
    boolean hasP;
    boolean hasQ;
    /** More than 0 while a condition or an index is generated: text that the tape copies as it is. */
    int passive;
    /** Whether the method declares the String local {@code key} and the enum local {@code mode}; whether the last selector was either. */
    boolean keyDeclared;

    boolean keyed;
    boolean moded;
    /** Whether the method may jump out of loops: break, continue, return. */
    final boolean jumpy;

    int forEachLoops;
    /** Whether the method is still to get its scratch array ({@link Feature#SCRATCH_FILLS}). */
    boolean scratchPending;
    /** The scope depth at which each array declared inside the body was declared (EXTRAS' copies). */
    final java.util.Map<String, Integer> arrayDepth = new java.util.HashMap<>();

    int unique;
    /** Names declared in the earlier cases of the classic switches around: in scope for Java, not for their reads. */
    Set<String> switchLocals = new java.util.HashSet<>();
    /** The loop depth at which a {@code continue} may not go (a {@code do} whose condition updates), or -1. */
    int noContinueAt = -1;

    /** Names of the extras' own variables ({@code lk0}, {@code la0}), unlike any other of the program. */
    int extraNames;

    GenState(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        this.features = features;
        this.r = r;
        this.ctx = ctx;
        this.floats = ctx.floats();
        this.sig = sig;
        this.callees = has(Feature.CALLS) ? callees : List.of();
        this.budget = budget;
        this.jumpy = has(Feature.JUMPS) && r.nextBoolean();
    }

    boolean has(Feature f) {
        return features.contains(f);
    }

    String typeName(T t) {
        return switch (t) {
            case D -> "double";
            case F -> "$F";
            case I -> "int";
            case L -> "long";
            case B -> "boolean";
        };
    }
}
