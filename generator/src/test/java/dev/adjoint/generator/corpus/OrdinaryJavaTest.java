package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.TrustFindingsTest.differentiates;
import static dev.adjoint.generator.corpus.TrustFindingsTest.rejected;
import static dev.adjoint.generator.corpus.TrustFindingsTest.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ordinary numeric Java that stays on the static path (issue 15) or at least builds (issue 16's
 * rule for files without annotations): plain helpers, a scratch array read by a helper, {@code var},
 * angle conversions, integer and boolean arrays, rows of a table by name; each against the method's
 * value, side effects and central differences with every strategy that accepts it (the harness of
 * {@link TrustFindingsTest}).
 */
class OrdinaryJavaTest {

    @Test
    void plainHelpersAreDifferentiatedTransitively() {
        differentiates("""
                static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                static double dot(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    return sigmoid(s) * scale(w[0]);
                }

                static double scale(double v) {
                    return 1 + 0.5 * Math.tanh(v);
                }

                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double loss(double[] w, double[] x) {
                    double p = dot(w, x);
                    return -Math.log(p) + 0.1 * sigmoid(w[1]);
                }
                """, "loss", new Object[] {new double[] {0.5, -0.25, 1.0}, new double[] {1.0, 2.0, -0.5}});
    }

    @Test
    void aScratchArrayPassedToAHelperStaysStatic() {
        // ADBench's GMM structure: per point, the component terms in a local array, reduced by logsumexp
        String body = """
                static double logsumexp(double[] v, int n) {
                    double m = v[0];
                    for (int k = 1; k < n; k++) {
                        m = Math.max(m, v[k]);
                    }
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += Math.exp(v[k] - m);
                    }
                    return m + Math.log(s);
                }

                @Differentiable(wrt = {"mu", "alpha"}, strategy = Strategy.$S)
                static double objective(double[] x, double[] mu, double[] alpha, int points, int components) {
                    double[] v = new double[components];
                    double total = 0;
                    for (int i = 0; i < points; i++) {
                        for (int k = 0; k < components; k++) {
                            double d = x[i] - mu[k];
                            v[k] = alpha[k] - 0.5 * d * d;
                        }
                        total += logsumexp(v, components);
                        v[0] = v[0] * 2;
                    }
                    return total - points * logsumexp(alpha, components);
                }
                """;
        differentiates(body, "objective", new Object[] {new double[] {0.5, -1.0, 2.0, 0.25}, new double[] {0.1, 1.5, -0.5},
                new double[] {0.2, -0.3, 0.4}, 4, 3});
        Differentiated d = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(d.translation().methods().stream().anyMatch(m -> m.equals("trust.Repro#objective: static")),
                d.translation().methods().toString());
    }

    @Test
    void varLocalsAndAngleConversions() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double deg) {
                    var s = 0.0;
                    var n = w.length;
                    var t = new double[n];
                    for (var i = 0; i < n; i++) {
                        t[i] = w[i] * Math.toRadians(deg);
                    }
                    for (var v : t) {
                        s += Math.sin(v);
                    }
                    return Math.toDegrees(s) / n;
                }
                """, "f", new Object[] {new double[] {0.5, -1.0, 2.0}, 30.0});
    }

    @Test
    void intAndBooleanArrayParameters() {
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double crossEntropy(double[] w, double[] x, int[] labels, boolean[] mask, int classes) {
                    double loss = 0;
                    for (int i = 0; i < labels.length; i++) {
                        if (!mask[i]) {
                            continue;
                        }
                        double z = w[labels[i] % classes] * x[i];
                        loss += Math.log1p(Math.exp(-z));
                    }
                    return loss;
                }
                """, "crossEntropy", new Object[] {new double[] {0.5, -0.25, 1.0}, new double[] {1.0, 2.0, -0.5, 0.75},
                new int[] {0, 2, 1, 5}, new boolean[] {true, false, true, true}, 3});
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double counted(double[] w, int[] bins) {
                    int[] counts = new int[3];
                    for (int i = 0; i < bins.length; i++) {
                        counts[bins[i]]++;
                    }
                    return w[0] * counts[0] + w[1] * counts[2];
                }
                """, "counted", List.of("AUTO", "TAPE"), new Object[] {new double[] {0.5, -0.25}, new int[] {0, 2, 2, 1}});
        rejected("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double counted(double[] w, int[] bins) {
                    int[] counts = new int[3];
                    counts[bins[0]] = 1;
                    return w[0] * counts[0];
                }
                """, "is not supported by the static strategy", List.of("STATIC"));
    }

    @Test
    void rowsOfATableByName() {
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[][] X) {
                    double s = 0;
                    for (double[] row : X) {
                        double z = 0;
                        for (int j = 0; j < row.length; j++) {
                            z += w[j] * row[j];
                        }
                        s += Math.tanh(z);
                    }
                    for (int i = 0; i < X.length; i++) {
                        double[] xi = X[i];
                        s += w[0] * xi[0] * xi.length;
                    }
                    return s;
                }
                """, "f", List.of("AUTO", "STATIC"), new Object[] {new double[] {0.5, -0.25}, new double[][] {{1, 2}, {-0.5, 0.75}, {0.1, 0.2}}});
    }

    @Test
    void aFileWithNewerSyntaxAndNothingToDifferentiateDoesNotFailTheBuild() {
        String modern = "package trust;\n\nsealed interface Shape permits Circle {}\nrecord Circle(double r) implements Shape {}\n"
                + "class Areas {\n    static double area(Object o) {\n        return switch (o) {\n"
                + "            case Circle(double r) -> Math.PI * r * r;\n            default -> 0;\n        };\n    }\n}\n";
        Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * x;
                }
                """, "AUTO"), Path.of("Areas.java"), modern), Optional.empty(), Options.DEFAULT);
        assertTrue(!t.hasErrors() && t.generated().containsKey("trust.ReproAdjoint"), t.diagnostics().toString());
        // (read at Java 25 since issue 16, the file parses: not even a note)
        assertTrue(t.diagnostics().stream().noneMatch(d -> d.file().toString().equals("Areas.java") && d.isError()), t.diagnostics().toString());
        // a file that declares @Differentiable methods still reports its syntax errors
        Translation broken = Pipeline.translate(Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * ;
                }
                """, "AUTO")), Optional.empty(), Options.DEFAULT);
        assertTrue(broken.hasErrors(), broken.diagnostics().toString());
    }
}
