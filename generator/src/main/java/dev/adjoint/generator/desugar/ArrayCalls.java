package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library calls that move array elements, as the loops they stand for:
 *
 * <pre>
 * System.arraycopy(src, s, dst, d, n)   for k in [0, n): dst[d + k] = src[s + k]   (backwards when src is dst and d > s)
 * Arrays.fill(a, v)                     for k in [0, a.length): a[k] = v
 * Arrays.fill(a, from, to, v)           for k in [from, to): a[k] = v
 * T[] c = Arrays.copyOf(w, n)           c = new T[n]; for k in [0, min(n, w.length)): c[k] = w[k]
 * T[] c = Arrays.copyOfRange(w, f, t)   c = new T[t - f]; for k in [0, min(t, w.length) - f): c[k] = w[f + k]
 * T[] c = w.clone()                     c = new T[w.length]; for k in [0, w.length): c[k] = w[k]
 * m[i] = w.clone()                      m[i] = new T[w.length]; for k in [0, w.length): m[i][k] = w[k]   (and copyOf, copyOfRange)
 * return w.clone();                     T[] c = w.clone(); return c;   (and copyOf, copyOfRange: then as above)
 * </pre>
 *
 * Each argument is evaluated once, in Java's order, except that a row {@code m[i]} given for an
 * array is read again at each element: its index may have no effect (no update, no call), and the
 * loops change neither it nor which row {@code m[i]} is. Only 1-D arrays named by a variable and
 * such rows are rewritten; anything else is left as written, for the fences to reject. A row given
 * a copy ({@code a[i] = A[i].clone()}, the usual deep copy of a matrix) becomes a row created with
 * {@code new} and filled, which a ragged local ({@code new T[n][]}) takes ({@code RaggedLocals}); not when the copy is of
 * a row of the same array ({@code a[i] = a[j].clone()}: the new row would be read as the source).
 */
final class ArrayCalls {
    private final Rewriter rw;
    private final boolean arraysImported;

    ArrayCalls(Rewriter rw, CompilationUnit unit) {
        this.rw = rw;
        List<ImportDeclaration> imports = unit.getImports();
        this.arraysImported = imports.stream()
                .anyMatch(i -> !i.isStatic()
                        && (i.isAsterisk()
                                ? i.getNameAsString().equals("java.util")
                                : i.getNameAsString().equals("java.util.Arrays")));
    }

    /** The statements {@code s} stands for, or empty when it is not one of the calls above. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ReturnStmt r && r.getExpression().orElse(null) instanceof MethodCallExpr m) {
            return returnedCopy(m, s);
        }
        if (!(s instanceof ExpressionStmt es)) {
            return Optional.empty();
        }
        if (es.getExpression() instanceof MethodCallExpr m) {
            if (isSystem(m)
                    && m.getNameAsString().equals("arraycopy")
                    && m.getArguments().size() == 5) {
                return arraycopy(m, s);
            }
            if (isArrays(m)
                    && m.getNameAsString().equals("fill")
                    && (m.getArguments().size() == 2 || m.getArguments().size() == 4)) {
                return fill(m, s);
            }
            return Optional.empty();
        }
        if (es.getExpression() instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof ArrayAccessExpr row
                && row.getName() instanceof NameExpr matrix
                && isPure(row.getIndex())
                && a.getValue() instanceof MethodCallExpr m) {
            return rowCopy(row, matrix, m, s);
        }
        if (es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1
                && v.getVariables().get(0).getInitializer().orElse(null) instanceof MethodCallExpr m) {
            return copy(v.getVariables().get(0), m, s);
        }
        return Optional.empty();
    }

    private Optional<List<Statement>> arraycopy(MethodCallExpr m, Statement at) {
        Expression src = m.getArgument(0);
        Expression dst = m.getArgument(2);
        if (elementType(src).isEmpty()
                || !elementType(src).equals(elementType(dst))) { // (float[] into double[] throws)
            return Optional.empty();
        }
        Map<String, String> names = Map.of(
                "#from#",
                rw.fresh("copyFrom"),
                "#to#",
                rw.fresh("copyTo"),
                "#n#",
                rw.fresh("copyLength"),
                "#k#",
                rw.fresh("copyIndex"));
        Map<String, Expression> nodes = Map.of(
                "$src", src, "$from", m.getArgument(1), "$dst", dst, "$to", m.getArgument(3), "$n", m.getArgument(4));
        String forward = "for (int #k# = 0; #k# < #n#; #k#++) { $dst[#to# + #k#] = $src[#from# + #k#]; }";
        String template;
        if (arrayName(src).equals(arrayName(dst))) {
            // (rows m[i], m[j] of one 2-D array may be one row: copied as within one array, which is right either way)
            // within one array, as if through a temporary copy: a range moving up is copied from its end
            template =
                    "{ int #from# = $from; int #to# = $to; int #n# = $n; if (#to# <= #from#) { " + forward + " } else {"
                            + " for (int #k# = #n# - 1; #k# >= 0; #k#--) { $dst[#to# + #k#] = $src[#from# + #k#]; } } }";
        } else {
            template = "{ int #from# = $from; int #to# = $to; int #n# = $n; " + forward + " }";
        }
        return Optional.of(List.of(rw.statement(template, names, nodes, at)));
    }

    private Optional<List<Statement>> fill(MethodCallExpr m, Statement at) {
        Expression a = m.getArgument(0);
        Optional<String> elem = elementType(a);
        if (elem.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = Map.of(
                "#T#",
                elem.get(),
                "#v#",
                rw.fresh("fillValue"),
                "#k#",
                rw.fresh("fillIndex"),
                "#from#",
                rw.fresh("fillFrom"),
                "#to#",
                rw.fresh("fillTo"));
        if (m.getArguments().size() == 2) {
            return Optional.of(List.of(rw.statement(
                    "{ #T# #v# = $v; for (int #k# = 0; #k# < $a.length; #k#++) { $a[#k#] = #v#; } }",
                    names,
                    Map.of("$a", a, "$v", m.getArgument(1)),
                    at)));
        }
        return Optional.of(List.of(rw.statement(
                "{ int #from# = $from; int #to# = $to; #T# #v# = $v;"
                        + " for (int #k# = #from#; #k# < #to#; #k#++) { $a[#k#] = #v#; } }",
                names,
                Map.of("$a", a, "$from", m.getArgument(1), "$to", m.getArgument(2), "$v", m.getArgument(3)),
                at)));
    }

    /** {@code return w.clone();} (or a copy by {@code Arrays}): the copy made into a fresh local, which is returned. */
    private Optional<List<Statement>> returnedCopy(MethodCallExpr m, Statement at) {
        Expression w = m.getNameAsString().equals("clone") && m.getArguments().isEmpty()
                ? m.getScope().orElse(null)
                : isArrays(m)
                                && (m.getNameAsString().equals("copyOf")
                                                && m.getArguments().size() == 2
                                        || m.getNameAsString().equals("copyOfRange")
                                                && m.getArguments().size() == 3)
                        ? m.getArgument(0)
                        : null;
        Optional<String> elem = w == null ? Optional.empty() : elementType(w);
        if (elem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rw.statements(
                "{ #T#[] #c# = $copy; return #c#; }",
                Map.of("#T#", elem.get(), "#c#", rw.fresh("copy")),
                Map.of("$copy", m),
                at));
    }

    /** {@code matrix[i] = copy of w}: a new row, filled. */
    private Optional<List<Statement>> rowCopy(ArrayAccessExpr row, NameExpr matrix, MethodCallExpr m, Statement at) {
        Optional<Type> t = rw.typeOf(matrix);
        if (t.isEmpty()
                || !(t.get() instanceof ArrayType a
                        && a.getArrayLevel() == 2
                        && a.getElementType() instanceof PrimitiveType p)) {
            return Optional.empty();
        }
        Optional<String> elem = Optional.of(p.asString());
        Expression w = m.getNameAsString().equals("clone") && m.getArguments().isEmpty()
                ? m.getScope().orElse(null)
                : isArrays(m) && !m.getArguments().isEmpty() ? m.getArgument(0) : null;
        if (w == null
                || !elementType(w).equals(elem)
                || arrayName(w).equals(matrix.getNameAsString())
                || !ragged(matrix)) {
            return Optional.empty();
        }
        Map<String, String> names = Map.of(
                "#T#",
                elem.get(),
                "#n#",
                rw.fresh("copyLength"),
                "#m#",
                rw.fresh("copyCount"),
                "#from#",
                rw.fresh("copyFrom"),
                "#k#",
                rw.fresh("copyIndex"));
        if (m.getNameAsString().equals("clone")) {
            return Optional.of(List.of(rw.statement(
                    "{ $r = new #T#[$w.length]; for (int #k# = 0; #k# < $w.length; #k#++) { $r[#k#] = $w[#k#]; } }",
                    names,
                    Map.of("$r", row, "$w", w),
                    at)));
        }
        if (m.getNameAsString().equals("copyOf") && m.getArguments().size() == 2) {
            return Optional.of(List.of(rw.statement(
                    "{ int #n# = $n; $r = new #T#[#n#]; int #m# = #n# < $w.length ? #n# : $w.length;"
                            + " for (int #k# = 0; #k# < #m#; #k#++) { $r[#k#] = $w[#k#]; } }",
                    names,
                    Map.of("$r", row, "$w", w, "$n", m.getArgument(1)),
                    at)));
        }
        if (m.getNameAsString().equals("copyOfRange") && m.getArguments().size() == 3) {
            return Optional.of(List.of(rw.statement(
                    "{ int #from# = $from; int #n# = $to - #from#; $r = new #T#[#n#];"
                            + " int #m# = $w.length - #from# < #n# ? $w.length - #from# : #n#;"
                            + " for (int #k# = 0; #k# < #m#; #k#++) { $r[#k#] = $w[#from# + #k#]; } }",
                    names,
                    Map.of("$r", row, "$w", w, "$from", m.getArgument(1), "$to", m.getArgument(2)),
                    at)));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code matrix} is a local declared once as {@code new T[n][]}, the one 2-D array whose rows
     * may be created anew, and each row the method assigns is created or copied from another array (no
     * row swapped by reference, which the ragged rewrite would refuse: the copy then stays as written
     * with the rest, for the fences' one error at each such row).
     */
    private static boolean ragged(NameExpr matrix) {
        String name = matrix.getNameAsString();
        Optional<com.github.javaparser.ast.body.MethodDeclaration> method =
                matrix.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class);
        List<VariableDeclarator> declared = method.map(m -> m.findAll(
                        VariableDeclarator.class, v -> v.getNameAsString().equals(name)))
                .orElse(List.of());
        return declared.size() == 1
                && declared.get(0).getInitializer().orElse(null) instanceof ArrayCreationExpr c
                && c.getInitializer().isEmpty()
                && c.getLevels().size() == 2
                && c.getLevels().get(1).getDimension().isEmpty()
                && method
                        .get()
                        .findAll(
                                AssignExpr.class,
                                a -> a.getTarget() instanceof ArrayAccessExpr r
                                        && r.getName() instanceof NameExpr n
                                        && n.getNameAsString().equals(name))
                        .stream()
                        .allMatch(a -> a.getValue() instanceof ArrayCreationExpr
                                || a.getValue() instanceof MethodCallExpr m
                                        && COPIES.contains(m.getNameAsString())
                                        && m.findFirst(
                                                        NameExpr.class,
                                                        n -> n.getNameAsString().equals(name))
                                                .isEmpty());
    }

    private static final java.util.Set<String> COPIES = java.util.Set.of("clone", "copyOf", "copyOfRange");

    private Optional<List<Statement>> copy(VariableDeclarator d, MethodCallExpr m, Statement at) {
        Optional<String> elem = d.getType() instanceof ArrayType t
                        && t.getArrayLevel() == 1
                        && t.getComponentType() instanceof PrimitiveType p
                ? Optional.of(p.asString())
                : d.getType().isVarType() ? copiedElement(m) : Optional.empty();
        if (elem.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = Map.of(
                "#T#",
                elem.get(),
                "#c#",
                d.getNameAsString(),
                "#n#",
                rw.fresh("copyLength"),
                "#m#",
                rw.fresh("copyCount"),
                "#from#",
                rw.fresh("copyFrom"),
                "#k#",
                rw.fresh("copyIndex"));
        if (m.getNameAsString().equals("clone")
                && m.getArguments().isEmpty()
                && m.getScope().isPresent()
                && elementType(m.getScope().get()).equals(elem)) {
            return Optional.of(rw.statements(
                    "{ #T#[] #c# = new #T#[$w.length];"
                            + " for (int #k# = 0; #k# < #c#.length; #k#++) { #c#[#k#] = $w[#k#]; } }",
                    names,
                    Map.of("$w", m.getScope().get()),
                    at));
        }
        if (!isArrays(m)
                || m.getArguments().isEmpty()
                || !elementType(m.getArgument(0)).equals(elem)) {
            return Optional.empty();
        }
        if (m.getNameAsString().equals("copyOf") && m.getArguments().size() == 2) {
            return Optional.of(rw.statements(
                    "{ int #n# = $n; #T#[] #c# = new #T#[#n#]; int #m# = #n# < $w.length ? #n# : $w.length;"
                            + " for (int #k# = 0; #k# < #m#; #k#++) { #c#[#k#] = $w[#k#]; } }",
                    names,
                    Map.of("$w", m.getArgument(0), "$n", m.getArgument(1)),
                    at));
        }
        if (m.getNameAsString().equals("copyOfRange") && m.getArguments().size() == 3) {
            return Optional.of(rw.statements(
                    "{ int #from# = $from; int #n# = $to - #from#; #T#[] #c# = new #T#[#n#];"
                            + " int #m# = $w.length - #from# < #n# ? $w.length - #from# : #n#;"
                            + " for (int #k# = 0; #k# < #m#; #k#++) { #c#[#k#] = $w[#from# + #k#]; } }",
                    names,
                    Map.of("$w", m.getArgument(0), "$from", m.getArgument(1), "$to", m.getArgument(2)),
                    at));
        }
        return Optional.empty();
    }

    /**
     * The element type of the array {@code var c = m;} copies ({@code w.clone()}, {@code Arrays.copyOf(w, n)},
     * {@code Arrays.copyOfRange(w, f, t)}), which is {@code c}'s as javac gives it; the copy is then declared
     * with that type written out.
     */
    private Optional<String> copiedElement(MethodCallExpr m) {
        if (m.getNameAsString().equals("clone") && m.getArguments().isEmpty()) {
            return m.getScope().flatMap(this::elementType);
        }
        return isArrays(m) && m.getArguments().isNonEmpty() ? elementType(m.getArgument(0)) : Optional.empty();
    }

    /**
     * The element type of a 1-D primitive array variable, or of a row {@code m[i]} of a 2-D one
     * whose index has no effect of its own (the loops read it again at every element; nothing in
     * them changes it).
     */
    private Optional<String> elementType(Expression e) {
        int rows = 0;
        if (e instanceof ArrayAccessExpr r && r.getName() instanceof NameExpr && isPure(r.getIndex())) {
            e = r.getName();
            rows = 1;
        }
        Optional<Type> t = rw.typeOf(e);
        if (t.isPresent()
                && t.get() instanceof ArrayType a
                && a.getArrayLevel() == 1 + rows
                && a.getElementType() instanceof PrimitiveType p) {
            return Optional.of(p.asString());
        }
        return Optional.empty();
    }

    /** The variable an array argument names: {@code a} for {@code a} and for a row {@code a[i]}. */
    private static String arrayName(Expression e) {
        return e instanceof ArrayAccessExpr r ? r.getName().toString() : e.toString();
    }

    private static boolean isPure(Expression index) {
        return index.findAll(Node.class).stream()
                .noneMatch(n -> n instanceof MethodCallExpr || EvaluationOrder.isEffect(n));
    }

    private static boolean isSystem(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return scope.equals("System") || scope.equals("java.lang.System");
    }

    private boolean isArrays(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return scope.equals("java.util.Arrays") || (scope.equals("Arrays") && arraysImported);
    }
}
