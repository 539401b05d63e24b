package dev.adjoint.generator.forward;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tangent {@code _tan_f(x, ẋ) = Σ_i ∂f/∂x_i · ẋ_i} of a function {@code f} with a
 * {@code @CustomDerivative} pullback, for the {@code Hvp}s of its callers. The pullback is a first
 * derivative only; its tangent needs the derivative of that derivative, which the reverse pipeline
 * takes of the pullback's own code when that code is plain Java: the pullback's body run with
 * seed 1 and its buffers as locals ({@code dx.add(e)} becomes {@code dx += e}, an array buffer a
 * fresh array of the argument's length) computes {@code ∇f(x)}, and {@code Σ dx_i·ẋ_i} follows.
 * Its reverse then gives {@code ∂/∂x = H_f·ẋ} and {@code ∂/∂ẋ = ∇f}, as for any callee's tangent.
 * What does not fit (an early return, a buffer used other than by {@code add} or indexing, a 2-D
 * buffer) has no tangent, and the build's note says why.
 */
public final class CustomTangents {
    private CustomTangents() {}

    /** {@link MethodRequest#mathStaticImports}' entry for {@code import static java.lang.Math.*}. */
    private static final String ALL_OF_MATH = "*";

    /**
     * The tangent of custom-derivative function {@code f} as a {@link JvpMethod} that
     * {@link HvpSource#method} prints as {@code _tan_f} for the reverse pipeline, its
     * {@code printedSweep} naming the owner's members through the owner (the adjoint class prints it).
     *
     * @throws TangentSweep.Unsupported where the pullback's code does not give its tangent
     */
    public static JvpMethod of(MethodRequest f) {
        MethodDeclaration pullback = pullback(f);
        Set<String> taken = new HashSet<>();
        pullback.findAll(SimpleName.class).forEach(n -> taken.add(n.getIdentifier()));
        List<Parameter> ps = pullback.getParameters();
        int n = f.params().size();
        Parameter seed = ps.get(n);
        List<Parameter> buffers = ps.subList(n + 1, ps.size());
        BlockStmt body = pullback.getBody().orElseThrow().clone();
        List<ReturnStmt> returns = body.findAll(ReturnStmt.class);
        if (returns.size() != 1
                || body.getStatements().isEmpty()
                || body.getStatements().getLast().orElseThrow() != returns.get(0)) {
            throw new TangentSweep.Unsupported("its @CustomDerivative pullback '" + pullback.getNameAsString()
                    + "' does not end in" + " its only return, so its body cannot be run for the gradient alone");
        }
        body.getStatements().removeLast(); // (the value: the caller's pair calls f for it)
        for (int i = 0; i < n; i++) {
            // the tangent takes f's parameters: the pullback's own names for them, renamed
            String mine = ps.get(i).getNameAsString();
            String fs = f.params().get(i).name();
            if (mine.equals(fs)) {
                continue;
            }
            if (taken.contains(fs)) {
                throw new TangentSweep.Unsupported(
                        "its @CustomDerivative pullback '" + pullback.getNameAsString() + "' names '" + fs
                                + "' other than the parameter '" + fs + "' of '" + f.name()
                                + "'; give its parameters the names of " + f.name()
                                + "'s");
            }
            body.findAll(NameExpr.class).stream()
                    .filter(x -> x.getNameAsString().equals(mine))
                    .forEach(x -> x.setName(fs));
        }
        f.params().forEach(p -> taken.add(p.name()));
        Set<String> scalarBuffers = new HashSet<>();
        List<Param> wrt = f.wrtParams();
        for (int i = 0; i < buffers.size(); i++) {
            Param p = wrt.get(i);
            if (p.type().isArray() && p.type().dims() != 1) {
                throw new TangentSweep.Unsupported("its @CustomDerivative pullback '" + pullback.getNameAsString()
                        + "' fills a 2-D" + " gradient, whose tangent is not generated");
            }
            if (!p.type().isArray()) {
                scalarBuffers.add(buffers.get(i).getNameAsString());
            }
        }
        for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
            Optional<String> on =
                    call.getScope().filter(s -> s instanceof NameExpr).map(s -> ((NameExpr) s).getNameAsString());
            if (on.isPresent() && scalarBuffers.contains(on.get())) {
                if (!call.getNameAsString().equals("add") || call.getArguments().size() != 1) {
                    throw new TangentSweep.Unsupported("its @CustomDerivative pullback '" + pullback.getNameAsString()
                            + "' calls '" + on.get() + "." + call.getNameAsString() + "', where only " + on.get()
                            + ".add(...) gives a tangent");
                }
                call.replace(new AssignExpr(new NameExpr(on.get()), call.getArgument(0), AssignExpr.Operator.PLUS));
            }
        }
        for (NameExpr use : body.findAll(NameExpr.class)) {
            boolean assigned = use.getParentNode()
                    .filter(p -> p instanceof AssignExpr a && a.getTarget() == use)
                    .isPresent();
            if (scalarBuffers.contains(use.getNameAsString()) && !assigned) {
                throw new TangentSweep.Unsupported(
                        "its @CustomDerivative pullback '" + pullback.getNameAsString() + "' uses its buffer '"
                                + use.getNameAsString() + "' other than by " + use.getNameAsString() + ".add(...)");
            }
        }
        List<Code> sweep = new ArrayList<>();
        String rt = f.result().java();
        sweep.add(new Code.Line(new Statement.Declare(
                "",
                rt,
                seed.getNameAsString(),
                new Expr.Literal(f.result().prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0"))));
        List<String> tangents = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        List<Code> sums = new ArrayList<>();
        for (int i = 0; i < buffers.size(); i++) {
            Param p = wrt.get(i);
            String g = buffers.get(i).getNameAsString();
            String t = fresh("t" + p.name(), taken);
            tangents.add(t);
            if (p.type().isArray()) {
                Expr buffer = new Expr.Name(g);
                sweep.add(new Code.Line(new Statement.Declare(
                        "",
                        p.type().java(),
                        g,
                        new Expr.NewArray(
                                p.type().prim().java(),
                                List.of(new Expr.Field(new Expr.Name(p.name()), "length")),
                                0,
                                null))));
                String sum = fresh("_dot" + i, taken);
                String k = fresh("_i", taken);
                Expr at = new Expr.Name(k);
                sums.add(new Code.Line(new Statement.Declare("", rt, sum, AtomCode.zero(f.result()))));
                sums.add(new Code.Loop(
                        HvpSource.upTo(k, new Expr.Field(buffer, "length")),
                        List.of(new Code.Line(Statement.assign(
                                new Expr.Name(sum),
                                "+=",
                                new Expr.Binary(
                                        "*", new Expr.Element(buffer, at), new Expr.Element(new Expr.Name(t), at)))))));
                terms.add(new Expr.Name(sum));
            } else {
                sweep.add(new Code.Line(new Statement.Declare("", p.type().java(), g, AtomCode.zero(p.type()))));
                terms.add(new Expr.Binary("*", new Expr.Name(g), new Expr.Name(t)));
            }
        }
        List<Code> printed = new ArrayList<>(sweep);
        BlockStmt qualified = body.clone();
        Set<String> declared = new HashSet<>();
        f.params().forEach(p -> declared.add(p.name()));
        ps.subList(n, ps.size()).forEach(p -> declared.add(p.getNameAsString()));
        body.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
        qualify(
                qualified,
                f,
                pullback.findAncestor(TypeDeclaration.class).orElseThrow(),
                declared,
                pullback.getNameAsString());
        body.getStatements().forEach(s -> sweep.add(new Code.Raw(s.toString(), s)));
        qualified.getStatements().forEach(s -> printed.add(new Code.Raw(s.toString())));
        sweep.addAll(sums);
        printed.addAll(sums);
        Expr tangent = terms.isEmpty() ? AtomCode.zero(f.result()) : terms.get(0);
        for (Expr t : terms.subList(Math.min(1, terms.size()), terms.size())) {
            tangent = new Expr.Binary("+", tangent, t);
        }
        // a float result narrows only a double term: a float one's cast is redundant to javac's -Xlint:all
        boolean doubleTerm =
                wrt.stream().anyMatch(p -> !p.type().isArray() && p.type().prim() != Ty.Prim.FLOAT);
        if (f.result().prim() == Ty.Prim.FLOAT && doubleTerm) {
            tangent = new Expr.Cast("float", new Expr.Paren(tangent));
        }
        return new JvpMethod(f, tangents, "", List.of(), Set.of(), sweep, null, tangent, false, printed);
    }

    /** The pullback of {@code f}: the method of its class its callers' adjoints call. */
    private static MethodDeclaration pullback(MethodRequest f) {
        TypeDeclaration<?> owner =
                f.declaration().findAncestor(TypeDeclaration.class).orElseThrow();
        int arity = f.params().size() + 1 + f.wrtParams().size();
        return owner.getMethodsByName(f.customPullback()).stream()
                .filter(m -> m.getParameters().size() == arity)
                .filter(m -> m.getBody().isPresent())
                .findFirst()
                .orElseThrow(() -> new TangentSweep.Unsupported(
                        "its @CustomDerivative pullback '" + f.customPullback() + "' has no body here"));
    }

    /**
     * {@code body} with what it names bare through the class that declares it, for the adjoint
     * class, another class: the owner's static fields and methods ({@code Owner.K},
     * {@code Owner.g(x)}), statically imported {@code Math} members ({@code Math.cos(y)}). A
     * private member, or a name neither declares, is out of its reach: no tangent.
     */
    private static void qualify(
            BlockStmt body, MethodRequest f, TypeDeclaration<?> type, Set<String> declared, String pullback) {
        String owner = f.ownerSimpleName();
        Map<String, Boolean> fields = new java.util.HashMap<>();
        for (FieldDeclaration fd : type.getFields()) {
            for (VariableDeclarator v : fd.getVariables()) {
                fields.put(v.getNameAsString(), fd.isStatic() && !fd.isPrivate());
            }
        }
        Set<String> math = new HashSet<>();
        java.util.Arrays.stream(Math.class.getFields()).forEach(x -> math.add(x.getName()));
        java.util.Arrays.stream(Math.class.getMethods()).forEach(x -> math.add(x.getName()));
        java.util.function.Predicate<String> imported = id -> math.contains(id)
                && (f.mathStaticImports().contains(id) || f.mathStaticImports().contains(ALL_OF_MATH));
        for (NameExpr name : body.findAll(NameExpr.class)) {
            String id = name.getNameAsString();
            boolean scope = name.getParentNode()
                    .filter(p -> (p instanceof MethodCallExpr c && c.getScope().orElse(null) == name)
                            || (p instanceof FieldAccessExpr a && a.getScope() == name))
                    .isPresent();
            if (declared.contains(id) || scope) {
                continue;
            }
            Boolean reachable = fields.get(id);
            if (reachable == null && imported.test(id)) {
                name.replace(new FieldAccessExpr(new NameExpr("Math"), id));
                continue;
            }
            if (reachable == null || !reachable) {
                throw new TangentSweep.Unsupported("its @CustomDerivative pullback '" + pullback + "' reads '" + id
                        + "', which the adjoint class cannot name (private, not static, or not of its class)");
            }
            name.replace(new FieldAccessExpr(new NameExpr(owner), id));
        }
        for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
            if (call.getScope().isPresent()) {
                continue;
            }
            List<MethodDeclaration> own = type.getMethodsByName(call.getNameAsString());
            if (own.isEmpty() && imported.test(call.getNameAsString())) {
                call.setScope(new NameExpr("Math"));
                continue;
            }
            if (own.isEmpty() || !own.stream().allMatch(m -> m.isStatic() && !m.isPrivate())) {
                throw new TangentSweep.Unsupported(
                        "its @CustomDerivative pullback '" + pullback + "' calls '" + call.getNameAsString()
                                + "', which the adjoint class cannot call (private, not static, or not of its class)");
            }
            call.setScope(new NameExpr(owner));
        }
    }

    private static String fresh(String base, Set<String> taken) {
        String s = base;
        while (!taken.add(s)) {
            s = "_" + s;
        }
        return s;
    }
}
