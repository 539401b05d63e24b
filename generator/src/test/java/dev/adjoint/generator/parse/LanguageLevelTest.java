package dev.adjoint.generator.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration;
import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sources are read at the newest language level JavaParser knows, and a file that does not parse
 * and names no Adjoint annotation is a note, never an error: modern syntax elsewhere in the source
 * roots never fails the build.
 */
class LanguageLevelTest {
    private static final String SHAPES = """
            package p;

            sealed interface Shape permits Circle, Square {}
            record Circle(double r) implements Shape {}
            record Square(double s) implements Shape {}

            class Shapes {
                static double area(Object o) {
                    return switch (o) {
                        case Circle(double r) -> Math.PI * r * r;
                        case Square(double s) when s > 0 -> s * s;
                        default -> 0;
                    };
                }
            }
            """;

    private static final String MODEL = """
            package p;

            import dev.adjoint.Differentiable;

            public class Model {
                static String describe(Object o) {
                    if (o instanceof Circle(double r)) {
                        return \"""
                            a circle of radius %s
                            \""".formatted(r);
                    }
                    return switch (o) {
                        case Square s -> "square";
                        default -> "other";
                    };
                }

                @Differentiable(wrt = {"x", "c"})
                static double loss(double x, Circle c) {
                    return c.r() * x * x;
                }
            }
            """;

    @Test
    void theLevelIsTheNewestJavaParserKnows() {
        assertEquals(ParserConfiguration.LanguageLevel.JAVA_25, SourceParser.LEVEL);
        assertTrue(SourceParser.parse(Path.of("Shapes.java"), SHAPES).unit().isPresent());
    }

    @Test
    void aDifferentiatedMethodInAFileOfJava21SyntaxNextToAnotherIsGenerated() {
        Translation t =
                AdjointGenerator.translate(Map.of(Path.of("p/Shapes.java"), SHAPES, Path.of("p/Model.java"), MODEL));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.generated()
                        .get("p.ModelAdjoint")
                        .contains("static double lossGrad(double x, Circle c, DoubleGrad dx, CircleGrad dc)"),
                t.generated().get("p.ModelAdjoint"));
        assertTrue(t.generated().containsKey("p.CircleGrad"));
    }

    @Test
    void aFileThatDoesNotParseAndNamesNoAnnotationIsANote() {
        String future = "package p;\n\nclass Later {\n    void f() { int x = ; }\n}\n";
        Translation t = AdjointGenerator.translate(Map.of(
                Path.of("p/Later.java"), future, Path.of("p/Model.java"), MODEL, Path.of("p/Shapes.java"), SHAPES));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.diagnostics().stream()
                        .anyMatch(d -> !d.isError()
                                && d.file().endsWith("Later.java")
                                && d.message().contains("not read by adjoint: it does not parse as Java 25")),
                t.diagnostics().toString());
        Translation bad = AdjointGenerator.translate(Map.of(
                Path.of("p/Bad.java"),
                "package p;\nimport dev.adjoint.Differentiable;\nclass Bad {\n    void f() { int x = ; }\n}\n"));
        assertTrue(
                bad.diagnostics().stream().anyMatch(Diagnostic::isError),
                "a file that names the annotation must parse");
    }
}
