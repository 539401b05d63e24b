package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.rules.DerivativeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Methods of the sources with a variable-arity parameter of a primitive type ({@code static double
 * sum(double... xs)}, plain or {@code @Differentiable}) become methods of an array parameter, and their calls
 * pass the array javac would make ({@code sum(a, b * b)} becomes {@code sum(new double[] {a, b * b})},
 * JLS 15.12.4.2; {@code sum(v)} with {@code v} a {@code double[]} passes {@code v}), so that every
 * later pass sees an ordinary array parameter: the helper is inlined or differentiated as one taking
 * {@code double[]}; a {@code @Differentiable} one's adjoints take the array, and its spread calls
 * declare the array first where that keeps Java's order ({@link SpreadArguments}). A method is
 * rewritten only when it is the only one of its name in its class and every call to it the sources
 * make can be told apart (an array, or the elements); otherwise it is left as written: its calls are
 * errors where a differentiated method makes them, and a {@code @Differentiable} one's parameter is
 * an error at its declaration.
 * Runs on the parsed sources, before anything selects or reads a method (the user's files are never
 * written: only their trees are).
 */
public final class VarargsCalls {
    private VarargsCalls() {}

    /** Rewrites the variable-arity methods of {@code units} and their calls, as the class comment says. */
    public static void rewrite(List<CompilationUnit> units) {
        List<MethodCallExpr> calls = new ArrayList<>();
        units.forEach(u -> calls.addAll(u.findAll(MethodCallExpr.class)));
        for (CompilationUnit u : units) {
            for (MethodDeclaration m : u.findAll(MethodDeclaration.class)) {
                Optional<Parameter> last = m.getParameters().getLast();
                if (last.isEmpty()
                        || !last.get().isVarArgs()
                        || !(last.get().getType() instanceof PrimitiveType element)
                        || !(m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner)
                        || owner.getMethodsByName(m.getNameAsString()).size() != 1) {
                    continue;
                }
                rewrite(m, owner, element, calls);
            }
        }
    }

    private static void rewrite(
            MethodDeclaration m, TypeDeclaration<?> owner, PrimitiveType element, List<MethodCallExpr> calls) {
        int fixed = m.getParameters().size() - 1;
        // a @Differentiable method is called, not inlined: its arrays go by name
        boolean differentiable =
                m.getAnnotations().stream().anyMatch(dev.adjoint.generator.select.MethodSelector::isDifferentiable);
        List<MethodCallExpr> spread = new ArrayList<>();
        for (MethodCallExpr c : calls) {
            if (!c.getNameAsString().equals(m.getNameAsString()) || !callsInto(c, owner)) {
                continue;
            }
            if (c.getArguments().size() < fixed) {
                return; // another method javac would pick, or an error javac reports: not ours to guess
            }
            if (c.getArguments().size() == fixed + 1) {
                Optional<Boolean> array = isArray(c.getArgument(fixed));
                if (array.isEmpty()) {
                    return;
                }
                if (array.get()) {
                    continue;
                }
            }
            spread.add(c);
        }
        for (MethodCallExpr c : spread) {
            NodeList<Expression> rest = new NodeList<>();
            while (c.getArguments().size() > fixed) {
                rest.add(c.getArguments().remove(fixed));
            }
            ArrayCreationExpr made = new ArrayCreationExpr(
                    element.clone(),
                    new NodeList<>(new com.github.javaparser.ast.ArrayCreationLevel()),
                    new ArrayInitializerExpr(rest));
            (rest.isEmpty() ? c : rest.get(0))
                    .getRange()
                    .ifPresent(r -> made.walk(n -> n.setRange(n.getRange().orElse(r))));
            if (!differentiable || !SpreadArguments.hoist(c, made, element)) {
                c.getArguments().add(made);
            }
        }
        Parameter p = m.getParameters().getLast().get();
        p.setVarArgs(false);
        p.setType(new ArrayType(element.clone()));
    }

    /** Whether {@code c} calls a method of {@code owner}: unqualified inside it, or qualified by its simple name. */
    private static boolean callsInto(MethodCallExpr c, TypeDeclaration<?> owner) {
        if (c.getScope().isPresent()) {
            return c.getScope().get() instanceof NameExpr n
                    && n.getNameAsString().equals(owner.getNameAsString());
        }
        // the innermost enclosing type declaring a method of that name is the one javac searches
        for (Node n = c.getParentNode().orElse(null);
                n != null;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> t
                    && !t.getMethodsByName(c.getNameAsString()).isEmpty()) {
                return t == owner;
            }
        }
        return false;
    }

    /** Whether argument {@code a} is an array (passed as the variable-arity array), an element, or unknown. */
    private static Optional<Boolean> isArray(Expression a) {
        if (a instanceof ArrayCreationExpr || a instanceof ArrayInitializerExpr) {
            return Optional.of(true);
        }
        if (a.isLiteralExpr() || a.isBinaryExpr() || a.isUnaryExpr()) {
            return Optional.of(false);
        }
        if (a instanceof com.github.javaparser.ast.expr.ArrayAccessExpr) {
            int depth = 0;
            Expression named = a;
            for (; named instanceof com.github.javaparser.ast.expr.ArrayAccessExpr x; named = x.getName()) {
                depth++;
            }
            int levels = depth;
            return named instanceof NameExpr n
                    ? declared(a, n.getNameAsString()).map(t -> t.getArrayLevel() > levels)
                    : Optional.empty();
        }
        if (a instanceof MethodCallExpr call
                && call.getScope()
                        .filter(s -> DerivativeRules.isMathClass(s.toString()))
                        .isPresent()) {
            return Optional.of(false);
        }
        if (a instanceof com.github.javaparser.ast.expr.EnclosedExpr e) {
            return isArray(e.getInner());
        }
        if (a instanceof com.github.javaparser.ast.expr.CastExpr cast) {
            return Optional.of(cast.getType().getArrayLevel() > 0);
        }
        if (a instanceof NameExpr n) {
            return declared(a, n.getNameAsString()).map(t -> t.getArrayLevel() > 0);
        }
        return Optional.empty();
    }

    /** The declared type of {@code name} where {@code at} stands: a local or parameter in scope, else a field of an enclosing type. */
    private static Optional<Type> declared(Node at, String name) {
        Optional<Type> local = Rewriter.inScope(at, name);
        if (local.isPresent()) {
            return local;
        }
        for (Node n = at.getParentNode().orElse(null);
                n != null;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> t) {
                for (FieldDeclaration f : t.getFields()) {
                    for (var v : f.getVariables()) {
                        if (v.getNameAsString().equals(name)) {
                            return Optional.of(v.getType());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
