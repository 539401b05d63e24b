package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.analyze.NonFinite;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** The arrays the method writes elements of. */
    Set<Atom.Var> writtenArrays = Set.of();
    /** Statements the reverse sweep computes again rather than saving what they overwrite ({@link Recomputation}). */
    final Set<Stmt> recomputed = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Stores into scratch arrays that each reversed iteration fills again ({@link Refills}): nothing saved. */
    final Set<Stmt> refilled = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * The counters of the counted loops around the statement being reversed, innermost last: each
     * reversed iteration sets its counter back to the iteration's value before anything else.
     */
    final Deque<Atom.Var> reversedCounters = new ArrayDeque<>();
    /** The forward sweep's {@code throw}s and {@code assert}s: the arrays borrowed from the pool go back before they throw. */
    final Map<Code, Stmt.Effect> throwSites = new IdentityHashMap<>();
    /** The variables that {@link BlockReversal} saved on a stack before an overwrite, and restored by a pop. */
    final Set<String> stackSaved = new java.util.HashSet<>();
    /** The variables not to save on a stack at all: nothing reads their restored values ({@link DeadSaves}). */
    Set<String> deadSaves = Set.of();

    boolean usesStack;
    /** The reference stack's size on entry, for a throw to give back what the method pushed (null: nothing pushed). */
    String referenceMark;
    /** The local arrays whose adjoint array is declared already (an array created again assigns it). */
    final Set<Atom.Var> declaredArrayAdjoints = new java.util.HashSet<>();

    int depth;
    int loopDepth;

    Sweep(MethodIr ir, Analysis an) {
        this.ir = ir;
        this.an = an;
        this.stack = ir.names().claim("_stack");
        this.spelling = ClassSpelling.of(ir.request());
    }

    private NonFinite nonFinite;

    /** Where the sweep may meet {@code 0 · ∞} ({@link ZeroAdjoints}), analysed once. */
    NonFinite nonFinite() {
        if (nonFinite == null) {
            nonFinite = NonFinite.of(ir);
        }
        return nonFinite;
    }

    String adjoint(Atom.Var v) {
        return adjoints.get(v);
    }

    /**
     * A stack of the thread's {@code AdjointStacks} that the sweeps keep in two locals, its values
     * array and its top: pushes and pops are then array accesses the JIT keeps in registers, not
     * calls that load and store the stack's fields each time.
     *
     * @param field the stack's field in {@code AdjointStacks} ({@code doubles})
     */
    record LocalStack(Ty.Prim prim, String field, String values, String top) {}

    /** The stacks the method uses, by kind. */
    final Map<Ty.Prim, LocalStack> stacks = new EnumMap<>(Ty.Prim.class);

    private LocalStack stack(Ty t) {
        usesStack = true;
        // short, byte and char widen to int on the int stack; pop() narrows them back
        return stacks.computeIfAbsent(t.isNarrow() ? Ty.Prim.INT : t.prim(), p -> {
            String field = switch (p) {
                case DOUBLE -> "doubles";
                case FLOAT -> "floats";
                case INT -> "ints";
                case LONG -> "longs";
                case BOOLEAN -> "booleans";
                case SHORT, BYTE, CHAR -> throw new IllegalStateException("saved on the int stack: " + p);
                // (a String or enum overwritten in a loop goes on the reference stack: BlockReversal.save)
                case STRING, ENUM, RANDOM -> throw new IllegalStateException("never overwritten, never saved: " + p);
            };
            String values = claim("_" + field);
            return new LocalStack(p, field, values, claim(values + "Top"));
        });
    }

    /** The locals of the stacks the method uses, taken from the thread's stacks. */
    List<Code> takeStacks() {
        List<Code> out = new ArrayList<>();
        for (LocalStack s : stacks.values()) {
            out.add(new Code.Line(
                    new Statement.Declare("", s.prim().java() + "[]", s.values(), stackCall(s, "values"))));
            out.add(new Code.Line(new Statement.Declare("", "int", s.top(), stackCall(s, "size"))));
        }
        return out;
    }

    /** The stacks' locals handed back to the thread's stacks. */
    List<Code> handBackStacks() {
        List<Code> out = new ArrayList<>();
        for (LocalStack s : stacks.values()) {
            out.add(new Code.Line(
                    new Statement.Eval(stackCall(s, "adopt", new Expr.Name(s.values()), new Expr.Name(s.top())))));
        }
        return out;
    }

    private int checkSites;

    /**
     * The {@code -ea} check that the reverse sweep pops what the forward sweep pushed
     * ({@code dev.adjoint.stack.StackChecks}), around a block: {@code mark} goes where the forward
     * block ends, {@code check} where its reversal starts, each comparing the site and the tops of
     * the stacks used so far. Empty when the block pushes nothing.
     *
     * @param block the forward block: a loop's body, or the whole forward sweep
     */
    Optional<StackCheck> stackCheck(List<Code> block) {
        Set<String> assigned = new java.util.HashSet<>();
        Code.statements(block, st -> Uses.assigned(st, assigned));
        if (!an.on(Options.Optimisation.STACK_CHECKS)
                || stacks.values().stream().noneMatch(s -> assigned.contains(s.top()))) {
            return Optional.empty();
        }
        int site = checkSites++;
        List<Expr> args = new ArrayList<>(List.of(new Expr.Literal(Integer.toString(site))));
        stacks.values().forEach(s -> args.add(new Expr.Name(s.top())));
        Expr checks = new Expr.Field(new Expr.Name(stack), "checks");
        return Optional.of(new StackCheck(
                new Code.Line(new Statement.Assert(new Expr.Call(checks, "mark", args))),
                new Code.Line(new Statement.Assert(new Expr.Call(checks, "check", args)))));
    }

    /** The two ends of a stack check (see {@link #stackCheck}). */
    record StackCheck(Code mark, Code check) {}

    /** {@code _stack.field.method(args)}: a call on one of the thread's stacks. */
    private Expr stackCall(LocalStack s, String method, Expr... args) {
        return new Expr.Call(new Expr.Field(new Expr.Name(stack), s.field()), method, List.of(args));
    }

    /** {@code codes} with each {@link Statement.Handover} replaced by what it stands for. */
    List<Code> placeStackHandovers(List<Code> codes) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Line l && l.statement() instanceof Statement.Handover h && h.back()) {
                out.addAll(handBackStacks());
            } else if (c instanceof Code.Line l && l.statement() instanceof Statement.Handover) {
                for (LocalStack s : stacks.values()) {
                    out.add(new Code.Line(new Statement.Eval(
                            new Expr.Assign(new Expr.Name(s.values()), "=", stackCall(s, "values")))));
                }
            } else if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(b.cond(), placeStackHandovers(b.then()), placeStackHandovers(b.otherwise())));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.header(), placeStackHandovers(l.body())));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The statement that saves {@code what}, of type {@code t}, on its stack. */
    Statement push(Ty t, Expr what) {
        LocalStack s = stack(t);
        return Statement.push(s.values(), s.top(), what);
    }

    /**
     * A counted loop's top-level pushes made stores into room reserved before the loop: each
     * push {@code values = push(values, top++, v)} of {@code body} becomes {@code values[top++] = v},
     * and for each stack pushed to, {@code values = reserve(values, top, pushes, iterations)} goes
     * into {@code before}. Only for a stack that nothing nested in the body (a branch, an inner
     * loop) saves on: those saves would take room the count does not include; and not at all
     * around a call to another adjoint (it hands the stacks over) or code kept as text.
     *
     * @param iterations the loop's iteration count as a {@code long} expression, evaluated before the loop
     */
    List<Code> reserveRoom(List<Code> body, Expr iterations, List<Code> before) {
        // the stacks that nested code, or anything else than a top-level push, assigns
        Set<String> nested = new java.util.HashSet<>();
        boolean[] opaque = {false};
        for (Code c : body) {
            if (topLevelPush(c) == null) {
                Code.statements(List.of(c), st -> {
                    Uses.assigned(st, nested);
                    opaque[0] |= st instanceof Statement.Handover || st instanceof Statement.Opaque;
                });
                opaque[0] |= c instanceof Code.Raw;
            }
        }
        Map<String, Integer> pushes = new java.util.LinkedHashMap<>();
        Map<String, String> tops = new HashMap<>();
        List<Code> out = new ArrayList<>();
        for (Code c : body) {
            Expr.Push p = topLevelPush(c);
            if (p != null && !opaque[0] && !nested.contains(p.values())) {
                pushes.merge(p.values(), 1, Integer::sum);
                tops.put(p.values(), p.top());
                Expr slot = new Expr.Element(new Expr.Name(p.values()), new Expr.Postfix(new Expr.Name(p.top()), "++"));
                out.add(new Code.Line(new Statement.Eval(new Expr.Assign(slot, "=", p.value()))));
            } else {
                out.add(c);
            }
        }
        if (!pushes.isEmpty()) {
            before.add(new Code.Comment("room on the stacks for what the loop saves"));
        }
        pushes.forEach((values, n) -> before.add(new Code.Line(new Statement.Eval(new Expr.Assign(
                new Expr.Name(values),
                "=",
                new Expr.Call(
                        Expr.qualified(Printer.STACKS),
                        "reserve",
                        List.of(
                                new Expr.Name(values),
                                new Expr.Name(tops.get(values)),
                                new Expr.Literal(Integer.toString(n)),
                                iterations)))))));
        return out;
    }

    /** The push {@code values = push(values, top++, v)} that {@code c} is, or null. */
    private static Expr.Push topLevelPush(Code c) {
        if (c instanceof Code.Line l
                && l.statement() instanceof Statement.Eval e
                && e.expr() instanceof Expr.Assign a
                && a.op().equals("=")
                && a.value() instanceof Expr.Push p
                && a.target().equals(new Expr.Name(p.values()))) {
            return p;
        }
        return null;
    }

    /** The expression that takes the last saved value of type {@code t} off its stack. */
    Expr pop(Ty t) {
        LocalStack s = stack(t);
        Expr top = new Expr.Pop(s.values(), s.top());
        return t.isNarrow() ? new Expr.Cast(t.java(), top) : top;
    }

    /** The name of the array pool's mark, once an array is borrowed from it. */
    String arrayMark;

    /**
     * A zeroed 1-D array of {@code prim} and length {@code length} from the thread's pool: the
     * method gives it back before it returns, so only arrays that do not outlive the call may come
     * from here.
     */
    Expr borrowArray(Ty.Prim prim, Expr length) {
        usesStack = true;
        if (arrayMark == null) {
            arrayMark = claim("_arrays");
        }
        String kind = switch (prim) {
            case DOUBLE -> "Doubles";
            case FLOAT -> "Floats";
            case LONG -> "Longs";
            case INT -> "Ints";
            case BOOLEAN -> "Booleans";
            case SHORT, BYTE, CHAR, STRING, ENUM, RANDOM ->
                throw new IllegalStateException("no pooled arrays of " + prim);
        };
        return new Expr.Call(new Expr.Field(new Expr.Name(stack), "arrays"), "borrow" + kind, List.of(length));
    }

    private Map<Atom.Var, Integer> uses;

    /** How many times each variable is read in the method (see {@link Increments#uses}). */
    Map<Atom.Var, Integer> uses() {
        if (uses == null) {
            uses = Increments.uses(ir.body());
        }
        return uses;
    }

    private List<Stmt> flatBody;

    /** Every statement of the method, nested ones included, in order (see {@code ActivityAnalysis.flatten}). */
    List<Stmt> flatBody() {
        if (flatBody == null) {
            flatBody = new ArrayList<>();
            dev.adjoint.generator.analyze.ActivityAnalysis.flatten(ir.body(), flatBody);
        }
        return flatBody;
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

    /** The element type of each adjoint array (local or the caller's buffer), by its name. */
    Map<String, Ty.Prim> adjointArrays() {
        Map<String, Ty.Prim> arrays = new HashMap<>();
        adjoints.forEach((v, name) -> {
            if (v.type().dims() == 1) {
                arrays.put(name, v.type().prim());
            }
        });
        return arrays;
    }

    String claim(String name) {
        return ir.names().claim(name);
    }
}
