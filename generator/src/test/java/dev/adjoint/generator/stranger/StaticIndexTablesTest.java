package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.gradientOf;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static dev.adjoint.generator.stranger.StrangerHarness.onTape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.Diagnostic;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A finite-element or graph energy written with the mesh as a constant of the class,
 * {@code static final int[][] EDGES = {{0, 1}, ...}}: before, every read was "the static field 'EDGES' has type
 * int[][], which the generated code does not read". A final table its file only reads is read as an
 * {@code int[][]} parameter is, by both strategies and the forward mode; one that is not final, or that its
 * file writes, stays an error at the read saying why.
 */
class StaticIndexTablesTest {

    static final String MESH = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Mesh {
                static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}, {3, 4}};
                private static final int[][] FACES = {{0, 1, 2}, {0, 2, 3}, {2, 4, 3}};

                /** A spring network: Σ_e (x[a] - x[b])², each edge's nodes read through the table. */
                @Differentiable(wrt = "x")
                public static double springs(double[] x, double k) {
                    double e = 0;
                    for (int i = 0; i < EDGES.length; i++) {
                        double d = x[EDGES[i][0]] - x[EDGES[i][1]];
                        e += k * d * d;
                    }
                    return e;
                }

                /** The same over the rows (for-each), with a nonlinear term and every row's length. */
                @Differentiable(wrt = "x")
                public static double stretched(double[] x, double rest) {
                    double e = 0;
                    for (int[] edge : EDGES) {
                        double d = x[edge[0]] - x[edge[edge.length - 1]];
                        e += Math.log(Math.cosh(d - rest));
                    }
                    return e;
                }

                /** A private table of triangles (copied into the adjoint): Σ_f Π of its corners, a row by name. */
                @Differentiable(wrt = "x")
                public static double faces(double[] x) {
                    double s = 0;
                    for (int f = 0; f < FACES.length; f++) {
                        int[] face = FACES[f];
                        double p = 1;
                        for (int c = 0; c < FACES[f].length; c++) {
                            p *= x[face[c]];
                        }
                        s += Math.sin(p);
                    }
                    return s;
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("Mesh", MESH);

    private static final double[] X = {0.4, -1.1, 0.7, 1.6, -0.3};

    @Test
    void aSpringEnergyOverAStaticEdgeTableIsStatic() throws Exception {
        check(SOURCES, "Mesh", "springs", b -> new Object[] {X.clone(), 2.5});
        check(SOURCES, "Mesh", "stretched", b -> new Object[] {X.clone(), 0.3});
    }

    @Test
    void aPrivateTableOfFacesIsCopiedAndRead() throws Exception {
        check(SOURCES, "Mesh", "faces", b -> new Object[] {X.clone()});
    }

    @Test
    void theForwardModeReadsTheTableToo() throws Exception {
        for (boolean tape : new boolean[] {false, true}) {
            StrangerHarness.Built b = build(Map.of("Mesh", tape ? onTape(MESH) : MESH));
            double[] u = {0.7, -0.1, 0.4, 0.9, -0.6};
            for (String method : List.of("springs", "stretched", "faces")) {
                Object[] args = method.equals("faces") ? new Object[] {X.clone()} : new Object[] {X.clone(), 0.8};
                double[] gradient = gradientOf(b, "Mesh", method, args);
                Method jvp = null;
                for (Method m : b.type("MeshAdjoint").getMethods()) {
                    jvp = m.getName().equals(method + "Jvp") ? m : jvp;
                }
                Object[] call = new Object[args.length + 2];
                System.arraycopy(args, 0, call, 0, args.length);
                call[args.length] = u;
                DoubleGrad out = new DoubleGrad();
                call[args.length + 1] = out;
                jvp.invoke(null, call);
                double expected = 0;
                for (int i = 0; i < u.length; i++) {
                    expected += gradient[i] * u[i];
                }
                assertEquals(
                        expected,
                        out.get(),
                        1e-12 * Math.max(1, Math.abs(expected)),
                        method + "Jvp against the gradient" + (tape ? " on the tape" : ""));
            }
        }
    }

    @Test
    void aTableThatIsNotFinalIsAnErrorAtTheRead() {
        for (String strategy :
                List.of("", "strategy = dev.adjoint.Strategy.STATIC", "strategy = dev.adjoint.Strategy.TAPE")) {
            List<Diagnostic> errors = errors(Map.of("Loose", """
                    package stranger;

                    import dev.adjoint.Differentiable;

                    public class Loose {
                        static int[][] EDGES = {{0, 1}, {1, 2}};

                        @Differentiable(%s)
                        public static double f(double[] x) {
                            return x[EDGES[1][0]] * x[0];
                        }
                    }
                    """.formatted(strategy)));
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertEquals(10, errors.get(0).line(), strategy + ": " + errors);
            assertEquals(18, errors.get(0).column(), strategy + ": " + errors);
            assertTrue(
                    errors.get(0)
                            .message()
                            .startsWith(
                                    "cannot read the static field 'EDGES' of Loose as an index table: it is not final;"),
                    strategy + ": " + errors);
        }
    }

    @Test
    void aTableItsFileWritesIsAnErrorAtTheReadNamingTheWrite() {
        for (String strategy :
                List.of("", "strategy = dev.adjoint.Strategy.STATIC", "strategy = dev.adjoint.Strategy.TAPE")) {
            List<Diagnostic> errors = errors(Map.of("Renumbered", """
                    package stranger;

                    import dev.adjoint.Differentiable;

                    public class Renumbered {
                        static final int[][] EDGES = {{0, 1}, {1, 2}};

                        static void renumber() {
                            EDGES[1][0] = 0;
                        }

                        @Differentiable(%s)
                        public static double f(double[] x) {
                            return x[EDGES[1][0]] * x[0];
                        }
                    }
                    """.formatted(strategy)));
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertEquals(14, errors.get(0).line(), strategy + ": " + errors);
            assertEquals(18, errors.get(0).column(), strategy + ": " + errors);
            assertTrue(
                    errors.get(0)
                            .message()
                            .startsWith("cannot read the static field 'EDGES' of Renumbered as an index"
                                    + " table: its file uses it otherwise than reading its elements, lengths or rows (line 9:"
                                    + " 'EDGES[1][0] = 0')"),
                    strategy + ": " + errors);
        }
    }
}
