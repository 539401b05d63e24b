package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gradient classes the build writes ({@code ModelGrad} for {@code wrt = "this"},
 * {@code Outer_ParamsGrad} for a record named by {@code wrt}) against the top-level types of the
 * sources: a type of the same qualified name would be written over, or make javac fail on two
 * declarations, so it is an error at the user's type, which names the method that asks for it.
 */
public final class GradClassClashes {
    private GradClassClashes() {}

    /** The clashes in {@code units} (file to unit), whose methods are lifted already; one error per clashing type. */
    public static List<Diagnostic> of(Map<Path, CompilationUnit> units) {
        Map<String, String> wanted = new TreeMap<>(); // qualified gradient class -> why it is written
        units.forEach((file, unit) -> {
            String pkg =
                    unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
                Receiver.of(m).filter(Receiver::annotated).ifPresent(rc -> {
                    if (rc.wrtThis()) {
                        wanted.putIfAbsent(
                                qualified(pkg, rc.ownerSimpleName().replace('.', '_') + "Grad"),
                                "the gradient of " + rc.ownerSimpleName() + " for " + rc.ownerSimpleName() + "#"
                                        + m.getNameAsString() + " (wrt = \"this\")");
                    }
                    for (Receiver.RecordParam p : rc.records()) {
                        if (p.wrt()) {
                            wanted.putIfAbsent(
                                    qualified(p.recordPackage(), String.join("_", p.recordPath()) + "Grad"),
                                    "the gradient"
                                            + " of record " + String.join(".", p.recordPath()) + " for "
                                            + rc.ownerSimpleName() + "#"
                                            + m.getNameAsString()
                                            + p.held()
                                                    .map(h -> " (its field '" + h.field() + "', wrt = \"this\")")
                                                    .orElse(" (wrt = \"" + p.name() + "\")"));
                            for (Receiver.Nested n : p.nested()) {
                                wanted.putIfAbsent(
                                        qualified(n.recordPackage(), String.join("_", n.recordPath()) + "Grad"),
                                        "the gradient"
                                                + " of record " + String.join(".", n.recordPath()) + ", component '"
                                                + n.path() + "' of '" + p.name()
                                                + "' in " + rc.ownerSimpleName() + "#" + m.getNameAsString());
                            }
                        }
                    }
                });
            }
        });
        List<Diagnostic> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        units.forEach((file, unit) -> {
            String pkg =
                    unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (TypeDeclaration<?> t : unit.getTypes()) {
                String why = wanted.get(qualified(pkg, t.getNameAsString()));
                if (why != null) {
                    out.add(Positions.error(
                            file,
                            t.getName(),
                            "type '" + t.getNameAsString() + "' has the name of the class the build"
                                    + " writes for " + why + ": the generated class would clash with it; rename '"
                                    + t.getNameAsString()
                                    + "'"));
                }
            }
        });
        return out;
    }

    private static String qualified(String pkg, String simple) {
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }
}
