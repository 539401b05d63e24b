package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of an object that hold records or arrays of records or objects of the sources
 * ({@code Scale scale}, {@code Layer[] layers}): a {@code @Differentiable} instance method that
 * reads them takes each as a parameter appended to its own, its reads ({@code this.layers},
 * {@code layers}) reading the parameter, so that {@link RecordParameters} and {@link ElementArrays}
 * turn it into leaves exactly as they do a parameter of the user's; the lifted record remembers
 * the field ({@link Receiver.Held}), from which the public methods read it and whose gradient is
 * the same field of the object's gradient class. Such a field is final in effect: assigning it is
 * an error at its position, as is reading it in a method the differentiated one calls (its leaves
 * are not passed on).
 */
final class HeldObjects {
    private HeldObjects() {}

    /** On a method whose held fields are parameters now: its parameter for each, by parameter name. */
    static final DataKey<Map<String, Receiver.Held>> KEY = new DataKey<>() {};
    /** On such a method: how many parameters the user gave it (its calls pass that many). */
    private static final DataKey<Integer> ARITY = new DataKey<>() {};

    /** The instance fields of {@code owner} that hold a record, or a 1-D array of records or objects, of the sources, with their types. */
    static Map<String, Type> fields(ClassOrInterfaceDeclaration owner, String packageName, RecordTypes records) {
        Map<String, Type> out = new LinkedHashMap<>();
        for (FieldDeclaration f : owner.getFields()) {
            if (f.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (records.resolve(v.getType(), packageName).isPresent()
                        || ElementType.of(v.getType(), packageName, records).isPresent()) {
                    out.put(v.getNameAsString(), v.getType());
                }
            }
        }
        return out;
    }

    /**
     * Makes the held fields that {@code m}, an instance method, reads parameters of it; false
     * when one is assigned (reported).
     */
    static boolean lift(
            Path file,
            ClassOrInterfaceDeclaration owner,
            MethodDeclaration m,
            Map<String, Type> held,
            List<Diagnostic> diagnostics) {
        return lift(file, owner, m, held, Optional.empty(), diagnostics);
    }

    /**
     * {@link #lift} for a method that a differentiated one calls ({@link HeldCallees}): its calls
     * pass the fields it reads, in {@code order}, so its parameters come in that order.
     */
    static boolean liftCallee(
            Path file,
            ClassOrInterfaceDeclaration owner,
            MethodDeclaration m,
            Map<String, Type> held,
            List<String> order,
            List<Diagnostic> diagnostics) {
        return lift(file, owner, m, held, Optional.of(order), diagnostics);
    }

    /** The parameters the held fields became in {@code m}. */
    static Set<String> params(MethodDeclaration m) {
        return m.containsData(KEY) ? m.getData(KEY).keySet() : Set.of();
    }

    private static boolean lift(
            Path file,
            ClassOrInterfaceDeclaration owner,
            MethodDeclaration m,
            Map<String, Type> held,
            Optional<List<String>> order,
            List<Diagnostic> diagnostics) {
        if (held.isEmpty() || m.isStatic()) {
            return true;
        }
        FieldReads reads = new FieldReads(held.keySet());
        Map<String, List<Node>> uses = new LinkedHashMap<>();
        boolean ok = true;
        for (Node n : m.findAll(Node.class)) {
            Optional<String> field = reads.fieldOf(n);
            if (field.isEmpty()) {
                continue;
            }
            if (FieldReads.isAssigned(n)) {
                Node at = n.getParentNode().orElse(n);
                diagnostics.add(
                        Positions.error(
                                file,
                                at,
                                "'" + Positions.oneLine(at) + "' assigns field '" + field.get() + "' of type "
                                        + held.get(field.get())
                                        + ": a differentiated method reads the records and objects its object holds (and"
                                        + " writes into their arrays) but does not replace them; assign it outside the differentiated method"));
                ok = false;
            }
            uses.computeIfAbsent(field.get(), k -> new ArrayList<>()).add(n);
        }
        if (!ok || uses.isEmpty()) {
            return ok;
        }
        Set<String> taken = new TreeSet<>();
        m.findAll(Parameter.class).forEach(p -> taken.add(p.getNameAsString()));
        m.findAll(VariableDeclarator.class).forEach(v -> taken.add(v.getNameAsString()));
        Set<String> variables = new TreeSet<>(taken);
        owner.getFields().forEach(f -> f.getVariables().forEach(v -> taken.add(v.getNameAsString())));
        Map<String, Receiver.Held> params = new LinkedHashMap<>();
        if (order.isEmpty()) {
            m.setData(ARITY, m.getParameters().size()); // (a callee's calls pass the fields: their arity is its own)
        }
        Map<String, List<Node>> ordered = new LinkedHashMap<>();
        order.orElse(List.copyOf(uses.keySet())).stream()
                .filter(uses::containsKey)
                .forEach(f -> ordered.put(f, uses.get(f)));
        ordered.forEach((field, nodes) -> {
            // the field's own name, unless a variable of the method takes it (then this.layers reads the field)
            String param = field;
            if (variables.contains(param)) {
                param = "this_" + field;
                while (taken.contains(param)) {
                    param = "_" + param;
                }
            }
            taken.add(param);
            for (Node n : nodes) {
                n.replace(Positions.standAt(new NameExpr(param), n));
            }
            m.addParameter(new Parameter(held.get(field).clone(), param));
            params.put(param, new Receiver.Held(field, isPrivate(owner, field)));
        });
        m.setData(KEY, params);
        return true;
    }

    /** {@code records}, those that are held fields of {@code m} marked so. */
    static List<Receiver.RecordParam> mark(MethodDeclaration m, List<Receiver.RecordParam> records) {
        if (!m.containsData(KEY)) {
            return records;
        }
        Map<String, Receiver.Held> held = m.getData(KEY);
        return records.stream()
                .map(p -> held.containsKey(p.name()) ? p.withHeld(held.get(p.name())) : p)
                .toList();
    }

    /** The field of the first held record {@code m} reads, if it reads one. */
    static Optional<String> firstRead(MethodDeclaration m) {
        return m.containsData(KEY)
                ? m.getData(KEY).values().stream().map(Receiver.Held::field).findFirst()
                : Optional.empty();
    }

    /** How many arguments a call of {@code m} passes: its parameters, those a held field became left out. */
    static int arity(MethodDeclaration m) {
        return m.containsData(ARITY) ? m.getData(ARITY) : m.getParameters().size();
    }

    private static boolean isPrivate(ClassOrInterfaceDeclaration owner, String field) {
        return owner.getFieldByName(field).map(FieldDeclaration::isPrivate).orElse(false);
    }
}
