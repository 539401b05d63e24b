package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.objects.Receiver;
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
 *   <li>For the tangent built as a Java method that Hessian-vector products differentiate again
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
     * there) rather than as the reverse pipeline differentiates them again. The two differ for a lifted
     * callee (an instance method, or one taking records): differentiated again, its value is the lifted static
     * {@code Owner.g(x, w, b)} the sources' index knows; printed, the user's {@code self.g(x)} (or
     * {@code Owner.g(new Params(k, c))}), and its tangent takes the object first.
     */
    private final boolean printed;

    private final Function<Atom, Expr> tangentOf;
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
            Function<Atom, Expr> tangentOf,
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
    Expr call(Op.Call call, String dz, String decl, List<Code> out, List<Code> after) {
        MethodRequest g = call.callee();
        any = true;
        if (pairs) {
            return pair(call, dz, decl, out, after);
        }
        if (dz == null) {
            return primalCall(g, call);
        }
        List<Expr> args = new ArrayList<>(call.args().stream().map(AtomCode::of).toList());
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
            top.add(new Code.Line(new Statement.Declare("", cls, name, pool.cell(prim))));
            return name;
        });
        args.add(new Expr.Name(cell));
        after.add(new Code.Line(TangentSweep.assign(decl, dz, new Expr.Call(new Expr.Name(cell), "get", List.of()))));
        return new Expr.Call(Expr.qualified(owner), g.tangentName() + "Jvp", withSelf(g, args));
    }

    /** {@code args} with the object first, for a lifted instance method ({@link Receiver#generatedArgs}). */
    private static List<Expr> withSelf(MethodRequest g, List<Expr> args) {
        return Receiver.generatedArgs(g, args, new Expr.Name(Receiver.SELF));
    }

    /**
     * The user's call, {@code self.g(x)} or {@code Owner.g(new Params(k, c))}, which {@link Receiver}
     * still writes as text (records rebuilt from their components), read into the model.
     */
    private Expr primalCall(MethodRequest g, Op.Call call) {
        return AtomCode.source(Receiver.primalCall(
                g,
                spelling.owner(g).orElseThrow(),
                call.args().stream().map(Atom::java).toList()));
    }

    /** {@code z = Owner.g(args); ż = _tan_g(args, tangents);}. */
    private Expr pair(Op.Call call, String dz, String decl, List<Code> out, List<Code> after) {
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
        List<Expr> args = new ArrayList<>(call.args().stream().map(AtomCode::of).toList());
        Expr value = printed
                ? primalCall(g, call)
                : new Expr.Call(Expr.qualified(spelling.owner(g).orElseThrow()), g.name(), args);
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
        // (differentiated again, the object comes back through the receiver the reverse pipeline gives the helper:
        // HvpReceivers)
        after.add(new Code.Line(TangentSweep.assign(
                decl, dz, new Expr.Call(null, HvpSource.tangentName(g), printed ? withSelf(g, args) : args))));
        return value;
    }

    /** The argument's tangent, or a zero of its shape (a fresh local array: the callee only reads it). */
    private Expr tangentArgument(Param p, Atom arg, List<Code> out) {
        Expr ta = tangentOf.apply(arg);
        if (ta != null) {
            return ta;
        }
        if (!p.type().isArray()) {
            return AtomCode.zero(p.type());
        }
        if (p.type().dims() != 1) {
            if (pairs) {
                throw new TangentSweep.Unsupported(
                        "a constant 2-D array is passed to a differentiated parameter of '" + p.name() + "'s method");
            }
            return gradients("like", AtomCode.of(arg));
        }
        Expr zero = zeros(p, arg);
        if (!pairs) {
            return zero;
        }
        String local = names.claim("_zero");
        out.add(new Code.Line(new Statement.Declare("", p.type().java(), local, zero)));
        return new Expr.Name(local);
    }

    /** {@code new prim[arg.length]}: a zero of the 1-D array parameter {@code p}'s shape. */
    private static Expr zeros(Param p, Atom arg) {
        return new Expr.NewArray(p.type().prim().java(), List.of(new Expr.Field(AtomCode.of(arg), "length")), 0, null);
    }

    /** {@code dev.adjoint.Gradients.name(args)}. */
    private static Expr gradients(String name, Expr... args) {
        return new Expr.Call(Expr.qualified("dev.adjoint.Gradients"), name, List.of(args));
    }

    /** {@code ż = Σ_i ∂g/∂x_i · ẋ_i}: the result is a scalar, so one pullback call with seed 1 gives every partial. */
    private Expr pullback(
            Op.Call call,
            Ty zt,
            String owner,
            List<Expr> args,
            String decl,
            String dz,
            List<Code> out,
            List<Code> after) {
        MethodRequest g = call.callee();
        args.add(new Expr.Literal(zt.prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0"));
        List<Expr> terms = new ArrayList<>();
        boolean doubleTerm = false; // a float sum of float terms takes no cast: javac's -Xlint:all calls it redundant
        for (int i = 0; i < g.params().size(); i++) {
            Param p = g.params().get(i);
            if (!p.wrt()) {
                continue;
            }
            Atom arg = call.args().get(i);
            doubleTerm |= p.type().prim() != Ty.Prim.FLOAT && tangentOf.apply(arg) != null;
            String buffer = names.claim("_g");
            Expr b = new Expr.Name(buffer);
            Expr ta = tangentOf.apply(arg);
            if (p.type().isArray()) {
                Expr init = p.type().dims() == 1 ? zeros(p, arg) : gradients("like", AtomCode.of(arg));
                out.add(new Code.Line(new Statement.Declare("", p.type().java(), buffer, init)));
                if (ta != null) {
                    terms.add(gradients("dot", b, ta));
                }
            } else {
                String cls = p.type().prim() == Ty.Prim.FLOAT ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad";
                out.add(new Code.Line(new Statement.Declare("", cls, buffer, new Expr.New(cls, List.of()))));
                if (ta != null) {
                    terms.add(new Expr.Binary("*", new Expr.Call(b, "get", List.of()), Operand.of(ta)));
                }
            }
            args.add(b);
        }
        // (terms joined by +, left to right; a product binds tighter, a call stands alone)
        Expr sum = terms.isEmpty() ? AtomCode.zero(zt) : terms.get(0);
        for (Expr t : terms.subList(Math.min(1, terms.size()), terms.size())) {
            sum = new Expr.Binary("+", sum, t);
        }
        after.add(new Code.Line(TangentSweep.assign(
                decl,
                dz,
                zt.prim() == Ty.Prim.FLOAT && doubleTerm ? new Expr.Cast("float", new Expr.Paren(sum)) : sum)));
        return new Expr.Call(Expr.qualified(owner), g.customPullback(), args);
    }
}
