package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java.util.List} parameters read as data: in each {@code @Differentiable} method of a
 * class, and in the methods of the class it passes its lists to, a {@code List<Double> xs} becomes
 * the array {@code double[] xs} ({@code ListTypes}), {@code xs.get(i)} the element {@code xs[i]},
 * {@code xs.size()} {@code xs.length}, {@code xs.isEmpty()} {@code xs.length == 0}, and a for-each
 * over it a for-each over the array (its variable unboxed: {@code Double x} becomes
 * {@code double x}). A {@code List<Obs>} of records becomes an {@code Obs[]}, whose elements the
 * passes after this one gather ({@link ElementArrays}). Runs before any other rewrite of objects,
 * so that both strategies and every mode read arrays, and the public methods keep the lists
 * ({@link ListParam}, copied into pooled arrays on entry). A list is never differentiated: a
 * {@code wrt} naming one is an error, and a method without {@code wrt} gets one naming its other
 * floating-point parameters. A method whose lists, or those of a method it passes them to, are used
 * otherwise ({@link ListUses}) is reported once, at each use, and left out of the later passes.
 */
final class ListParameters {
    private final Path file;
    private final String pkg;
    private final ClassOrInterfaceDeclaration owner;
    private final RecordTypes records;
    private final Map<MethodDeclaration, ListUses.Found> found = new IdentityHashMap<>();

    private ListParameters(Path file, String pkg, ClassOrInterfaceDeclaration owner, RecordTypes records) {
        this.file = file;
        this.pkg = pkg;
        this.owner = owner;
        this.records = records;
    }

    /** Rewrites the lists of the methods of {@code owner} that a {@code @Differentiable} one reads; the problems to {@code diagnostics}. */
    static void rewrite(
            Path file,
            String pkg,
            ClassOrInterfaceDeclaration owner,
            RecordTypes records,
            List<Diagnostic> diagnostics) {
        new ListParameters(file, pkg, owner, records).rewrite(diagnostics);
    }

    private void rewrite(List<Diagnostic> diagnostics) {
        Set<Diagnostic> reported = new LinkedHashSet<>(diagnostics);
        Set<MethodDeclaration> rewritten = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MethodDeclaration m : owner.getMethods()) {
            if (!InstanceLifting.isDifferentiable(m) || m.getBody().isEmpty()) {
                continue;
            }
            Set<MethodDeclaration> reach = reach(m);
            List<Diagnostic> errors = new ArrayList<>();
            reach.forEach(r -> errors.addAll(found(r).errors()));
            if (errors.isEmpty() && found(m).params().isEmpty()) {
                continue; // (a method of the class that takes lists is judged when a differentiated one passes them)
            }
            if (errors.isEmpty()) {
                wrt(m, errors);
            }
            if (!errors.isEmpty()) {
                errors.stream().filter(reported::add).forEach(diagnostics::add);
                m.getAnnotations()
                        .removeIf(MethodSelector::isDifferentiable); // (reported: out of the later passes' sight)
                continue;
            }
            reach.stream().filter(rewritten::add).forEach(r -> rewriteOne(r, found(r)));
        }
    }

    private ListUses.Found found(MethodDeclaration m) {
        return found.computeIfAbsent(m, k -> ListUses.of(file, pkg, owner, k, records));
    }

    /** {@code m} and the methods it passes its lists to, directly or not. */
    private Set<MethodDeclaration> reach(MethodDeclaration m) {
        return Reach.from(m, next -> found(next).callees());
    }

    /**
     * Checks that the {@code wrt} of {@code m} names no list, and spells it out when it is not given:
     * the method's floating-point parameters, which the lists, once arrays, would otherwise join.
     */
    private void wrt(MethodDeclaration m, List<Diagnostic> errors) {
        AnnotationExpr ann = m.getAnnotations().stream()
                .filter(MethodSelector::isDifferentiable)
                .findFirst()
                .orElseThrow();
        WrtAttribute attribute = WrtAttribute.of(ann);
        List<String> named = attribute.named();
        List<MemberValuePair> kept = attribute.others();
        Map<String, ListTypes.Read> lists = found(m).params();
        for (String n : named) {
            ListTypes.Read read = lists.get(n);
            if (read != null) {
                String array = read.array().toString();
                errors.add(Positions.error(
                        file,
                        ann,
                        "wrt names '" + n + "', a List<" + read.element() + ">: a List parameter is read as data and"
                                + " never differentiated; to take the gradient with respect to its values, pass them"
                                + " as an array, " + array
                                + (read.values().isEmpty()
                                        ? " (list.toArray(new " + read.element() + "[0]))"
                                        : read.boxed()
                                                ? ""
                                                : " (list.toArray(new "
                                                        + read.values()
                                                                .get()
                                                                .prim()
                                                                .java() + "[0][]))")));
            }
        }
        if (!named.isEmpty() || !errors.isEmpty()) {
            return;
        }
        NodeList<Expression> values = new NodeList<>();
        for (Parameter p : m.getParameters()) {
            if (!p.isVarArgs()
                    && MethodSelector.toTy(p.getType())
                            .filter(t -> t.isFloating())
                            .isPresent()) {
                values.add(new StringLiteralExpr(p.getNameAsString()));
            }
        }
        if (values.isEmpty()) {
            errors.add(Positions.error(
                    file,
                    ann,
                    "nothing to differentiate: '" + m.getNameAsString() + "' has no float or double parameter to"
                            + " take the gradient with respect to, and its List parameters are read as data, never"
                            + " differentiated; pass the values to differentiate as a double[], or remove"
                            + " @Differentiable"));
            return;
        }
        kept.add(new MemberValuePair("wrt", new ArrayInitializerExpr(values)));
        NormalAnnotationExpr spelled = new NormalAnnotationExpr(ann.getName().clone(), new NodeList<>(kept));
        ann.getRange().ifPresent(spelled::setRange);
        ann.replace(spelled);
    }

    /** Rewrites the lists of {@code m} (checked clean) into arrays, and remembers them on it. */
    private static void rewriteOne(MethodDeclaration m, ListUses.Found lists) {
        if (lists.params().isEmpty()) {
            return;
        }
        List<ListParam> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            ListTypes.Read read = lists.params().get(p.getNameAsString());
            if (read != null) {
                p.setType(Positions.standAt(read.array().clone(), p.getType()));
                params.add(new ListParam(p.getNameAsString(), read.values()));
            }
        }
        List<NameExpr> uses = m.findAll(NameExpr.class, n -> lists.params().containsKey(n.getNameAsString()));
        for (NameExpr use : uses) {
            ListTypes.Read read = lists.params().get(use.getNameAsString());
            Node parent = use.getParentNode().orElseThrow();
            if (parent instanceof ForEachStmt f) {
                unbox(f, read);
                continue;
            }
            if (!(parent instanceof MethodCallExpr call)
                    || call.getScope().filter(s -> s == use).isEmpty()) {
                continue; // (passed on to a method that takes the same list, rewritten too)
            }
            NameExpr array = Positions.standAt(new NameExpr(use.getNameAsString()), use);
            switch (call.getNameAsString()) {
                case "get" -> {
                    // (a boxed element unboxed by its own doubleValue() is the same number)
                    Node unboxed = call.getParentNode()
                            .filter(g -> read.boxed()
                                    && g instanceof MethodCallExpr u
                                    && u.getScope().filter(s -> s == call).isPresent()
                                    && u.getNameAsString()
                                            .equals(ListTypes.unboxing(
                                                    read.values().get())))
                            .orElse(call);
                    unboxed.replace(Positions.standAt(new ArrayAccessExpr(array, call.getArgument(0)), unboxed));
                }
                case "size" -> call.replace(Positions.standAt(new FieldAccessExpr(array, "length"), call));
                default -> // isEmpty()
                    call.replace(Positions.standAt(
                            new EnclosedExpr(new BinaryExpr(
                                    new FieldAccessExpr(array, "length"),
                                    new IntegerLiteralExpr("0"),
                                    BinaryExpr.Operator.EQUALS)),
                            call));
            }
        }
        m.setData(ListParam.KEY, List.copyOf(params));
    }

    /** Gives the variable of a for-each over a list of boxed numbers the number's type ({@code Double x} to {@code double x}). */
    private static void unbox(ForEachStmt f, ListTypes.Read read) {
        if (!read.boxed()) {
            return;
        }
        f.getVariable().getVariables().forEach(v -> {
            if (v.getType() instanceof ClassOrInterfaceType) { // (var, or the number's type, stays)
                v.setType(Positions.standAt(
                        read.array().asArrayType().getComponentType().clone(), v.getType()));
            }
            // its own unboxing (x.doubleValue()) is the number (BoxedElements allowed no other method)
            String unboxing = ListTypes.unboxing(read.values().get());
            for (MethodCallExpr call : f.getBody().findAll(MethodCallExpr.class)) {
                if (call.getNameAsString().equals(unboxing)
                        && call.getArguments().isEmpty()
                        && call.getScope().orElse(null) instanceof NameExpr n
                        && n.getNameAsString().equals(v.getNameAsString())) {
                    call.replace(Positions.standAt(new NameExpr(v.getNameAsString()), call));
                }
            }
        });
    }

    /**
     * Gives each method of {@code owner} whose lists became arrays and that no other pass lifted a
     * receiver of its own, so that its public methods take the lists.
     */
    static void receivers(ClassOrInterfaceDeclaration owner, String ownerSimpleName) {
        for (MethodDeclaration m : owner.getMethods()) {
            if (!ListParam.of(m).isEmpty() && Receiver.of(m).isEmpty()) {
                m.setData(
                        Receiver.KEY,
                        new Receiver(
                                ownerSimpleName,
                                false,
                                List.of(),
                                m.getParameters().size(),
                                false,
                                InstanceLifting.isDifferentiable(m),
                                List.of(),
                                false,
                                ListParam.of(m)));
            }
        }
    }
}
