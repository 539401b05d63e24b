package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers calls: a {@code Math} function to the operation of its derivative rule, and a call of a
 * {@code @Differentiable} method to one {@link Op.Call}, after checking what the static strategy
 * cannot call (a callee the adjoint class cannot name, an array result, recursion) and which
 * arrays may be passed (none that the caller or the callee writes, but a scratch array the caller
 * fills and the callee only reads, whose writes the reverse sweep undoes).
 */
final class CallLowering {
    private final Lowering lo;
    private final ExpressionLowering ex;
    private final Calls calls;
    private final ElementLowering elements;

    CallLowering(Lowering lo, ExpressionLowering ex, Calls calls, ElementLowering elements) {
        this.lo = lo;
        this.ex = ex;
        this.calls = calls;
        this.elements = elements;
    }

    /** A call of a {@code Math} function (or {@code detach}): the operation of its derivative rule. */
    Atom mathCall(MethodCallExpr m, Ty ty) {
        String name = m.getNameAsString();
        if (name.equals("detach")) {
            Atom a = ex.convert(ex.expr(m.getArgument(0)), ty, m);
            return ex.apply("detach", List.of(a), ty);
        }
        Rule rule = DerivativeRules.get(
                DerivativeRules.family(m.getScope().map(Object::toString).orElse("")) + "." + name);
        Ty argTy = rule.floatOverload() ? ty : Ty.DOUBLE;
        List<Atom> args = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            args.add(ex.convert(ex.expr(a), argTy, a));
        }
        return ex.apply(rule.key(), args, ty);
    }

    /**
     * Why the array that {@code name}, a {@code @Differentiable} method of a compiled class, returns
     * cannot be taken: there is no source whose body could replace the call.
     */
    static String compiledArray(String name, String strategy) {
        return "'" + name + "' is a @Differentiable method of a compiled class (another module or jar) that returns"
                + " an array: " + strategy + " takes an array result only from a method whose source it reads and"
                + " inlines, and calls compiled methods with scalar results only; compute the array in this method,"
                + " or call a compiled method that returns a number";
    }

    /** A call of {@code callee}, a {@code @Differentiable} method: its arguments converted, and the arrays passed checked. */
    Atom call(MethodCallExpr m, MethodRequest callee, Ty ty) {
        if (lo.spelling().callee(callee).isEmpty()
                || lo.spelling().owner(callee).isEmpty()) {
            lo.error(
                    m,
                    "call to '" + callee.name() + "' cannot be written in the generated code"
                            + lo.spelling().whyCalleeHidden(callee));
        }
        if (ty.isArray() && lo.index.classpath().isCompiled(callee)) {
            lo.error(m, compiledArray(callee.name(), lo.strategy()));
        } else if (ty.isArray()) {
            // its body, inlined where it is a declaration's whole value, is how an array comes back (desugar/)
            lo.error(
                    m,
                    lo.forTape
                            ? "call to '" + callee.name() + "' returns an array: '" + callee.name()
                                    + "(...)' hands back"
                                    + " an array the tape follows only where the method's body can replace the call (a"
                                    + " statement of its own, not under &&, || or ?: inside a larger expression, not in a"
                                    + " loop's condition, not recursive); assign it to a local first: " + ty.java()
                                    + " r = " + callee.name() + "(...);"
                            : "call to '" + callee.name() + "' returns an array, which the static strategy takes only"
                                    + " where the method's body can replace the call (a statement of its own, not under &&,"
                                    + " || or ?: inside a larger expression, not in a loop's condition, not recursive);"
                                    + " assign it to a local first: " + ty.java() + " r = " + callee.name() + "(...);");
        }
        if (!lo.recursionAllowed && calls.reaches(callee, lo.request)) {
            lo.error(
                    m,
                    "recursive call to '" + callee.name() + "' is not supported by the static strategy (its reverse"
                            + " sweep would re-run the callee's forward sweep at every level); "
                            + (lo.request.strategy() == dev.adjoint.Strategy.STATIC
                                    ? "strategy = STATIC makes it an error (AUTO would use the tape strategy for it)"
                                    : "AUTO uses the tape strategy for it (unless adjoint.failOnTapeFallback is set)"));
        }
        List<Atom> args = new ArrayList<>();
        for (int i = 0; i < m.getArguments().size(); i++) {
            Expression a = m.getArgument(i);
            if (callee.params().get(i).type().isArray() && unparenthesized(a) instanceof ArrayAccessExpr row) {
                args.add(elements.row(row, callee, i, callee.params().get(i).type()));
                continue;
            }
            if (callee.params().get(i).type().isArray()) {
                String name = a instanceof NameExpr n ? n.getNameAsString() : null;
                boolean callerWrites = name != null && elements.writesArray(lo.request.declaration(), name);
                boolean calleeWrites = elements.writesArray(
                        callee.declaration(), callee.params().get(i).name());
                boolean local = name != null
                        && lo.request.params().stream().noneMatch(p -> p.name().equals(name));
                if (callerWrites && !calleeWrites && local && lo.lookup(name).isPresent()) {
                    // a scratch array this method fills and the callee reads (logsumexp(v, n) over a per-point v): its
                    // writes are undone element by element in the reverse sweep, so that the callee's adjoint, called
                    // there, reads the array as it was at the call
                    lo.restoredArrays.add(lo.lookup(name).get());
                } else if ((callerWrites || calleeWrites) && !lo.forTape) {
                    // a field of this, which the lifting passes on to a call of an instance method, is no argument the
                    // user wrote
                    Optional<String> field = dev.adjoint.generator.objects.Receiver.of(lo.request)
                            .flatMap(rc -> rc.leaves().stream()
                                    .filter(l -> l.param().equals(name))
                                    .findFirst())
                            .map(l -> l.field());
                    lo.error(
                            a,
                            (field.isPresent()
                                            ? "array field '" + field.get() + "' of this"
                                            : "array '" + Positions.oneLine(a) + "'")
                                    + " is passed to " + callee.name() + "(...), and "
                                    + (callerWrites ? "this method" : callee.name())
                                    + " writes its elements: the static strategy passes only arrays that no one writes; "
                                    + (field.isPresent()
                                            ? "let AUTO differentiate " + lo.request.name() + " on the tape"
                                            : "copy the values into a fresh array before the call"));
                }
            }
            args.add(ex.convert(ex.expr(a), callee.params().get(i).type(), a));
        }
        Atom.Var t = lo.temp(ty);
        lo.emit(new Stmt.Assign(t, new Op.Call(callee, args, ty), lo.origin));
        return t;
    }

    private static Expression unparenthesized(Expression e) {
        return e instanceof EnclosedExpr en ? unparenthesized(en.getInner()) : e;
    }
}
