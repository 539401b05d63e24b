package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a parameter that is an array of records or objects of the sources, {@code Layer[]
 * layers} with {@code record Layer(double[][] w, double[] b)}, by leaves the strategies know (see
 * {@link Receiver.Elements}): {@code layers.length} becomes the count leaf,
 * {@code layers[l].b()[i]} reads row {@code l} of the {@code double[][]} leaf {@code layers_b},
 * and {@code layers[l].w()[i][j]} reads {@code layers_w[layers_w_at[l] + i][j]}, the rows of every
 * element's matrix one after the other. Aliases and for-each loops are indices by then
 * ({@link ElementAliases}). The generated code gathers the leaves from the elements (row
 * references, no number copied), so an element written in place is written in the user's array.
 * Any other use of the array, an element or a component (passing it on, assigning an element or a
 * field, holding a whole matrix) is an error at its position.
 */
final class ElementArrays {
    private final Path file;
    private final String packageName;
    private final MethodDeclaration method;
    private final Parameter param;
    private final ElementType element;
    private final Set<String> taken;
    private final List<Diagnostic> diagnostics;
    /** The nodes an error names already. */
    private final Set<Node> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    ElementArrays(
            Path file,
            String packageName,
            MethodDeclaration method,
            Parameter param,
            ElementType element,
            Set<String> taken,
            List<Diagnostic> diagnostics) {
        this.file = file;
        this.packageName = packageName;
        this.method = method;
        this.param = param;
        this.element = element;
        this.taken = taken;
        this.diagnostics = diagnostics;
    }

    /** Checks the uses of the parameter, and with {@code apply} replaces it (at {@code position}) by its leaves. */
    Receiver.RecordParam expand(int position, boolean apply) {
        String name = param.getNameAsString();
        String count = fresh(name + "_n");
        // the leaves of the components the method reads, in declaration order
        Map<String, Receiver.Gathered> gathered = new LinkedHashMap<>();
        List<Runnable> rewrites = new ArrayList<>();
        int before = diagnostics.size();
        if (param.containsData(HeldCallees.WHOLE)) {
            gatherAll(gathered); // a callee's: its callers pass every component (HeldCallees)
        }
        for (NameExpr use :
                method.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElseThrow();
            if (parent instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
                rewrites.add(() -> replace(f, new NameExpr(count)));
            } else if (HeldCallees.passesOn(parent, use)) {
                // the held array passed to a callee that takes it: every leaf, as the callee's parameters come
                List<String> all = new ArrayList<>(List.of(count));
                gatherAll(gathered).forEach(g -> {
                    all.add(g.rows());
                    g.at().ifPresent(all::add);
                });
                rewrites.add(() -> {
                    MethodCallExpr call = (MethodCallExpr) parent;
                    int at = call.getArguments().indexOf(use);
                    call.getArguments().remove(at);
                    for (int k = all.size() - 1; k >= 0; k--) {
                        call.getArguments().add(at, Positions.standAt(new NameExpr(all.get(k)), use));
                    }
                });
            } else if (parent instanceof ArrayAccessExpr a && a.getName() == use) {
                elementRead(a, gathered, rewrites);
            } else {
                error(
                        parent,
                        "'" + Positions.asWritten(parent) + "' uses '" + name + "', an array of " + element.name()
                                + ", other than"
                                + " reading its length and its elements' components ('" + name + "[l]."
                                + element.example()
                                + "'): a differentiated"
                                + " method cannot pass it on, compare it or hold it; pass the numbers instead");
            }
        }
        if (apply && diagnostics.size() == before) {
            // inner uses first (an index may read the array too): the outer rewrites then copy rewritten indices
            for (int k = rewrites.size() - 1; k >= 0; k--) {
                rewrites.get(k).run();
            }
        }
        List<Receiver.Leaf> leaves = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        leaves.add(new Receiver.Leaf("length", count, Ty.INT, false));
        params.add(new Parameter(PrimitiveType.intType(), count));
        for (Receiver.Gathered g : gathered.values()) {
            // a scalar component's values are one 1-D leaf; an array component's rows a 2-D one
            boolean scalar = g.type().dims() == 0;
            leaves.add(
                    new Receiver.Leaf(g.component(), g.rows(), new Ty(g.type().prim(), scalar ? 1 : 2), false));
            Type row = new ArrayType(new PrimitiveType(primitive(g.type())));
            params.add(new Parameter(scalar ? row : new ArrayType(row), g.rows()));
            g.at().ifPresent(at -> {
                leaves.add(new Receiver.Leaf(g.component(), at, new Ty(Ty.Prim.INT, 1), false));
                params.add(new Parameter(new ArrayType(PrimitiveType.intType()), at));
            });
        }
        if (apply && diagnostics.size() == before) {
            int at = method.getParameters().indexOf(param);
            method.getParameters().remove(param);
            for (int k = params.size() - 1; k >= 0; k--) {
                method.getParameters().add(at, params.get(k));
            }
        }
        Receiver.Elements elements =
                new Receiver.Elements(count, element.isRecord(), List.copyOf(gathered.values()), element.mirrored());
        return new Receiver.RecordParam(
                position,
                name,
                element.packageName(),
                element.path(),
                element.file().getFileName().toString(),
                leaves,
                false,
                Optional.of(elements),
                List.of(),
                Optional.empty(),
                element.isRecord());
    }

    /** {@code a}, an element {@code layers[e]}: the component read from it. */
    private void elementRead(ArrayAccessExpr a, Map<String, Receiver.Gathered> gathered, List<Runnable> rewrites) {
        Node parent = a.getParentNode().orElseThrow();
        String component = null;
        if (element.isRecord()
                && parent instanceof MethodCallExpr call
                && call.getScope().filter(s -> s == a).isPresent()
                && call.getArguments().isEmpty()
                && element.components().containsKey(call.getNameAsString())) {
            component = call.getNameAsString();
            if (element.ownAccessors().contains(component)) {
                error(
                        call,
                        "'" + call + "' calls an accessor that record " + element.name()
                                + " declares itself: its value need not be"
                                + " the component's, so its derivative is unknown; use the generated accessor");
                return;
            }
        } else if (!element.isRecord()
                && parent instanceof FieldAccessExpr fa
                && fa.getScope() == a
                && element.components().containsKey(fa.getNameAsString())) {
            component = fa.getNameAsString();
            if (element.privateFields().contains(component)) {
                error(
                        fa,
                        "'" + fa + "' reads field '" + component + "' of " + element.name()
                                + ", which the generated class (in package '" + packageName
                                + "') cannot read; make the field public, or package-private in this package");
                return;
            }
        }
        String name = param.getNameAsString();
        if (component == null) {
            if (!reported.add(parent)) {
                return; // layers[0] = layers[1]: one error for the statement
            }
            if (parent instanceof MethodCallExpr call
                    && call.getArguments().stream().anyMatch(x -> x == a)) {
                error(
                        parent,
                        "'" + Positions.asWritten(parent) + "' passes an element of '" + name + "' to '"
                                + call.getNameAsString()
                                + "', which cannot take it as its components: an element of an array of "
                                + element.name() + " goes, as its components, to a parameter of type " + element.name()
                                + " of a @Differentiable method of the sources, or of a plain helper (static, or an"
                                + " instance method of this class) that takes a record and only reads its components"
                                + " (calls none of its methods, passes it to no other method that cannot take it)"
                                + (element.isRecord()
                                        ? ""
                                        : "; an object of a class goes only to a @Differentiable method (mark '"
                                                + call.getNameAsString() + "' @Differentiable)")
                                + "; or pass the components it needs ('" + name + "[l]." + element.example() + "')");
                return;
            }
            String what = parent instanceof AssignExpr as && as.getTarget() == a
                    ? "assigns an element of '" + name + "'"
                    : "uses an element of '" + name + "' other than reading its components";
            error(
                    parent,
                    "'" + Positions.asWritten(parent) + "' " + what
                            + ": a differentiated method reads the components of the elements"
                            + " of an array of " + element.name() + " ('" + name + "[l]." + element.example()
                            + "') and writes into their arrays, but"
                            + " cannot replace, pass on or hold an element (its gradient is gathered by index); read the components where you"
                            + " need them");
            return;
        }
        Node read = parent;
        Type type = element.components().get(component);
        Optional<Ty> ty = MethodSelector.toTy(type).filter(ElementType::isGatherable);
        Optional<Expression> constant = ty.isPresent() || param.containsData(HeldCallees.WHOLE)
                ? Optional.empty()
                : EnumComponents.comparedConstant(read, type, method);
        if (constant.isPresent()) {
            // o.kind() == Kind.CALL: the elements' ordinals, gathered, compared with the constant's
            Receiver.Gathered g = gathered.computeIfAbsent(
                    component,
                    c -> new Receiver.Gathered(
                            c, new Ty(Ty.Prim.INT, 0), fresh(name + "_" + c), Optional.empty(), true));
            rewrites.add(() -> {
                replace(constant.get(), new MethodCallExpr(constant.get().clone(), "ordinal"));
                replace(
                        read,
                        new ArrayAccessExpr(new NameExpr(g.rows()), a.getIndex().clone()));
            });
            return;
        }
        if (ty.isEmpty()) {
            error(
                    read,
                    "'" + Positions.asWritten(read) + "' reads component '" + component + "' of type " + type
                            + ": a differentiated method reads"
                            + " components of type double, float, int, long, boolean, double[], float[], double[][] and float[][] of the"
                            + " elements of an array of " + element.name()
                            + ", and compare an enum component with one of its constants ('" + name + "[l]."
                            + (element.isRecord() ? component + "()" : component)
                            + " == Kind.A'); hold this value in a component of one of those types, or pass it as a"
                            + " parameter");
            return;
        }
        if (FieldReads.isAssigned(read)) {
            error(
                    read.getParentNode().orElse(read),
                    "'" + Positions.asWritten(read.getParentNode().orElse(read)) + "' assigns field '"
                            + component + "' of an element of '" + name
                            + "': a differentiated method writes into the elements' arrays, not"
                            + " the fields themselves; assign it outside the differentiated method");
            return;
        }
        Receiver.Gathered g = gather(gathered, component, ty.get());
        Expression index = a.getIndex(); // (the rewrites read it again: an inner rewrite may have replaced it)
        if (g.at().isEmpty()) {
            rewrites.add(() -> replace(
                    read,
                    new ArrayAccessExpr(new NameExpr(g.rows()), a.getIndex().clone())));
            return;
        }
        String at = g.at().get();
        Node outer = read.getParentNode().orElseThrow();
        if (outer instanceof ArrayAccessExpr row && row.getName() == read) {
            // layers[l].w()[i] is row layers_w_at[l] + i of the gathered rows
            rewrites.add(() -> replace(row, ElementRows.row(g.rows(), at, a.getIndex(), row.getIndex())));
        } else if (outer instanceof FieldAccessExpr f && f.getNameAsString().equals("length") && isPure(index)) {
            rewrites.add(() -> replace(f, ElementRows.length(at, a.getIndex())));
        } else if (outer instanceof ForEachStmt loop && loop.getIterable() == read && isPure(index)) {
            String k = fresh(name + "_row");
            String end = fresh(name + "_end");
            rewrites.add(() -> loop.replace(ElementRows.forEach(loop, g.rows(), at, a.getIndex(), k, end)));
        } else if (outer instanceof MethodCallExpr call
                && call.getArguments().stream().anyMatch(x -> x == read)) {
            // (RecordArguments spread the element into its components: the call passes its matrix whole)
            error(
                    outer,
                    "'" + Positions.asWritten(outer) + "' passes an element of '" + name + "' to '"
                            + call.getNameAsString()
                            + "', and " + element.name() + " holds a matrix ('" + component
                            + "'): an element's matrix is gathered with every element's rows and read in place, so"
                            + " it goes only to a method of " + element.name() + " itself ('" + name + "[l]."
                            + call.getNameAsString() + "(...)', a method that takes what else it reads as parameters)"
                            + " or to a static helper of this class, the only method of its name, that only reads its"
                            + " components (not passing the element on, comparing or assigning it);"
                            + " move '" + call.getNameAsString() + "' into " + element.name()
                            + ", or pass the rows or numbers it needs");
        } else {
            error(
                    outer,
                    "'" + Positions.asWritten(outer) + "' uses '" + read + "', a matrix of an element of '" + name
                            + "', other than"
                            + " reading its rows, elements and length ('" + read + "[i][j]', '" + read + ".length'"
                            + ", 'for (double[] row : " + read + ")'"
                            + (outer instanceof FieldAccessExpr || outer instanceof ForEachStmt
                                    ? ", with an index that has no side effect"
                                    : "")
                            + "): its rows are gathered"
                            + " with every element's; read its elements where you need them");
        }
    }

    /** The leaves of {@code component}, of type {@code ty}, made when first needed. */
    private Receiver.Gathered gather(Map<String, Receiver.Gathered> gathered, String component, Ty ty) {
        String name = param.getNameAsString();
        return gathered.computeIfAbsent(
                component,
                c -> new Receiver.Gathered(
                        c,
                        ty,
                        fresh(name + "_" + c),
                        ty.dims() == 2 ? Optional.of(fresh(name + "_" + c + "_at")) : Optional.empty()));
    }

    /** Every component a method may read, gathered: each {@code double}/{@code float} array the generated class can read, in declaration order. */
    private List<Receiver.Gathered> gatherAll(Map<String, Receiver.Gathered> gathered) {
        List<Receiver.Gathered> out = new ArrayList<>();
        element.components()
                .forEach((c, type) -> MethodSelector.toTy(type)
                        .filter(ElementType::isGatherable)
                        .filter(t -> !element.privateFields().contains(c))
                        .ifPresent(t -> out.add(gather(gathered, c, t))));
        return out;
    }

    /** Whether evaluating {@code e} twice is evaluating it once: no assignment, update, call or creation in it. */
    static boolean isPure(Expression e) {
        return e.findAll(Node.class).stream()
                .noneMatch(n -> n instanceof AssignExpr
                        || n instanceof MethodCallExpr
                        || n instanceof ObjectCreationExpr
                        || (n instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())));
    }

    private static PrimitiveType.Primitive primitive(Ty t) {
        return switch (t.prim()) {
            case FLOAT -> PrimitiveType.Primitive.FLOAT;
            case INT -> PrimitiveType.Primitive.INT;
            case LONG -> PrimitiveType.Primitive.LONG;
            case BOOLEAN -> PrimitiveType.Primitive.BOOLEAN;
            default -> PrimitiveType.Primitive.DOUBLE;
        };
    }

    private static void replace(Node old, Expression by) {
        old.getRange().ifPresent(r -> by.walk(n -> n.setRange(r)));
        old.replace(by);
    }

    private String fresh(String base) {
        String n = base;
        while (taken.contains(n)) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
