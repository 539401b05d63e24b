package dev.adjoint.generator.tape;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a call whose value is floating point: a differentiable callee through its recorder
 * (one with a pullback, or compiled without a recorder, through {@link CustomCalls}), {@code
 * Adjoint.detach} as a constant, a library function through the rule table; any other call is an
 * error, since its derivative is unknown.
 */
final class CallRecorder {
    private final ValueRecorder values;
    private final RecorderState st;

    CallRecorder(ValueRecorder values) {
        this.values = values;
        this.st = values.st;
    }

    ValueRecorder.Value call(MethodCallExpr m, Ty t) {
        Optional<MethodRequest> callee = st.calls.differentiableCallee(m);
        if (callee.isPresent() && (callee.get().customPullback() != null || !st.compiled.hasRecorder(callee.get()))) {
            // (a compiled callee whose adjoint has no recorder: recorded as one node from its Vjp, as a pullback is)
            return CustomCalls.record(values, m, callee.get(), t);
        }
        if (callee.isPresent()) {
            MethodRequest c = callee.get();
            List<String> args = new ArrayList<>();
            args.add(st.tape);
            for (int i = 0; i < m.getArguments().size(); i++) {
                Param p = c.params().get(i);
                Expression a = m.getArgument(i);
                if (p.type().isArray()
                        && p.type().isFloating()) { // an int[] has no handles: it goes as a passive value
                    Optional<List<String>> array = values.elements.argument(a);
                    if (array.isEmpty()) {
                        st.error(
                                a,
                                "pass arrays to " + c.name()
                                        + " by variable name (or a row or layer of one, m[i], W[l])"
                                        + (a instanceof MethodCallExpr made
                                                ? ": '" + made.getNameAsString() + "(...)' hands back an array"
                                                        + " the tape does not follow into another call; assign it to a local in a statement of its own"
                                                        + " first (" + p.type().java() + " r = "
                                                        + made.getNameAsString() + "(...);)"
                                                : a instanceof com.github.javaparser.ast.expr.ArrayCreationExpr
                                                        ? ": declare '" + a + "' as a local first ("
                                                                + p.type().java() + " a = " + a + ";) and pass its name"
                                                        : ""));
                        return values.constant("0", t);
                    }
                    args.addAll(array.get());
                } else if (p.type().isFloating()) {
                    ValueRecorder.Value v = values.convert(values.value(a), p.type());
                    args.add(v.value());
                    args.add(values.handle(v));
                } else {
                    args.add(values.passive.text(a));
                }
            }
            values.pending.flush();
            String v = st.temp("v");
            String owner = calleeClass(m, c);
            st.statement(t.java() + " " + v + " = " + owner + "." + c.adjointName() + "Record("
                    + String.join(", ", dev.adjoint.generator.objects.Receiver.generatedArgs(c, args)) + ");");
            st.statement("int " + st.handle(v) + " = " + st.tape + ".result();");
            return new ValueRecorder.Value(v, st.handle(v), t);
        }
        if (m.getNameAsString().equals("detach") && st.calls.isBuiltin(m)) {
            ValueRecorder.Value v = values.convert(values.value(m.getArgument(0)), t);
            values.discard(v);
            return values.constant(v.value(), t);
        }
        if (!st.calls.isBuiltin(m)) {
            st.error(
                    m,
                    "call to '" + m.getNameAsString()
                            + "' returns a floating-point value but is neither @Differentiable nor"
                            + " given a @CustomDerivative: its derivative is unknown; annotate it, or supply its pullback with"
                            + " @CustomDerivative(of = \"" + m.getNameAsString() + "\")");
            return values.constant("0", t);
        }
        Rule rule = DerivativeRules.get(
                DerivativeRules.family(m.getScope().map(Object::toString).orElse("")) + "." + m.getNameAsString());
        Ty argTy = rule.floatOverload() ? t : Ty.DOUBLE;
        List<ValueRecorder.Value> args = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            args.add(values.convert(values.value(a), argTy));
        }
        return values.apply(rule.key(), args, t);
    }

    /** The class of the adjoint or pullback the call {@code m} to {@code c} calls, as the adjoint class names it. */
    String calleeClass(MethodCallExpr m, MethodRequest c) {
        Optional<String> owner = st.scope.spelling().callee(c);
        if (owner.isEmpty()) {
            st.error(
                    m,
                    "call to '" + c.name() + "' cannot be written in the generated code"
                            + st.scope.spelling().whyCalleeHidden(c));
            return c.ownerSimpleName();
        }
        return owner.get();
    }
}
