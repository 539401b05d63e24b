package dev.adjoint.generator.forward;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaNodes;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tangent of a scalar method {@code f} as a plain Java method declaration (a JavaParser
 * tree, built from the code model, never printed and parsed) that the reverse pipeline
 * differentiates again: Hessian-vector products by reverse over forward.
 *
 * <p>{@code pair(x, v) = {f(x), ∇f(x)·v}}. Its vector-Jacobian product with seed {@code {0, 1}}
 * is the gradient of {@code g(x, v) = ∇f(x)·v}: {@code ∂g/∂x = H(x)·v} (H symmetric) and
 * {@code ∂g/∂v = ∇f(x)}. So one reverse sweep over one tangent sweep gives the value, the gradient
 * and {@code H·v}; the cost is that of a gradient of a function about twice as long as {@code f}.
 */
public final class HvpSource {
    /** The strategy the tangent is differentiated with. */
    private static final String STATIC = "dev.adjoint.Strategy.STATIC";

    private HvpSource() {}

    /**
     * The declaration {@code @Differentiable(wrt = {...}, strategy = STATIC) static R[] name(p1, ...,
     * pn, t1, ...)}, differentiated with respect to {@code f}'s wrt parameters and every tangent,
     * built as nodes ({@link JavaNodes}), not printed and parsed.
     *
     * <p>Calls in {@code j} go to the callees' own pairs, {@code _hvp_g}, so the reverse pass
     * differentiates through them like through any {@code @Differentiable} callee.
     *
     * @param j the tangent built by {@link TangentSweep#buildPair}
     * @param asCallee whether to build {@code static R _tan_name(p1, ..., pn, t1, ...)}, the tangent
     *     alone, which the pairs of its callers call, instead of the pair
     *     (constants by simple name, as the method's own class reads them: the reverse pipeline
     *     reads them with the method's constants, wherever it is placed)
     */
    public static MethodDeclaration method(JvpMethod j, boolean asCallee) {
        MethodRequest r = j.request();
        if (r.result().isArray()) {
            throw new TangentSweep.Unsupported("'" + r.name() + "' returns an array");
        }
        NodeList<Parameter> params = new NodeList<>();
        NodeList<Expression> wrt = new NodeList<>();
        for (Param p : r.params()) {
            params.add(new Parameter(JavaNodes.type(p.type().java()), p.name()));
            if (p.wrt()) {
                wrt.add(new StringLiteralExpr(p.name()));
            }
        }
        int i = 0;
        for (Param p : r.wrtParams()) {
            String t = j.tangentNames().get(i++);
            params.add(new Parameter(JavaNodes.type(p.type().java()), t));
            wrt.add(new StringLiteralExpr(t));
        }
        Type rt = JavaNodes.type(r.result().java());
        List<Code> end = asCallee ? tangentEnd(j) : end(j);
        List<Code> all = new ArrayList<>();
        if (!asCallee && PairExits.any(j.sweep())) {
            // every exit returns the pair: one array, created before the first (the static strategy's shared result
            // array)
            all.add(end.get(0));
            end = end.subList(1, end.size());
        }
        all.addAll(PairExits.complete(j.sweep(), end));
        all.addAll(end);
        MethodDeclaration m = new MethodDeclaration(
                new NodeList<>(Modifier.staticModifier()),
                asCallee ? rt : new ArrayType(rt),
                asCallee ? tangentName(r) : pairName(r));
        m.addAnnotation(new NormalAnnotationExpr(
                new Name(new Name(new Name("dev"), "adjoint"), "Differentiable"),
                new NodeList<>(
                        new MemberValuePair("wrt", new ArrayInitializerExpr(wrt)),
                        new MemberValuePair("strategy", JavaNodes.expression(Expr.qualified(STATIC))))));
        m.setParameters(params);
        m.setBody(JavaNodes.block(all));
        return m;
    }

    /**
     * Has {@code tangent}, the method {@link #method} built for {@code r}, read {@code r}'s
     * constants by simple name: the adjoint class reads the constants of enclosing (or, for a
     * callee, other) classes qualified ({@code Outer.K}), the method, placed in the owner class,
     * by simple name ({@code K}), as the reverse pipeline reads them with the method's constants.
     * A qualified name is replaced where the tree has it whole: not as the tail of a longer name, a
     * method's name or text in a string.
     */
    public static void readConstantsBySimpleName(MethodDeclaration tangent, MethodRequest r) {
        Map<String, String> simple = new HashMap<>();
        r.staticFieldOwners().forEach((name, qualified) -> {
            if (!qualified.equals(name)) {
                simple.put(qualified, name);
            }
        });
        for (FieldAccessExpr f :
                tangent.findAll(FieldAccessExpr.class, f -> simple.containsKey(f.toString()) && isQualifiedName(f))) {
            if (tangent.isAncestorOf(f)) { // (not inside a name already replaced)
                // (a constant of another class, read by an inlined helper of it, has a name of its own: see
                // desugar/ForeignHelpers)
                NameExpr n = new NameExpr(simple.get(f.toString()));
                f.getRange().ifPresent(n::setRange);
                f.replace(n);
            }
        }
    }

    /** Whether {@code e} is a name, or a qualified name: identifiers joined by dots. */
    private static boolean isQualifiedName(Expression e) {
        return e instanceof NameExpr
                || e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty() && isQualifiedName(f.getScope());
    }

    /** The name of the tangent pair of {@code r}: {@code _hvp_name}. */
    public static String pairName(MethodRequest r) {
        return ClassSpelling.TANGENT_PAIR_PREFIX + r.tangentName();
    }

    /** The name of the tangent of {@code r} that its callers' pairs call: {@code _tan_name}. */
    public static String tangentName(MethodRequest r) {
        return ClassSpelling.TANGENT_PREFIX + r.tangentName();
    }

    /** The body of {@code _tan_name} as the adjoint class prints it: its printed sweep, then {@code return ḟ;}. */
    public static List<Code> printedTangent(JvpMethod j) {
        List<Code> end = tangentEnd(j);
        List<Code> all = new ArrayList<>(PairExits.complete(j.printedSweep(), end));
        all.addAll(end);
        return all;
    }

    /** The end of {@code _tan_name} after the sweep of {@code j}: {@code return ḟ;}. */
    public static List<Code> tangentEnd(JvpMethod j) {
        return List.of(new Code.Line(new Statement.Return(
                j.tangent() == null ? AtomCode.zero(j.request().result()) : j.tangent())));
    }

    /**
     * The end of the pair method after the sweep of {@code j} (built by
     * {@link TangentSweep#buildPair}, whose {@code outName} names the pair):
     * {@code R[] _pair = new R[2]; _pair[0] = f; _pair[1] = ḟ; return _pair;}.
     */
    public static List<Code> end(JvpMethod j) {
        Ty rt = j.request().result();
        Expr pair = new Expr.Name(j.outName());
        return List.of(
                new Code.Line(new Statement.Declare(
                        "", rt.java() + "[]", j.outName(), new Expr.NewArray(rt.java(), List.of(literal(2)), 0, null))),
                new Code.Line(Statement.assign(new Expr.Element(pair, literal(0)), j.value())),
                new Code.Line(Statement.assign(
                        new Expr.Element(pair, literal(1)), j.tangent() == null ? AtomCode.zero(rt) : j.tangent())),
                new Code.Line(new Statement.Return(pair)));
    }

    private static Expr literal(int n) {
        return new Expr.Literal(Integer.toString(n));
    }

    /** {@code for (int counter = 0; counter < bound; counter++)}. */
    static LoopHeader upTo(String counter, Expr bound) {
        Expr c = new Expr.Name(counter);
        return new LoopHeader.For(
                new Statement.Declare("", "int", counter, literal(0)),
                new Expr.Binary("<", c, bound),
                new Expr.Postfix(c, "++"));
    }

    private static Expr length(Expr array) {
        return new Expr.Field(array, "length");
    }

    /**
     * The tangent of a 2-D parameter written in place, as plain Java the static strategy takes
     * (for Hvp): a rectangular array as wide as the longest row (rows may differ in length; the
     * method indexes each within its own row), and the caller's direction {@code tn} copied into it
     * row by row (null: zero).
     */
    static List<Code> matrixTangent(Names names, Param p, String local, String array, String tn) {
        List<Code> out = new ArrayList<>();
        String prim = p.type().prim().java();
        String width = names.claim("_width");
        String r = names.claim("_row");
        Expr w = new Expr.Name(width);
        Expr a = new Expr.Name(array);
        Expr row = length(new Expr.Element(a, new Expr.Name(r)));
        out.add(new Code.Line(new Statement.Declare("", "int", width, literal(0))));
        out.add(new Code.Loop(
                upTo(r, length(a)),
                List.of(new Code.Branch(
                        new Expr.Binary(">", row, w), List.of(new Code.Line(Statement.assign(w, row))), List.of()))));
        out.add(new Code.Line(new Statement.Declare(
                "", p.type().java(), local, new Expr.NewArray(prim, List.of(length(a), w), 0, null))));
        if (tn != null) {
            String i = names.claim("_row");
            String j = names.claim("_col");
            Expr t = new Expr.Name(tn);
            Expr ti = new Expr.Element(t, new Expr.Name(i));
            Code copy = new Code.Line(Statement.assign(
                    new Expr.Element(new Expr.Element(new Expr.Name(local), new Expr.Name(i)), new Expr.Name(j)),
                    new Expr.Element(ti, new Expr.Name(j))));
            Code inner = new Code.Loop(upTo(j, length(ti)), List.of(copy));
            out.add(new Code.Loop(upTo(i, length(a)), List.of(inner)));
        }
        return out;
    }
}
