package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The static form of one instance method {@link InstanceLifting} lifts: each field it reads is
 * the leaf parameter standing for it ({@code this.w}, {@code w}; a boxed scalar {@code w[0]}),
 * each call on the object passes the leaves on, the leaves are appended to its parameters and its
 * {@link Receiver} says what they hold. A field it cannot carry, an array field replaced whole and
 * {@code this} used as a value are errors at their position.
 */
final class StaticForm {
    private final Path file;
    private final String ownerSimpleName;
    /** The instance fields by name: their type where the generator can carry them, else empty. */
    private final Map<String, Optional<Ty>> fields;

    private final Map<String, com.github.javaparser.ast.type.Type> fieldTypes;
    /** The fields holding records or arrays of them ({@link HeldObjects}): read only by the differentiated methods themselves. */
    private final Set<String> heldFields;
    /** The calls to instance methods of the owner, found before any of them is lifted (which changes their arity). */
    private final Set<MethodCallExpr> instanceCalls;
    /** Whether a method calls on the object, directly or not, a method that a subclass could override. */
    private final Predicate<MethodDeclaration> callsOverridable;

    private final List<Diagnostic> diagnostics;

    StaticForm(
            Path file,
            String ownerSimpleName,
            Map<String, Optional<Ty>> fields,
            Map<String, com.github.javaparser.ast.type.Type> fieldTypes,
            Set<String> heldFields,
            Set<MethodCallExpr> instanceCalls,
            Predicate<MethodDeclaration> callsOverridable,
            List<Diagnostic> diagnostics) {
        this.file = file;
        this.ownerSimpleName = ownerSimpleName;
        this.fields = fields;
        this.fieldTypes = fieldTypes;
        this.heldFields = heldFields;
        this.instanceCalls = instanceCalls;
        this.callsOverridable = callsOverridable;
        this.diagnostics = diagnostics;
    }

    /** Checks {@code m}, and with {@code apply} (once every method of the class passed) rewrites it. */
    void lift(MethodDeclaration m, List<Receiver.Leaf> leafFields, boolean apply) {
        Set<String> variables = new TreeSet<>();
        m.findAll(Parameter.class).forEach(p -> variables.add(p.getNameAsString()));
        m.findAll(VariableDeclarator.class).forEach(v -> variables.add(v.getNameAsString()));
        if (variables.contains(Receiver.SELF)) {
            m.findAll(Parameter.class).stream()
                    .filter(p -> p.getNameAsString().equals(Receiver.SELF))
                    .findFirst()
                    .map(p -> (Node) p)
                    .or(() -> m.findAll(VariableDeclarator.class).stream()
                            .filter(v -> v.getNameAsString().equals(Receiver.SELF))
                            .findFirst()
                            .map(v -> (Node) v))
                    .ifPresent(n -> error(
                            n,
                            "a variable named '" + Receiver.SELF + "' in instance method '" + m.getNameAsString()
                                    + "': the generated code names the object '" + Receiver.SELF
                                    + "'; rename the variable"));
            return;
        }
        // each leaf's parameter: the field's own name, unless a variable of the method takes it
        List<Receiver.Leaf> leaves = new ArrayList<>();
        Set<String> taken = new TreeSet<>(variables);
        taken.addAll(fields.keySet());
        for (Receiver.Leaf f : leafFields) {
            String param = f.field();
            if (variables.contains(param)) {
                param = "this_" + f.field();
                while (taken.contains(param)) {
                    param = "_" + param;
                }
            }
            taken.add(param);
            leaves.add(new Receiver.Leaf(f.field(), param, f.type(), f.isPrivate(), f.boxed()));
        }
        Map<String, String> leafOf = new LinkedHashMap<>();
        Set<String> boxed = new TreeSet<>();
        leaves.forEach(l -> leafOf.put(l.field(), l.param()));
        leaves.stream().filter(Receiver.Leaf::boxed).forEach(l -> boxed.add(l.field()));
        int before = diagnostics.size();
        FieldReads reads = new FieldReads(fields.keySet());
        for (Node n : m.findAll(Node.class)) {
            if (!FieldReads.within(n, m)) {
                continue; // under a node already replaced
            }
            Optional<String> field = reads.fieldOf(n);
            if (field.isPresent()) {
                String f = field.get();
                if (!leafOf.containsKey(f) && heldFields.contains(f)) {
                    error(
                            n,
                            "'" + n + "' reads field '" + f + "' of type " + fieldTypes.get(f) + " in '"
                                    + m.getNameAsString() + "', a"
                                    + " method that a differentiated method calls: the records and objects the object holds are read by the"
                                    + " @Differentiable method itself; read it there, and pass the numbers this method needs");
                } else if (!leafOf.containsKey(f)) {
                    error(
                            n,
                            "'" + n + "' reads field '" + f + "' of type " + fieldTypes.get(f)
                                    + ": a differentiated instance method"
                                    + " can read fields of type double, float, int, long, boolean and their arrays (2-D for double and"
                                    + " float), records of the sources and 1-D arrays of records or objects of the sources (Layer[]"
                                    + " layers); pass this value as a parameter"
                                    + (ListTypes.isList(fieldTypes.get(f))
                                            ? " (a List parameter is read as data)"
                                            : ""));
                } else if (FieldReads.isAssigned(n)
                        && !boxed.contains(f)
                        && fields.get(f).filter(ty -> ty.dims() == 0).isPresent()) {
                    error(
                            n,
                            "'" + n.getParentNode().orElse(n) + "' assigns field '" + f + "' of type "
                                    + fieldTypes.get(f) + ": a"
                                    + " differentiated instance method can assign fields of type double, float, int, long and boolean;"
                                    + " make it an int, or assign it outside the differentiated method");
                } else if (FieldReads.isAssigned(n) && !boxed.contains(f)) {
                    error(
                            n,
                            "'" + n.getParentNode().orElse(n) + "' assigns array field '" + f
                                    + "' as a whole: a differentiated"
                                    + " instance method can assign scalar fields and write into the elements of a field's array, but not"
                                    + " replace the array; write its elements, or assign the field outside the differentiated method");
                } else if (apply && boxed.contains(f)) {
                    n.replace(FieldWrites.boxRead(leafOf.get(f), n)); // the box: b[0]
                } else if (apply) {
                    n.replace(Positions.standAt(new NameExpr(leafOf.get(f)), n));
                }
            } else if (n instanceof MethodCallExpr call && instanceCalls.contains(call)) {
                if (!apply) {
                    continue;
                }
                call.removeScope();
                for (Receiver.Leaf l : leaves) {
                    // the fields passed on stand where the call does: a message about one needs a position in the
                    // source
                    call.addArgument(Positions.standAt(new NameExpr(l.param()), call));
                }
            } else if (n instanceof ThisExpr t
                    && n.getParentNode().isPresent()
                    && !(n.getParentNode().get() instanceof MethodCallExpr c
                            && c.getScope().filter(s -> s == t).isPresent())
                    && reads.fieldOf(n.getParentNode().get()).isEmpty()) {
                error(
                        n,
                        "'" + n.getParentNode().get()
                                + "' uses 'this' as a value: a differentiated instance method may read the"
                                + " object's fields and call its methods, but not pass the object on; pass the values it needs instead");
            }
        }
        if (!apply || diagnostics.size() > before) {
            return;
        }
        for (Receiver.Leaf l : leaves) {
            com.github.javaparser.ast.type.Type t = fieldTypes.get(l.field()).clone();
            m.addParameter(new Parameter(l.boxed() ? new com.github.javaparser.ast.type.ArrayType(t) : t, l.param()));
        }
        m.addModifier(Modifier.Keyword.STATIC);
        int own = m.getParameters().size() - leaves.size();
        boolean annotated = InstanceLifting.isDifferentiable(m);
        List<Receiver.RecordParam> records =
                Receiver.of(m).map(Receiver::records).orElse(List.of());
        WrtThis.Wrt wrt = WrtThis.rewrite(file, m, own, leaves, records, diagnostics);
        m.setData(
                Receiver.KEY,
                new Receiver(
                        ownerSimpleName,
                        true,
                        leaves,
                        own,
                        wrt.wrtThis(),
                        annotated,
                        wrt.records(),
                        callsOverridable.test(m),
                        ListParam.of(m)));
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
