package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.SimpleName;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The state one method's lowering shares between statements and expressions: scopes, the
 * statements being emitted, fresh names, declared variables, diagnostics.
 */
public final class Lowering {
    final MethodRequest request;
    final MethodIndex index;
    final Names names;
    private ClassSpelling spelling;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Atom.Var> params = new ArrayList<>();
    final List<Atom.Var> locals = new ArrayList<>();
    final Set<Atom.Var> hoisted = new LinkedHashSet<>();
    final Set<Atom.Var> temps = new HashSet<>();
    /** Local arrays whose elements the reverse sweep restores as it undoes their writes. */
    final Set<Atom.Var> restoredArrays = new LinkedHashSet<>();
    /** Local arrays whose declaration is an error already: their uses add no follow-on errors. */
    final Set<Atom.Var> refusedArrays = new HashSet<>();

    private final Deque<Map<String, Atom.Var>> scopes = new ArrayDeque<>();
    List<Stmt> out = new ArrayList<>();
    /** Block nesting: 0 at the method's top level. */
    int depth;
    /**
     * How many of the blocks counted in {@link #depth} are guards around the rest of the method's
     * top-level statements after one that may return: still the method's top level in the source.
     */
    int topLevelGuards;
    /** Loop nesting: 0 outside every loop. */
    int loopDepth;

    Origin origin;
    private int originCount;
    /**
     * Whether a recursive call is lowered as any call (for the tangent sweep, which keeps no stacks
     * and so runs a recursive callee's {@code Jvp} like any other) instead of rejected.
     */
    boolean recursionAllowed;
    /**
     * Whether the form is for the tape ({@code tape/IrRecorder}), which records every write of an
     * array as it happens, through the callee's recorder too: an array, or a row, that the method
     * or a callee writes may then be passed to a call (the static strategy, which undoes writes in
     * its reverse sweep, passes only arrays that no one writes).
     */
    boolean forTape;

    /** The strategy this form is for, as a message names it: {@code the static strategy}, {@code the tape strategy}. */
    String strategy() {
        return forTape ? "the tape strategy" : "the static strategy";
    }

    public Lowering(MethodRequest request, MethodIndex index) {
        this.request = request;
        this.index = index;
        Set<String> reserved = new TreeSet<>();
        request.declaration().findAll(SimpleName.class).forEach(n -> reserved.add(n.asString()));
        reserved.add("Math");
        reserved.addAll(index.roots()); // a generated dx must not hide package dx
        this.names = new Names(reserved);
    }

    /** How the adjoint of this method writes the classes of the sources it names. */
    public ClassSpelling spelling() {
        if (spelling == null) {
            spelling = ClassSpelling.of(request); // (not for the lowerings that only follow calls)
        }
        return spelling;
    }

    /** A fresh name, never one the user wrote: {@code name}, else {@code name_1}, ... */
    public String claim(String name) {
        return names.claim(name);
    }

    public void pushScope() {
        scopes.push(new HashMap<>());
    }

    public void popScope() {
        scopes.pop();
    }

    public void bind(String javaName, Atom.Var v) {
        scopes.peek().put(javaName, v);
    }

    public Optional<Atom.Var> lookup(String javaName) {
        for (Map<String, Atom.Var> s : scopes) {
            Atom.Var v = s.get(javaName);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The type of a simple name in scope: a variable, a constant, {@code PI}/{@code E}. */
    public Optional<Ty> typeOfName(String javaName) {
        Optional<Atom.Var> v = lookup(javaName);
        if (v.isPresent()) {
            return Optional.of(v.get().type());
        }
        if (request.staticFields().containsKey(javaName)) {
            return Optional.of(request.staticFields().get(javaName));
        }
        if ((javaName.equals("PI") || javaName.equals("E")) && request.importsMath(javaName)) {
            return Optional.of(Ty.DOUBLE);
        }
        return Optional.empty();
    }

    /** A new local variable, named after {@code javaName} (renamed if that name is taken). */
    Atom.Var declare(String javaName, Ty type) {
        boolean taken = locals.stream().anyMatch(l -> l.name().equals(javaName))
                || params.stream().anyMatch(p -> p.name().equals(javaName));
        String unique = taken ? names.claim(javaName) : javaName;
        Atom.Var v = new Atom.Var(unique, type);
        locals.add(v);
        return v;
    }

    /** A fresh temporary of {@code type}. */
    Atom.Var temp(Ty type) {
        Atom.Var t = new Atom.Var(names.temp(), type);
        locals.add(t);
        temps.add(t);
        if (depth > 0) {
            hoisted.add(t);
        }
        return t;
    }

    /**
     * Whether lowering is at the method's top level in the source: outside every block and loop, or
     * only inside the guards that early returns put around the rest of the method (which runs at
     * most once, as the top level does).
     */
    boolean atSourceTopLevel() {
        return depth == topLevelGuards;
    }

    /** A fresh boolean flag ({@code _break}, {@code _return}, ...), declared at the top, false. */
    Atom.Var flag(String name) {
        Atom.Var f = new Atom.Var(names.claim(name), Ty.BOOLEAN);
        locals.add(f);
        hoisted.add(f);
        return f;
    }

    void emit(Stmt s) {
        out.add(s);
    }

    /** Lowers into a fresh list, one block deeper, and returns it. */
    List<Stmt> nested(Runnable lowering) {
        List<Stmt> saved = out;
        out = new ArrayList<>();
        depth++;
        try {
            lowering.run();
            return out;
        } finally {
            depth--;
            out = saved;
        }
    }

    <T> T inScope(Supplier<T> body) {
        pushScope();
        try {
            return body.get();
        } finally {
            popScope();
        }
    }

    /** {@code target = value} as a statement, passive or a differentiable copy. */
    void assignAtom(Atom.Var target, Atom value) {
        if (value.equals(target)) {
            return; // 's = s;' changes nothing
        }
        // retarget the temporary just computed, when it is not read by its own operation (a passive
        // one may read it: 'i = i + 1' has no derivative, and its reverse is the inverse step)
        if (!out.isEmpty()
                && out.get(out.size() - 1) instanceof Stmt.Assign last
                && last.target().equals(value)
                && temps.contains(last.target())
                && (!last.op().operands().contains(target) || last.op() instanceof Op.Passive)
                && last.op().type().equals(target.type())) {
            out.remove(out.size() - 1);
            locals.remove(locals.lastIndexOf(last.target())); // (a temporary just made: near the end)
            hoisted.remove(last.target());
            out.add(new Stmt.Assign(target, last.op(), last.origin()));
        } else if (target.type().isFloatingScalar()) {
            out.add(new Stmt.Assign(target, new Op.Apply("copy", List.of(value), target.type()), origin));
        } else {
            out.add(new Stmt.Assign(
                    target,
                    new Op.Passive(value.java(), value instanceof Atom.Var av ? Set.of(av) : Set.of(), target.type()),
                    origin));
        }
    }

    /** Sets a flag to {@code value}. */
    void set(Atom.Var flag, boolean value) {
        out.add(new Stmt.Assign(flag, new Op.Passive(Boolean.toString(value), Set.of(), Ty.BOOLEAN), origin));
    }

    Origin newOrigin(Node s) {
        return newOrigin(s, Positions.oneLine(s));
    }

    Origin newOrigin(Node s, String text) {
        Positions.Line at = Positions.line(request.file(), s);
        return new Origin(originCount++, text, at.line(), at.file());
    }

    void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
