package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tangent of a call {@code z = g(args)} inside a tangent sweep, in one of two forms.
 *
 * <ul>
 *   <li>For {@code nameJvp}: {@code g}'s generated {@code Jvp} writes {@code ż} into a cell; a
 *       custom pullback gives {@code ż = Σ_i ∂g/∂x_i · ẋ_i} from one call with seed 1.
 *   <li>For the tangent printed as Java that Hessian-vector products differentiate again
 *       (<em>pairs</em>): {@code z = g(args)}, and {@code ż = _tan_g(args, tangents)}, the tangent
 *       of {@code g} as a scalar method ({@link HvpSource}). Both are plain calls the reverse
 *       pass differentiates ({@code gVjp}, {@code _tan_gVjp}), so second derivatives flow through
 *       the call exactly. (The static strategy takes no array-valued call, so value and tangent
 *       are two calls; {@code g}'s primal runs twice.) A custom pullback is first-order only: the
 *       tangent of its function is made from the pullback's code ({@link CustomTangents}).
 * </ul>
 */
final class TangentCalls {
    private final MethodRequest caller;
    private final Names names;
    private final ClassSpelling spelling;
    private final boolean pairs;
    /**
     * For pairs: whether the calls are written as the adjoint class runs them ({@code _tan_g} printed
     * there) rather than as the reverse pipeline parses them again. The two differ for a lifted
     * callee (an instance method, or one taking records): parsed, its value is the lifted static
     * {@code Owner.g(x, w, b)} the sources' index knows; printed, the user's {@code self.g(x)} (or
     * {@code Owner.g(new Params(k, c))}), and its tangent takes the object first.
     */
    private final boolean printed;

    private final Function<Atom, String> tangentOf;
    /** Declarations hoisted to the top of the sweep (the Jvp cells). */
    private final List<Code> top;
    /** Where the cells come from. */
    private final TangentPool pool;

    private final Set<MethodRequest> callees = new LinkedHashSet<>();
    private final Map<Ty.Prim, String> cells = new HashMap<>();
    private boolean any;

    TangentCalls(
            MethodRequest caller,
            Names names,
            boolean pairs,
            boolean printed,
            Function<Atom, String> tangentOf,
            List<Code> top,
            TangentPool pool) {
        this.pool = pool;
        this.caller = caller;
        this.names = names;
        this.spelling = ClassSpelling.of(caller);
        this.pairs = pairs;
        this.printed = printed;
        this.tangentOf = tangentOf;
        this.top = top;
    }

    /** The methods whose {@code Jvp} (or, for pairs, whose tangent pair) the sweep calls. */
    Set<MethodRequest> callees() {
        return callees;
    }

    /** Whether the sweep calls any method. */
    boolean any() {
        return any;
    }

    /**
     * The call of {@code z = g(args)} that also gives {@code ż} (into {@code dz}, when {@code z} is
     * active). Buffers go into {@code out} before the call; the tangent's assignment into
     * {@code after}.
     */
    String call(Op.Call call, String dz, String decl, List<Code> out, List<Code> after) {
        MethodRequest g = call.callee();
        any = true;
        if (pairs) {
            return pair(call, dz, decl, out, after);
        }
        List<String> args = new ArrayList<>(call.args().stream().map(Atom::java).toList());
        if (dz == null) {
            return Receiver.primalCall(g, spelling.owner(g).orElseThrow(), args);
        }
        if (call.type().isArray()) {
            throw new TangentSweep.Unsupported("a call to '" + g.name() + "', which returns an array");
        }
        Ty zt = call.type();
        String owner = spelling.callee(g).orElseThrow();
        if (g.customPullback() != null) {
            return pullback(call, zt, owner, args, decl, dz, out, after);
        }
        callees.add(g);
        for (int i = 0; i < g.params().size(); i++) {
            Param p = g.params().get(i);
            if (p.wrt()) {
                args.add(tangentArgument(p, call.args().get(i), out));
            }
        }
        String cell = cells.computeIfAbsent(zt.prim(), prim -> {
            String name = names.claim(prim == Ty.Prim.FLOAT ? "_fcell" : "_cell");
            String cls = prim == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
            top.add(new Code.Line(cls + " " + name + " = " + pool.cell(prim)));
            return name;
        });
        args.add(cell);
        after.add(new Code.Line(decl + dz + " = " + cell + ".get()"));
        return owner + "." + g.tangentName() + "Jvp(" + String.join(", ", Receiver.generatedArgs(g, args)) + ")";
    }

    /** {@code z = Owner.g(args); ż = _tan_g(args, tangents);}. */
    private String pair(Op.Call call, String dz, String decl, List<Code> out, List<Code> after) {
        MethodRequest g = call.callee();
        if (g.customPullback() != null && !g.ownerQualifiedName().equals(caller.ownerQualifiedName())) {
            // (its tangent is made of its pullback's body, which names its class's members as that class does:
            // CustomTangents)
            throw new TangentSweep.Unsupported(
                    "it calls '" + g.name() + "' of another class, whose @CustomDerivative pullback"
                            + " gives first derivatives only; its tangent is made from the pullback's code in its own class's Hvps only");
        }
        if (call.type().isArray()) {
            throw new TangentSweep.Unsupported("it calls '" + g.name() + "', which returns an array");
        }
        if (!g.packageName().equals(caller.packageName())) {
            // (the tangents of all the methods an Hvp calls are printed into its adjoint class, which reads them as its
            // own package's adjoint classes do: package-private members of another package are out of reach)
            throw new TangentSweep.Unsupported("it calls '" + g.name() + "' of a class in another package");
        }
        List<String> args = new ArrayList<>(call.args().stream().map(Atom::java).toList());
        String value = printed
                ? Receiver.primalCall(g, spelling.owner(g).orElseThrow(), args)
                : spelling.owner(g).orElseThrow() + "." + g.name() + "(" + String.join(", ", args) + ")";
        if (dz == null) {
            return value;
        }
        callees.add(g);
        for (int i = 0; i < g.params().size(); i++) {
            Param p = g.params().get(i);
            if (p.wrt()) {
                args.add(tangentArgument(p, call.args().get(i), out));
            }
        }
        // (unqualified: the tangent is a method of the class that runs it, the owner's copy or the adjoint class)
        // (parsed again, the object comes back through the receiver the reverse pipeline gives the helper:
        // HvpReceivers)
        after.add(new Code.Line(decl + dz + " = " + HvpSource.tangentName(g) + "("
                + String.join(", ", printed ? Receiver.generatedArgs(g, args) : args) + ")"));
        return value;
    }

    /** The argument's tangent, or a zero of its shape (a fresh local array: the callee only reads it). */
    private String tangentArgument(Param p, Atom arg, List<Code> out) {
        String ta = tangentOf.apply(arg);
        if (ta != null) {
            return ta;
        }
        if (!p.type().isArray()) {
            return p.type().zero();
        }
        if (p.type().dims() != 1) {
            if (pairs) {
                throw new TangentSweep.Unsupported(
                        "a constant 2-D array is passed to a differentiated parameter of '" + p.name() + "'s method");
            }
            return "dev.adjoint.Gradients.like(" + arg.java() + ")";
        }
        String zero = "new " + p.type().prim().java() + "[" + arg.java() + ".length]";
        if (!pairs) {
            return zero;
        }
        String local = names.claim("_zero");
        out.add(new Code.Line(p.type().java() + " " + local + " = " + zero));
        return local;
    }

    /** {@code ż = Σ_i ∂g/∂x_i · ẋ_i}: the result is a scalar, so one pullback call with seed 1 gives every partial. */
    private String pullback(
            Op.Call call,
            Ty zt,
            String owner,
            List<String> args,
            String decl,
            String dz,
            List<Code> out,
            List<Code> after) {
        MethodRequest g = call.callee();
        args.add(zt.prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0");
        List<String> terms = new ArrayList<>();
        boolean doubleTerm = false; // a float sum of float terms takes no cast: javac's -Xlint:all calls it redundant
        for (int i = 0; i < g.params().size(); i++) {
            Param p = g.params().get(i);
            if (!p.wrt()) {
                continue;
            }
            Atom arg = call.args().get(i);
            doubleTerm |= p.type().prim() != Ty.Prim.FLOAT && tangentOf.apply(arg) != null;
            String buffer = names.claim("_g");
            String ta = tangentOf.apply(arg);
            if (p.type().isArray()) {
                String init = p.type().dims() == 1
                        ? "new " + p.type().prim().java() + "[" + arg.java() + ".length]"
                        : "dev.adjoint.Gradients.like(" + arg.java() + ")";
                out.add(new Code.Line(p.type().java() + " " + buffer + " = " + init));
                if (ta != null) {
                    terms.add("dev.adjoint.Gradients.dot(" + buffer + ", " + ta + ")");
                }
            } else {
                String cls = p.type().prim() == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
                out.add(new Code.Line(cls + " " + buffer + " = new " + cls + "()"));
                if (ta != null) {
                    terms.add(buffer + ".get() * " + Rule.parenthesize(ta));
                }
            }
            args.add(buffer);
        }
        String sum = terms.isEmpty() ? zt.zero() : String.join(" + ", terms);
        after.add(new Code.Line(
                decl + dz + " = " + (zt.prim() == Ty.Prim.FLOAT && doubleTerm ? "(float) (" + sum + ")" : sum)));
        return owner + "." + g.customPullback() + "(" + String.join(", ", args) + ")";
    }
}
