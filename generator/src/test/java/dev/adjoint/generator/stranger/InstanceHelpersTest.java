package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.array;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's newcomer again (round elements17): an instance {@code @Differentiable} method passing an
 * element of an array of records (held in a field or a parameter), a record parameter or a local
 * record to an <em>instance</em> helper of its class that reads the object's fields, and to an
 * instance {@code @Differentiable} method of the class; and a for-each over a matrix component's
 * rows, in an element's record method and in the differentiated method. Each is AUTO static, both
 * strategies against central differences and each other. Before, each was an error ("passes an
 * element of 'ps' to 'selfEnergy' ... make 'selfEnergy' static", "uses record parameter 'q' other
 * than reading its components", "uses 'layers[l_i].w()', a matrix of an element ... other than
 * reading its rows").
 */
class InstanceHelpersTest {

    /** The brief's program, as written: elements of a held {@code Particle[]} to a private instance helper. */
    static final String PARTICLES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Particles {
                public record Particle(double mass, double charge) {}

                private final double softening;
                private final Particle[] ps;

                public Particles(double softening, Particle[] ps) {
                    this.softening = softening;
                    this.ps = ps;
                }

                private double selfEnergy(Particle p, double x) {
                    return 0.5 * p.mass() * x * x + softening * p.charge();
                }

                @Differentiable(wrt = {"this", "pos"})
                public double energy(double[] pos) {
                    double e = 0;
                    for (int i = 0; i < pos.length; i++) {
                        e += selfEnergy(ps[i], pos[i]);
                        for (int j = i + 1; j < pos.length; j++) {
                            double r = pos[i] - pos[j];
                            e += ps[i].charge() * ps[j].charge() / Math.sqrt(r * r + softening);
                        }
                    }
                    return e;
                }

                @Differentiable(wrt = "pos")
                public double energyAtPositions(double[] pos) {
                    double e = 0;
                    int i = 0;
                    for (Particle p : ps) {
                        e += selfEnergy(p, pos[i++]);
                    }
                    return e;
                }
            }
            """;

    /**
     * Helpers that stay calls (package-private, so the adjoint calls the object for their values), an
     * instance {@code @Differentiable} callee taking two elements, a helper passing its record on to
     * another, a record parameter and a local record, elements of a parameter.
     */
    static final String FIELD = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Field {
                public record Charge(double q, double x) {}

                private final double eps;
                private final double[] weights;

                public Field(double eps, double[] weights) {
                    this.eps = eps;
                    this.weights = weights;
                }

                double potential(Charge c, double at) {
                    double r = at - c.x();
                    return c.q() / Math.sqrt(r * r + eps);
                }

                double weighted(Charge c, double at, int k) {
                    return weights[k] * potential(c, at) + eps * c.q() * c.q();
                }

                @Differentiable(wrt = {"a", "b", "scale"})
                double pair(Charge a, Charge b, double scale) {
                    double r = a.x() - b.x();
                    return scale * a.q() * b.q() / Math.sqrt(r * r + eps);
                }

                @Differentiable(wrt = {"this", "cs", "probe"})
                public double total(Charge[] cs, double[] probe) {
                    double s = 0;
                    for (int k = 0; k < cs.length; k++) {
                        s += weighted(cs[k], probe[k % probe.length], k % weights.length);
                        for (int l = k + 1; l < cs.length; l++) {
                            s += pair(cs[k], cs[l], 0.5);
                        }
                    }
                    for (Charge c : cs) {
                        s += potential(c, probe[0]);
                    }
                    return s;
                }

                @Differentiable(wrt = {"this", "c", "q", "at"})
                public double mixed(Charge c, double q, double at) {
                    Charge local = new Charge(q, 0.25 * at);
                    return weighted(c, at, 0) * potential(local, at) + pair(c, local, q);
                }
            }
            """;

    /** A for-each over a matrix component's rows, in an element's record method and in the differentiated method. */
    static final String NET = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Net {
                public record Layer(double[][] w, double[] b) {
                    double apply(double[] x) {
                        double s = 0;
                        int i = 0;
                        for (double[] row : w) {
                            double z = b[i++];
                            for (int j = 0; j < x.length; j++) z += row[j] * x[j];
                            s += Math.tanh(z);
                        }
                        return s;
                    }
                }

                @Differentiable(wrt = {"layers", "x"})
                public static double score(Layer[] layers, double[] x) {
                    double s = 0;
                    for (Layer l : layers) s += l.apply(x);
                    for (int k = 0; k < layers.length; k++) {
                        int i = 0;
                        for (double[] row : layers[k].w()) {
                            for (double v : row) s += 0.1 * v * v * layers[k].b()[i];
                            i++;
                        }
                    }
                    return s;
                }
            }
            """;

    /** Objects of a final class (not records): elements to an instance {@code @Differentiable} method, on {@code this}. */
    static final String BODIES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Bodies {
                public static final class Body {
                    final double m;
                    final double r;

                    Body(double m, double r) {
                        this.m = m;
                        this.r = r;
                    }
                }

                private final double g;

                public Bodies(double g) {
                    this.g = g;
                }

                @Differentiable(wrt = {"b", "x"})
                double energy(Body b, double x) {
                    return b.m * g * x + 0.5 * b.r * x * x;
                }

                @Differentiable(wrt = {"bodies", "xs"})
                public double total(Body[] bodies, double[] xs) {
                    double s = 0;
                    for (int i = 0; i < bodies.length; i++) {
                        s += this.energy(bodies[i], xs[i]);
                    }
                    for (Body b : bodies) {
                        s += energy(b, xs[0]) * g;
                    }
                    return s;
                }
            }
            """;

    private static Object particles(StrangerHarness.Built b) {
        return make(
                b,
                "Particles",
                0.3,
                array(
                        b,
                        "Particles$Particle",
                        make(b, "Particles$Particle", 1.5, 0.4),
                        make(b, "Particles$Particle", 0.8, -0.7),
                        make(b, "Particles$Particle", 2.1, 0.2)));
    }

    @Test
    void elementsOfAHeldArrayToAPrivateInstanceHelper() throws Exception {
        check(Map.of("Particles", PARTICLES), "Particles", "energy", b ->
                new Object[] {particles(b), new double[] {0.2, -0.5, 1.1}});
    }

    @Test
    void forEachAliasesOfAHeldArrayToAPrivateInstanceHelper() throws Exception {
        check(Map.of("Particles", PARTICLES), "Particles", "energyAtPositions", b ->
                new Object[] {particles(b), new double[] {0.2, -0.5, 1.1}});
    }

    private static Object charges(StrangerHarness.Built b) {
        return array(
                b,
                "Field$Charge",
                make(b, "Field$Charge", 0.7, -0.4),
                make(b, "Field$Charge", -1.2, 0.3),
                make(b, "Field$Charge", 0.5, 1.4));
    }

    @Test
    void elementsOfAParameterToInstanceHelpersAndAnInstanceDifferentiableMethod() throws Exception {
        check(Map.of("Field", FIELD), "Field", "total", b ->
                new Object[] {make(b, "Field", 0.2, new double[] {1.5, -0.5}), charges(b), new double[] {0.1, 0.9}});
    }

    @Test
    void aRecordParameterAndALocalRecordToInstanceHelpers() throws Exception {
        check(Map.of("Field", FIELD), "Field", "mixed", b -> new Object[] {
            make(b, "Field", 0.2, new double[] {1.5, -0.5}), make(b, "Field$Charge", 0.7, -0.4), 0.9, 0.35
        });
    }

    private static Object layers(StrangerHarness.Built b) {
        return array(
                b,
                "Net$Layer",
                make(b, "Net$Layer", new double[][] {{0.5, -0.3, 0.2}, {0.1, 0.8, -0.6}}, new double[] {0.1, -0.2}),
                make(
                        b,
                        "Net$Layer",
                        new double[][] {{0.7, -0.4, 0.1}, {0.3, 0.9, -0.2}, {-0.5, 0.2, 0.6}},
                        new double[] {0.05, 0.0, -0.1}));
    }

    @Test
    void forEachOverTheRowsOfAnElementsMatrix() throws Exception {
        check(Map.of("Net", NET), "Net", "score", b -> new Object[] {layers(b), new double[] {0.3, -0.2, 0.5}});
    }

    @Test
    void elementsOfAnArrayOfObjectsToAnInstanceDifferentiableMethod() throws Exception {
        check(Map.of("Bodies", BODIES), "Bodies", "total", b -> new Object[] {
            make(b, "Bodies", 9.81),
            array(b, "Bodies$Body", make(b, "Bodies$Body", 1.5, 0.4), make(b, "Bodies$Body", 0.7, 2.0)),
            new double[] {0.3, -0.8}
        });
    }

    /** What stays an error says why and what to do: a helper calling its record's method. */
    @Test
    void whatStaysAnErrorSaysWhatToDo() {
        String source = PARTICLES.replace("    @Differentiable(wrt = \"pos\")", """
                            private double kinetic(Particle p, double v) {
                                return p.toString().length() * v;
                            }

                            @Differentiable(wrt = "v")
                            public double odd(double v) {
                                return kinetic(ps[0], v);
                            }

                            @Differentiable(wrt = "pos")""");
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Particles", source));
        // (a List of records is read as data now: stranger/ListDataTest)
        assertEquals(1, errors.size(), errors.toString());
        List<String> lines = source.lines().toList();
        Diagnostic passed = errors.stream()
                .filter(d -> d.message().startsWith("'kinetic(ps[0], v)' passes an element of 'ps' to 'kinetic'"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(errors.toString()));
        assertTrue(
                passed.message().contains("instance method of this class")
                        && !passed.message().contains("static)'"),
                passed.message());
        assertEquals(lineOf(lines, "return kinetic(ps[0], v);"), passed.line(), passed.toString());
    }

    /**
     * A static helper of the class given an element whose type holds a matrix, by a for-each variable
     * and by index, reading its components and calling another helper (objects/ElementHelpers).
     * Before, an error ("passes an element of 'layers' to 'dense' ... move 'dense' into Layer").
     */
    @Test
    void aStaticHelperTakesAnElementWithAMatrix() throws Exception {
        String source = NET.replace(
                        "for (Layer l : layers) s += l.apply(x);",
                        "for (Layer l : layers) s += dense(l, x);\n"
                                + "        for (int k = 0; k < layers.length; k++) s += 0.5 * dense(layers[k], x);")
                .replace("    @Differentiable(", """
                            static double act(double z) {
                                return Math.tanh(z);
                            }

                            static double dense(Layer l, double[] x) {
                                double s = 0;
                                for (int i = 0; i < l.b().length; i++) {
                                    double z = l.b()[i];
                                    for (int j = 0; j < x.length; j++) z += l.w()[i][j] * x[j];
                                    s += act(z);
                                }
                                return s;
                            }

                            @Differentiable(""");
        check(Map.of("Net", source), "Net", "score", b -> new Object[] {layers(b), new double[] {0.3, -0.2, 0.5}});
    }

    /** Such a helper that passes the element on: one error, saying to make the helper the type's method. */
    @Test
    void anElementWithAMatrixToAHelperIsOneError() {
        String source = NET.replace(
                        "for (Layer l : layers) s += l.apply(x);", "for (Layer l : layers) s += dense(l, x);")
                .replace("    @Differentiable(", """
                            static double corner(Layer l) {
                                return l.w()[0][0];
                            }

                            static double dense(Layer l, double[] x) {
                                return corner(l) * x[0] + l.b()[0];
                            }

                            @Differentiable(""");
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Net", source));
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertTrue(
                message.startsWith(
                                "'dense(l, x)' passes an element of 'layers' to 'dense', and Layer holds a matrix ('w')")
                        && message.contains("move 'dense' into Layer"),
                message);
        assertEquals(
                lineOf(source.lines().toList(), "s += dense(l, x);"),
                errors.get(0).line(),
                errors.toString());
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + text);
    }
}
