package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.select.MethodSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plain static helpers of the class that a differentiated method hands an array of records or
 * objects it takes ({@code sse(a, b, data)} with {@code Obs[] data}, or a {@code List<Obs>}, which is
 * one by then: {@link ListParameters}):
 *
 * <pre>
 * static double sse(double a, double b, Obs[] data) { for (Obs o : data) ... o.x() ... }
 * return sse(theta[0], theta[1], data);      return sse(theta[0], theta[1], data_n, data_x, data_y);
 *                                            static double sse(double a, double b, int data_n, double[] data_x, double[] data_y)
 * </pre>
 *
 * The call passes every leaf of the array ({@link HeldCallees#PASSES}: the caller's
 * {@link ElementArrays} writes them in declaration order), the helper's parameter becomes the same
 * leaves ({@link HeldCallees#WHOLE}), and the helper is inlined where it is called, so that its reads
 * are the caller's leaves: exact, since the helper reads the same elements the caller would. Done
 * where the helper is the only method of its name in the class, static, not annotated, not calling
 * itself, at most {@link #MOST_STATEMENTS} statements, and declares that parameter with the caller's
 * type; the helpers it hands the array on to are taken the same way. Any other such call is left
 * for {@link ElementArrays}' error at it; a taken helper's call the inliner leaves a call is an
 * error at the call ({@link InlinedCallees#remaining}).
 */
final class ElementCallees {
    private ElementCallees() {}

    /** On a helper taken here: the parameter that became leaves, for the error at a call left a call. */
    static final DataKey<String> TAKES_LEAVES = new DataKey<>() {};

    /** The inliner's limit on one helper's statements (desugar's, for the message's sake kept apart). */
    static final int MOST_STATEMENTS = 120;

    /** Marks the calls and helpers of {@code owner} as above; returns the helpers whose parameters must now expand. */
    static List<MethodDeclaration> thread(ClassOrInterfaceDeclaration owner, String pkg, RecordTypes records) {
        List<MethodDeclaration> taken = new ArrayList<>();
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>();
        for (MethodDeclaration m : owner.getMethods()) {
            if (m.getBody().isPresent() && m.getAnnotations().stream().anyMatch(MethodSelector::isDifferentiable)) {
                work.add(m);
            }
        }
        while (!work.isEmpty()) {
            MethodDeclaration m = work.pop();
            if (!seen.add(m)) {
                continue;
            }
            Map<String, Parameter> arrays = elementArrays(m, pkg, records);
            if (arrays.isEmpty()) {
                continue;
            }
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                MethodDeclaration h = helper(owner, call);
                if (h == null || !handsOnOnlyWhatItTakes(call, h, arrays, pkg, records)) {
                    continue;
                }
                call.setData(HeldCallees.PASSES, true);
                for (int i = 0; i < call.getArguments().size(); i++) {
                    if (call.getArgument(i) instanceof NameExpr n && arrays.containsKey(n.getNameAsString())) {
                        h.getParameter(i).setData(HeldCallees.WHOLE, true);
                        h.setData(TAKES_LEAVES, h.getParameter(i).getNameAsString());
                    }
                }
                if (!taken.contains(h)) {
                    taken.add(h);
                }
                work.add(h);
            }
        }
        return taken;
    }

    /**
     * The parameters of {@code m} that are arrays of records or objects and are not hidden by a local of
     * the same name: a differentiated method's, or a taken helper's that became leaves.
     */
    private static Map<String, Parameter> elementArrays(MethodDeclaration m, String pkg, RecordTypes records) {
        Map<String, Parameter> out = new TreeMap<>();
        for (Parameter p : m.getParameters()) {
            if (ElementType.of(p.getType(), pkg, records).isPresent()
                    && m.findAll(
                                    VariableDeclarator.class,
                                    v -> v.getNameAsString().equals(p.getNameAsString()))
                            .isEmpty()) {
                out.put(p.getNameAsString(), p);
            }
        }
        return out;
    }

    /** The helper {@code call} calls, when it is one to take (see the class comment), or null. */
    private static MethodDeclaration helper(ClassOrInterfaceDeclaration owner, MethodCallExpr call) {
        if (call.getScope().isPresent()
                && !(call.getScope().get() instanceof NameExpr n
                        && n.getNameAsString().equals(owner.getNameAsString()))) {
            return null;
        }
        List<MethodDeclaration> named = owner.getMethodsByName(call.getNameAsString());
        if (named.size() != 1) {
            return null;
        }
        MethodDeclaration h = named.get(0);
        boolean recursive = h.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals(h.getNameAsString()));
        return h.isStatic()
                        && h.getBody().isPresent()
                        && h.getParameters().size() == call.getArguments().size()
                        && h.getParameters().stream().noneMatch(Parameter::isVarArgs)
                        && h.getAnnotations().stream().noneMatch(MethodSelector::isDifferentiable)
                        && !recursive
                        && h.getBody().get().findAll(Statement.class).size() <= MOST_STATEMENTS
                ? h
                : null;
    }

    /**
     * Whether every argument of {@code call} that names one of {@code arrays} goes to a parameter of
     * {@code h} of the same type (then all of them become leaves), at least one does, and {@code h}
     * takes no other record or array of them.
     */
    private static boolean handsOnOnlyWhatItTakes(
            MethodCallExpr call, MethodDeclaration h, Map<String, Parameter> arrays, String pkg, RecordTypes records) {
        boolean any = false;
        for (int i = 0; i < call.getArguments().size(); i++) {
            Expression a = call.getArgument(i);
            com.github.javaparser.ast.type.Type t = h.getParameter(i).getType();
            if (a instanceof NameExpr n && arrays.containsKey(n.getNameAsString())) {
                if (!t.equals(arrays.get(n.getNameAsString()).getType())) {
                    return false;
                }
                any = true;
            } else if (ElementType.of(t, pkg, records).isPresent()
                    || records.shape(t, pkg, pkg).isPresent()) {
                return false; // (a record or another array of them: its callers would have to spread it too)
            }
        }
        return any;
    }
}
