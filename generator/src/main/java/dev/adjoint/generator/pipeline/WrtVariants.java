package dev.adjoint.generator.pipeline;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Internal adjoints of callees that differentiate every {@code float}/{@code double} parameter,
 * for the static callers that pass a differentiated value to a parameter the callee's
 * {@code wrt} leaves out: the callee's own {@code Vjp} has no buffer for that derivative, so such
 * a call goes to {@code name$allVjp} instead (Clad generates a variant per call site; one per
 * callee is enough here, the extra buffers of passive arguments being discarded). Each variant is
 * generated once, in the callee's adjoint class, with the callee's visibility, and has only a
 * {@code Vjp} (and the {@code Jvp} its callers' tangents call): it is no part of the user's API.
 * The {@code $} keeps its name apart from every name a user writes (the JLS reserves it for
 * generated code).
 *
 * <p>A public static method's callers may be in other modules, compiled against its adjoint class,
 * which cannot learn what they need: every such method whose {@code wrt} leaves out a
 * {@code float}/{@code double} parameter gets its variant ({@link #offer}), whether or not a caller
 * of these sources needs it, and a compiled callee's variant is called where its adjoint class has
 * it ({@code ClasspathCallees#hasWideVjp}; one generated before this rule has not: such a call keeps
 * the callee's own adjoint and the caller goes to the tape, saying to rebuild the callee's module).
 * An offered variant that no caller here needs is best effort: if no strategy takes it, it is left
 * out silently (the method itself was accepted).
 */
final class WrtVariants {
    private final MethodIndex index;
    private final Map<MethodRequest, MethodRequest> variantOf = new IdentityHashMap<>();
    private final Set<MethodRequest> variants = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<MethodRequest> pending = new ArrayDeque<>();
    /** The variants some caller of these sources calls (the others were only offered). */
    private final Set<MethodRequest> called = Collections.newSetFromMap(new IdentityHashMap<>());

    WrtVariants(MethodIndex index) {
        this.index = index;
    }

    /** Whether {@code r} is a variant made here. */
    boolean isVariant(MethodRequest r) {
        return variants.contains(r);
    }

    /**
     * Offers the variant of {@code r}, a public static method of the sources whose {@code wrt}
     * leaves out a {@code float}/{@code double} parameter, to the callers of other modules.
     */
    void offer(MethodRequest r) {
        if (r.isPublic()
                && publicOwners(r)
                && r.params().stream().anyMatch(p -> p.type().isFloating() && !p.wrt())
                && canWiden(r)
                && dev.adjoint.generator.objects.Receiver.of(r).isEmpty()) {
            variant(r);
        }
    }

    /** Whether every class around {@code r} is public: else no other module can call it. */
    private static boolean publicOwners(MethodRequest r) {
        for (com.github.javaparser.ast.Node n = r.declaration().getParentNode().orElse(null);
                n != null;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t && !t.isPublic()) {
                return false;
            }
        }
        return true;
    }

    /** Whether variant {@code v} was only offered: no caller of these sources calls it. */
    boolean onlyOffered(MethodRequest v) {
        return variants.contains(v) && !called.contains(v);
    }

    /** Whether some caller calls a variant that has not been handed out yet. */
    boolean hasNext() {
        return !pending.isEmpty();
    }

    /** The next variant some caller calls, to choose a strategy for and generate. */
    MethodRequest next() {
        return pending.remove();
    }

    /**
     * {@code ir} with each call that passes a differentiated value to a parameter outside the
     * callee's {@code wrt} calling the callee's variant instead, or {@code ir} itself when no call
     * does. A callee that has no variant (a compiled one of the classpath, an instance method) keeps
     * its call, which {@link Strategies} then reports.
     */
    MethodIr widen(MethodIr ir, Analysis an) {
        return widen(ir, an, true).orElseThrow();
    }

    /**
     * As {@link #widen(MethodIr, Analysis)} with the variants made so far only (for the reverse of
     * a tangent, after the pipeline generated them): empty when it would need another one.
     */
    Optional<MethodIr> widenWithExisting(MethodIr ir, Analysis an) {
        return widen(ir, an, false);
    }

    private Optional<MethodIr> widen(MethodIr ir, Analysis an, boolean create) {
        boolean[] changed = {false};
        boolean[] missing = {false};
        List<Stmt> body = widen(ir.body(), an, changed, create ? null : missing);
        if (missing[0]) {
            return Optional.empty();
        }
        return Optional.of(
                changed[0]
                        ? new MethodIr(
                                ir.request(),
                                ir.params(),
                                ir.locals(),
                                ir.hoisted(),
                                body,
                                ir.names(),
                                ir.restoredArrays())
                        : ir);
    }

    /** {@code body} with the calls retargeted; with {@code missing}, only to variants that exist (else it is set). */
    private List<Stmt> widen(List<Stmt> body, Analysis an, boolean[] changed, boolean[] missing) {
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a
                    && a.op() instanceof Op.Call call
                    && losesDerivative(call, an)
                    && canWiden(call.callee())) {
                changed[0] = true;
                if (missing != null && !variantOf.containsKey(call.callee())) {
                    missing[0] = true;
                }
                MethodRequest v =
                        missing != null ? variantOf.getOrDefault(call.callee(), call.callee()) : variant(call.callee());
                called.add(v);
                out.add(new Stmt.Assign(a.target(), new Op.Call(v, call.args(), call.type()), a.origin()));
            } else if (s instanceof Stmt.If i) {
                out.add(new Stmt.If(
                        i.cond(),
                        widen(i.then(), an, changed, missing),
                        widen(i.otherwise(), an, changed, missing),
                        i.origin()));
            } else if (s instanceof Stmt.Loop l) {
                out.add(new Stmt.Loop(
                        widen(l.head(), an, changed, missing),
                        l.cond(),
                        widen(l.body(), an, changed, missing),
                        l.origin()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The first parameter of {@code call}'s callee outside its {@code wrt} that receives a differentiated value. */
    static Optional<Param> lostParameter(Op.Call call, Analysis an) {
        for (int i = 0; i < call.args().size(); i++) {
            Param p = call.callee().params().get(i);
            if (!p.wrt() && p.type().isFloating() && an.isVaried(call.args().get(i))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean losesDerivative(Op.Call call, Analysis an) {
        return lostParameter(call, an).isPresent();
    }

    /**
     * Whether a variant of {@code callee} can be called: a method of the sources with a generated
     * adjoint (an instance method's is a lifted static one, the object's fields among its
     * parameters), or a compiled one whose adjoint class has its variant.
     */
    private boolean canWiden(MethodRequest callee) {
        return callee.customPullback() == null
                && (!index.classpath().isCompiled(callee.declaration())
                        || index.classpath().hasWideVjp(callee));
    }

    /** The variant of {@code callee}; generated here unless it is compiled (its adjoint class has it). */
    private MethodRequest variant(MethodRequest callee) {
        return variantOf.computeIfAbsent(callee, c -> {
            MethodRequest v = dev.adjoint.generator.select.ClasspathCallees.wideVariant(c);
            variants.add(v);
            if (!index.classpath().isCompiled(c.declaration())) {
                pending.add(v);
            }
            return v;
        });
    }
}
