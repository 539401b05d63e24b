package dev.adjoint.generator.naming;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.palantir.javapoet.ClassName;
import dev.adjoint.BufferShapes;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.Gradients;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where the names generated code writes meet the user's, which the adjoint keeps as written.
 * Generated variables avoid every identifier of the method. Runtime types: Java reads a simple
 * name in an expression ({@code Tape.CONSTANT}) as a variable before a type, so where a variable
 * is named like a runtime type, that method writes the type in full
 * ({@code dev.adjoint.tape.Tape.CONSTANT}).
 */
public final class NameClashes {
    private NameClashes() {}

    /** Runtime types named in generated statements, imported unless a user's variable hides them. */
    public static final List<ClassName> TYPES = List.of(
            ClassName.get("dev.adjoint.stack", "AdjointStacks"),
            ClassName.get(Gradients.class),
            ClassName.get(BufferShapes.class),
            ClassName.get(DoubleGrad.class),
            ClassName.get(FloatGrad.class),
            ClassName.get("dev.adjoint.tape", "Tape"));

    /** The first segment of every runtime type's full name. */
    private static final String ROOT = "dev";

    /** Every identifier the declaration of {@code r} writes: generated names must avoid them all. */
    public static Set<String> userNames(MethodRequest r) {
        Set<String> names = new TreeSet<>();
        r.declaration().findAll(SimpleName.class).forEach(n -> names.add(n.asString()));
        return names;
    }

    /**
     * The name of the tape parameter of the recorder of {@code r}: {@code _tape}, or the first
     * free {@code _tape_k} when the method's own code uses that name.
     */
    public static String tapeParameter(MethodRequest r) {
        return new Names(userNames(r)).claim("_tape");
    }

    /** The simple names of the runtime types that a parameter or a local of {@code r} hides. */
    public static Set<String> hiddenIn(MethodRequest r) {
        Set<String> variables = new TreeSet<>();
        variables(r).forEach(v -> variables.add(v.getNameAsString()));
        Set<String> hidden = new TreeSet<>();
        for (ClassName c : TYPES) {
            if (variables.contains(c.simpleName())) {
                hidden.add(c.simpleName());
            }
        }
        return hidden;
    }

    /**
     * A variable of {@code r} the generated code cannot live with: one named {@code dev} when
     * another hides a runtime type, whose full name {@code dev.adjoint...} it would then hide too.
     * Empty when there is none.
     */
    public static Optional<Node> unqualifiable(MethodRequest r) {
        if (hiddenIn(r).isEmpty()) {
            return Optional.empty();
        }
        return variables(r)
                .filter(v -> v.getNameAsString().equals(ROOT))
                .map(v -> (Node) v)
                .findFirst();
    }

    /** The message for {@link #unqualifiable}'s variable. */
    public static String unqualifiableMessage(MethodRequest r) {
        Set<String> hidden = hiddenIn(r);
        ClassName c = TYPES.stream()
                .filter(t -> hidden.contains(t.simpleName()))
                .findFirst()
                .orElseThrow();
        return "a variable named '" + ROOT + "' next to one named '" + c.simpleName()
                + "': the generated code must then write"
                + " the runtime class " + c.canonicalName() + " in full, and '" + ROOT
                + "' would hide that name too; rename one"
                + " of the two";
    }

    private static Stream<NodeWithSimpleName<?>> variables(MethodRequest r) {
        return Stream.concat(
                r.declaration().findAll(Parameter.class).stream(),
                r.declaration().findAll(VariableDeclarator.class).stream());
    }
}
