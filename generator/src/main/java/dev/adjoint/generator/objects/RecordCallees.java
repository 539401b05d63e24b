package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code @Differentiable} methods of the sources that take records or objects of a class of the
 * sources (and the plain ones whose use of them expands, see {@link #isPlain}), static ones and the
 * instance methods of a class (which {@link InstanceLifting} lifts with their class afterwards), as
 * declared (before any lifting expands them), so that a call passing one can pass its components
 * instead: the callee's record and object parameters become one parameter per component or field,
 * in place.
 */
public final class RecordCallees {
    /**
     * One such method.
     *
     * @param owner the type declaring it
     * @param packageName its package
     * @param declaration its syntax
     * @param records per parameter, the record or class of the sources it takes there, if any
     */
    record Callee(
            TypeDeclaration<?> owner,
            String packageName,
            MethodDeclaration declaration,
            List<Optional<RecordTypes.Shape>> records) {}

    private final List<Callee> callees = new ArrayList<>();
    private final java.util.Set<MethodDeclaration> plain =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private RecordCallees() {}

    /** The record-taking methods of {@code units} (file to unit), each the only one of its name and arity in its class. */
    public static RecordCallees of(Map<Path, CompilationUnit> units, RecordTypes records) {
        RecordCallees out = new RecordCallees();
        List<Map.Entry<Callee, Path>> helpers = new ArrayList<>(); // the plain ones, each with its file
        units.forEach((file, unit) -> {
            String pkg =
                    unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
                // static, or an instance method of the class (lifted with it: InstanceLifting)
                if (m.getBody().isEmpty() || !(m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner)) {
                    continue;
                }
                boolean plain = m.getAnnotations().stream().noneMatch(MethodSelector::isDifferentiable);
                if (plain && !takesOnlyRecords(pkg, m, records)) {
                    continue;
                }
                List<Optional<RecordTypes.Shape>> rs = new ArrayList<>();
                for (Parameter p : m.getParameters()) {
                    rs.add(p.isVarArgs() ? Optional.empty() : records.shape(p.getType(), pkg, pkg));
                }
                // an overload of the same arity could be the one javac picks for a call: such methods are left out
                boolean unique = owner.getMethodsByName(m.getNameAsString()).stream()
                                .filter(o -> o.getParameters().size()
                                        == m.getParameters().size())
                                .count()
                        == 1;
                if (unique && rs.stream().anyMatch(Optional::isPresent)) {
                    Callee c = new Callee(owner, pkg, m, rs);
                    if (plain) {
                        helpers.add(Map.entry(c, file));
                    } else {
                        out.callees.add(c);
                    }
                }
            }
        });
        // a helper passing its record on to another such helper expands once that call passes the components: the
        // helpers taken so far decide, until no other is taken
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Callee, Path> h : helpers) {
                Callee c = h.getKey();
                if (!out.plain.contains(c.declaration()) && out.expandsCleanly(h.getValue(), c, records)) {
                    out.callees.add(c);
                    out.plain.add(c.declaration());
                    grew = true;
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code m} is a plain (not annotated) one of these: a helper a differentiated method may
     * pass a record to ({@code sqExp(kernel, a, b)}), whose record parameters are expanded as an
     * annotated method's are, so that it is differentiated or inlined as a helper of numbers.
     */
    boolean isPlain(MethodDeclaration m) {
        return plain.contains(m);
    }

    /**
     * Whether a plain method's record and object parameters are records (no objects of classes): an object of a
     * class passed on is made again from its fields for the callee's value, which a plain helper's callers do not
     * do; arrays of records are not spread at calls.
     */
    private static boolean takesOnlyRecords(String pkg, MethodDeclaration m, RecordTypes records) {
        return m.getParameters().stream()
                .allMatch(p -> records.shape(p.getType(), pkg, pkg)
                                .map(RecordTypes.Shape::accessors)
                                .orElse(true)
                        && ElementType.of(p.getType(), pkg, records).isEmpty());
    }

    /**
     * Whether plain method {@code c}'s records expand without a problem once its calls of the methods
     * taken so far pass their components: one that uses a record otherwise (calls its methods, passes it
     * elsewhere) is left as written, so that an error about it is reported only where a differentiated
     * method calls it.
     */
    private boolean expandsCleanly(Path file, Callee c, RecordTypes records) {
        List<dev.adjoint.generator.Diagnostic> problems = new ArrayList<>();
        MethodDeclaration copy = c.declaration().clone(); // (checked on a copy: the lifting spreads the method itself)
        // the copy stands in the method's class while checked, so that its types resolve as the method's do (a
        // record Params of which another class of the package nests one too: RecordTypes#member)
        copy.setParentNode(c.owner());
        try {
            RecordArguments.spread(file, c.packageName(), c.owner(), copy, this, problems);
            return problems.isEmpty()
                    && !RecordParameters.expand(file, c.packageName(), copy, records, false, problems)
                            .isEmpty()
                    && problems.isEmpty();
        } finally {
            copy.setParentNode(null);
        }
    }

    /** The method {@code call}, made in type {@code from} of package {@code pkg}, calls, if it is one of these. */
    Optional<Callee> resolve(MethodCallExpr call, TypeDeclaration<?> from, String pkg) {
        List<Callee> named = callees.stream()
                .filter(c -> c.declaration().getNameAsString().equals(call.getNameAsString())
                        && c.records().size() == call.getArguments().size())
                .toList();
        if (call.getScope().isEmpty()
                || call.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr t
                        && t.getTypeName().isEmpty()) {
            // the innermost enclosing type that declares a method of that name, as javac looks
            for (Node n = from; n != null; n = n.getParentNode().orElse(null)) {
                if (n instanceof TypeDeclaration<?> t
                        && !t.getMethodsByName(call.getNameAsString()).isEmpty()) {
                    List<Callee> here =
                            named.stream().filter(c -> c.owner() == t).toList();
                    return here.size() == 1 ? Optional.of(here.get(0)) : Optional.empty();
                }
            }
            return Optional.empty();
        }
        String typeName = call.getScope().get() instanceof NameExpr n
                ? n.getNameAsString()
                : call.getScope().get() instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        List<Callee> found = named.stream()
                .filter(c -> c.owner().getNameAsString().equals(typeName))
                .toList();
        List<Callee> here =
                found.stream().filter(c -> c.packageName().equals(pkg)).toList();
        return here.size() == 1
                ? Optional.of(here.get(0))
                : found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
