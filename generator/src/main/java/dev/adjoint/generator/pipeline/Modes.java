package dev.adjoint.generator.pipeline;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.emit.ReceiverJacobians;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code @Differentiable(modes = ...)}: which tangent ({@code Jvp}, {@code Jacobian}) and
 * Hessian-vector ({@code Hvp}) methods are emitted. {@code Grad}/{@code Vjp} always are. A method
 * that asks for {@code FORWARD} keeps the {@code Jvp}s its own {@code Jvp} calls, whatever their
 * methods asked for.
 */
final class Modes {
    private Modes() {}

    /** The modes a method's annotation names; empty for every mode (no {@code modes}, or a method selected without one). */
    static Set<String> of(MethodRequest r) {
        Optional<AnnotationExpr> a = r.declaration().getAnnotations().stream()
                .filter(MethodSelector::isDifferentiable)
                .findFirst();
        Set<String> modes = new HashSet<>();
        if (a.isPresent() && a.get().isNormalAnnotationExpr()) {
            for (MemberValuePair pair : a.get().asNormalAnnotationExpr().getPairs()) {
                if (pair.getNameAsString().equals("modes")) {
                    Expression v = pair.getValue();
                    List<Expression> items = v instanceof ArrayInitializerExpr arr ? arr.getValues() : List.of(v);
                    for (Expression e : items) {
                        if (e instanceof FieldAccessExpr f) {
                            modes.add(f.getNameAsString());
                        } else if (e instanceof NameExpr n) {
                            modes.add(n.getNameAsString());
                        }
                    }
                    if (modes.isEmpty()) {
                        modes.add("REVERSE"); // modes = {}: nothing beyond Grad/Vjp
                    }
                }
            }
        }
        return modes;
    }

    static boolean wants(MethodRequest r, String mode) {
        Set<String> m = of(r);
        return m.isEmpty() || m.contains(mode);
    }

    /**
     * The array-result methods that get a {@code Jacobian} from their {@code Vjp} alone: those that
     * ask for {@code FORWARD} but have no {@code Jvp} (the tape's), static ones and lifted ones
     * ({@code ReceiverJacobians}) alike.
     */
    static Set<MethodRequest> jacobiansByRows(Set<MethodRequest> done, Map<MethodRequest, JvpMethod> jvps) {
        Set<MethodRequest> out = new HashSet<>();
        for (MethodRequest r : done) {
            if (r.result().isArray() && !jvps.containsKey(r) && wants(r, "FORWARD")) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A note at each of {@code own}, the user's methods, that {@code noteworthy} accepts, that is
     * lifted (an instance method, or one taking records) with an array result and a {@code Jvp} (or
     * on the tape, asking for {@code FORWARD}) but gets no {@code Jacobian}, saying why.
     */
    static List<Diagnostic> missingJacobians(
            Set<MethodRequest> own, Map<MethodRequest, JvpMethod> jvps, Predicate<MethodRequest> noteworthy) {
        List<Diagnostic> notes = new ArrayList<>();
        for (MethodRequest r : own) {
            var rc = Receiver.of(r);
            if (r.result().isArray()
                    && (jvps.containsKey(r) || wants(r, "FORWARD"))
                    && rc.isPresent()
                    && rc.get().annotated()
                    && noteworthy.test(r)) {
                var at = r.declaration().getName().getBegin();
                ReceiverJacobians.whyNone(rc.get())
                        .ifPresent(why -> notes.add(new Diagnostic(
                                Diagnostic.Severity.NOTE,
                                r.file(),
                                at.map(p -> p.line).orElse(0),
                                at.map(p -> p.column).orElse(0),
                                "'" + r.name() + "' gets no " + Receiver.publicName(r) + "Jacobian: " + why)));
            }
        }
        return notes;
    }

    /** Drops from {@code jvps} and {@code hvps} what no annotation asks for and no kept {@code Jvp} calls. */
    static void narrow(Map<MethodRequest, JvpMethod> jvps, Map<MethodRequest, HvpMethod> hvps) {
        hvps.keySet().removeIf(r -> !wants(r, "HVP"));
        Set<MethodRequest> kept = new HashSet<>();
        Deque<MethodRequest> work = new ArrayDeque<>();
        jvps.keySet().stream().filter(r -> wants(r, "FORWARD")).forEach(work::add);
        while (!work.isEmpty()) {
            MethodRequest r = work.pop();
            if (kept.add(r) && jvps.containsKey(r)) {
                work.addAll(jvps.get(r).callees());
            }
        }
        jvps.keySet().retainAll(kept);
    }
}
