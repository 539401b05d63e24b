package dev.adjoint.generator.normalize;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.select.MethodIndex;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a value without derivative so it reads the same in the adjoint class: variables take
 * their unique names, constants and called methods are qualified, {@code Adjoint.detach} (the
 * identity) is dropped, statically imported {@code Math} members get their class.
 */
final class PassiveText {
    private final Lowering lo;
    private final Calls calls;

    PassiveText(Lowering lo, Calls calls) {
        this.lo = lo;
        this.calls = calls;
    }

    /** The rewritten expression; the variables it reads are added to {@code reads}. */
    Expression rename(Expression e, Set<Atom.Var> reads) {
        // the whole expression a constant: replace() below cannot replace a node without a parent
        if (e instanceof NameExpr n
                && lo.lookup(n.getNameAsString()).isEmpty()
                && lo.request.staticFields().containsKey(n.getNameAsString())) {
            return qualified(n, n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f && isOwnConstant(f)) {
            return qualified(f, f.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f && calls.enumConstant(f).isPresent()) {
            return parse(calls.enumConstant(f).get().enumName() + "." + f.getNameAsString());
        }
        if (e instanceof MethodCallExpr m && isDetach(m)) {
            return rename(new EnclosedExpr(m.getArgument(0).clone()), reads);
        }
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (isDetach(m)) {
                m.replace(new EnclosedExpr(m.getArgument(0)));
            }
        }
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (Calls.isText(m)) {
                Calls.qualifyText(m);
                continue; // Arrays.toString(x): text, read as written
            }
            if (Calls.inLoggerLookup(m) || Calls.isLogCheck(m)) {
                continue; // the logger a logging statement writes to, named in full
            }
            if (Calls.isOutput(m) || Calls.isStringFormat(m)) {
                continue; // the statement's own call (the fence allows output only as a statement), a message's text
            }
            if (calls.onInactiveReceiver(m).isPresent()) {
                continue; // s.charAt(i): its receiver is renamed below, as a value
            }
            if (calls.isBuiltin(m)) {
                if (m.getScope().isEmpty()) {
                    m.setScope(new NameExpr("Math"));
                }
                continue;
            }
            Optional<MethodIndex.Entry> target = calls.resolve(m);
            if (target.isPresent() && target.get().isPrivate()) {
                lo.error(m, Calls.privateCall(m));
                continue;
            }
            if (target.isEmpty()) {
                lo.error(
                        m,
                        "call to '" + m.getNameAsString()
                                + "' is not supported here: only static methods of the project's"
                                + " sources that are not private and return int, long or boolean, java.lang.Math functions and other"
                                + " @Differentiable methods can be called");
                continue;
            }
            MethodIndex.Entry t = target.get();
            Optional<String> owner = lo.spelling().write(t.packageName(), t.ownerInPackage(), true);
            if (owner.isEmpty()) {
                lo.error(
                        m,
                        "call to '" + m.getNameAsString() + "' cannot be written in the generated code"
                                + lo.spelling().whyHidden(t.packageName(), t.ownerInPackage()));
                continue;
            }
            m.setScope(parse(owner.get()));
            dev.adjoint.generator.objects.Receiver.rebuildRecords(
                    t.declaration(), owner.get(), m); // the user's method takes its records
        }
        for (FieldAccessExpr f : e.findAll(FieldAccessExpr.class)) {
            if (isOwnConstant(f)) {
                f.replace(qualified(f, f.getNameAsString()));
            } else if (calls.enumConstant(f).isPresent()) {
                f.replace(parse(
                        calls.enumConstant(f).get().enumName() + "." + f.getNameAsString())); // Mode.FAST, qualified
            }
        }
        for (NameExpr n : e.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            Optional<Atom.Var> v = lo.lookup(id);
            // (the array of '.length' is a value, not a qualifier)
            // (a String or enum variable a call is made on is a value too)
            boolean scope = n.getParentNode()
                    .filter(p -> (p instanceof MethodCallExpr mc
                                    && mc.getScope().filter(sc -> sc == n).isPresent()
                                    && v.filter(x -> x.type().isObject()).isEmpty())
                            || (p instanceof FieldAccessExpr fa
                                    && fa.getScope() == n
                                    && !fa.getNameAsString().equals("length")))
                    .isPresent();
            if (v.isPresent() && !scope) {
                reads.add(v.get());
                n.setName(v.get().name());
            } else if (scope) {
                continue;
            } else if (lo.request.staticFields().containsKey(id)) {
                n.replace(qualified(n, id));
            } else if ((id.equals("PI") || id.equals("E")) && lo.request.importsMath(id)) {
                n.replace(new FieldAccessExpr(new NameExpr("Math"), id));
            } else {
                lo.error(n, dev.adjoint.generator.select.UnknownNames.why(lo.request, id, id));
            }
        }
        return e;
    }

    /** {@code Owner.K} for a constant of the owner or an enclosing class (read as the adjoint class can: a private one inlined). */
    private boolean isOwnConstant(FieldAccessExpr f) {
        return f.getScope() instanceof NameExpr s
                && lo.request.ownerPath().contains(s.getNameAsString())
                && lo.request.staticFields().containsKey(f.getNameAsString());
    }

    private static boolean isDetach(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return m.getNameAsString().equals("detach")
                && m.getArguments().size() == 1
                && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"));
    }

    /** Constant {@code field} read at {@code at} as the adjoint class reads it (an error when a variable hides every spelling). */
    private Expression qualified(Node at, String field) {
        Optional<String> spelled = lo.spelling().field(field);
        if (spelled.isEmpty()) {
            lo.error(
                    at,
                    "constant '" + field + "' cannot be read in the generated code"
                            + lo.spelling()
                                    .whyHidden(
                                            lo.request.packageName(),
                                            lo.spelling().fieldClass(field)));
            return new NameExpr(field);
        }
        String text = spelled.get();
        Expression x = parse(text);
        return text.startsWith("(") ? new EnclosedExpr(x) : x;
    }

    private static Expression parse(String text) {
        return new JavaParser().parseExpression(text).getResult().orElseThrow();
    }
}
