package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what the Tapenade, OpenAD, Zygote and JAX ports ({@link TapenadeSuiteTest}) found, each
 * failing before its fix. The oracles are central differences of the method and the other strategy.
 */
class TapenadeFindingsTest {

    /**
     * OpenAD's box model steps salinity with {@code timestep(GAMMA_S, S_STAR, FW, uVel, sNow, sOld, sNew)}: a
     * {@code static final} table passed to a plain helper that writes another of its arrays. The helper was not
     * inlined (only variables were taken as array arguments), and the call was rejected as one that "may write into
     * the array 'sNew'", though the README's table has both tables and such helpers static. The table is now the
     * argument's name in the inlined body, as a variable is; so is {@code double[] w = WEIGHTS;}, which was rejected
     * as a local array the tape cannot take.
     */
    @Test
    void aStaticTableIsPassedToAWritingHelperAndNamedByALocal() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Tables {
                    static final double[] STAR = {22.0, 0.5, -1.0};
                    static final double[][] COUPLING = {{0.5, 0.25}, {-0.75, 1.5}};

                    static void relax(double gamma, double[] star, double[] now, double[] next) {
                        for (int l = 0; l < now.length; l++) {
                            next[l] = now[l] + gamma * (star[l] - now[l]) * now[(l + 1) % now.length];
                        }
                    }

                    static void couple(double[][] c, double[] now, double[] next) {
                        next[0] = c[0][0] * now[0] + c[0][1] * Math.sin(now[1]);
                        next[1] = c[1][0] * now[0] * now[1] + c[1][1] * now[1];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double relaxed(double[] x, double gamma) {
                        double[] now = x.clone();
                        double[] next = new double[x.length];
                        for (int step = 0; step < 3; step++) {
                            relax(gamma, STAR, now, next);
                            System.arraycopy(next, 0, now, 0, now.length);
                        }
                        return now[0] * now[1] + now[2];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double coupled(double[] x) {
                        double[] next = new double[2];
                        couple(COUPLING, x, next);
                        return next[0] * next[1];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double weighted(double[] x) {
                        double[] w = STAR;
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            s += w[i] * x[i] * x[i];
                        }
                        return s;
                    }
                }
                """;
        double[] x = {0.5, -1.25, 2.0};
        FindingsChecks.staticAndTapeAgree(
                "ported.Tables",
                source,
                List.of("relaxed", "coupled", "weighted"),
                new Object[] {x, 0.3},
                new Object[] {new double[] {0.7, -0.4}},
                new Object[] {x});
    }

    /**
     * Zygote's {@code x[:, imat]} with {@code imat} a constant index matrix: a Java programmer writes
     * {@code static final int[][] IMAT}. The generated code read no {@code int[][]} field, and the error said
     * "'IMAT' is not a parameter, a local variable or a static field (that its class never assigns)", though it is one;
     * it then named the field's type and what to do. A final {@code int[][]} table its file only reads is now read as an
     * index table by each strategy ({@code StaticIndexTablesTest}).
     */
    @Test
    void aStaticIndexMatrixIsRead() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Columns {
                    static final int[][] IMAT = {{0, 1}, {2, 3}};

                    @Differentiable(strategy = Strategy.$S)
                    static double gather(double[] x) {
                        return x[IMAT[1][0]] * x[IMAT[0][1]];
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree(
                "ported.Columns", source, List.of("gather"), new Object[] {new double[] {0.3, -1.2, 0.8, 2.0}});
    }

    /** A static field of a type no strategy reads, a 3-D index table: the error names the field's type. */
    @Test
    void aStaticFieldOfATypeNotReadSaysItsType() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Columns {
                    static final int[][][] IMAT = {{{0, 1}, {2, 3}}};

                    @Differentiable(strategy = Strategy.$S)
                    static double gather(double[] x) {
                        return x[IMAT[0][1][0]] * x[0];
                    }
                }
                """;
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            List<dev.adjoint.generator.Diagnostic> errors = Differentiated.translate(
                            "ported.Columns", source.replace("$S", strategy), java.util.Map.of(), Options.DEFAULT)
                    .diagnostics()
                    .stream()
                    .filter(dev.adjoint.generator.Diagnostic::isError)
                    .toList();
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertEquals(11, errors.get(0).line(), strategy + ": " + errors);
            assertEquals(18, errors.get(0).column(), strategy + ": " + errors);
            assertTrue(
                    errors.get(0).message().startsWith("the static field 'IMAT' of Columns has type int[][][]")
                            && errors.get(0).message().contains("pass it as a parameter"),
                    strategy + ": " + errors);
        }
    }

    /**
     * Zygote's gradcheck prints its argument every way there is ("print doesn't upset gradients") and makes
     * {@code string(x)}, {@code repr(x)}. In Java, {@code System.out.println(Arrays.toString(x))} and
     * {@code String s = String.valueOf(x[0])} were rejected ("call to 'Arrays.toString' is not supported"), though
     * printing values is passive. The JDK's text conversions are now passive wherever a {@code String} stands, copied
     * into the generated code ({@code java.util.Arrays} spelled out: it imports nothing).
     */
    @Test
    void valuesTurnedIntoTextArePassive() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;
                import java.util.Arrays;

                public class Text {
                    @Differentiable(strategy = Strategy.$S)
                    static double printed(double[] x) {
                        System.out.println(Arrays.toString(x) + " " + x.length);
                        return x[0] * Math.sin(x[1]);
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double labelled(double[] x, double y) {
                        String s = String.valueOf(x[0]) + Double.toString(y) + Integer.toString(x.length);
                        double v = s.length() > 1000 ? 0 : y * x[1];
                        return v * v;
                    }
                }
                """;
        double[] x = {0.5, -1.25};
        FindingsChecks.staticAndTapeAgree(
                "ported.Text", source, List.of("printed", "labelled"), new Object[] {x}, new Object[] {x, 0.75});
    }

    /**
     * Zygote's {@code pow_try} wraps {@code 2x} in {@code try}/{@code catch}. Both strategies reject {@code try}, and the
     * errors said to "rewrite it with loops, if/else and the supported expressions", which does not say how. They now
     * say why (a caught exception would leave the gradient half computed) and what to do: catch around the call, or
     * let the method throw.
     */
    @Test
    void aTryStatementSaysWhereToCatch() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Caught {
                    @Differentiable(strategy = Strategy.$S)
                    static double powTry(double x) {
                        try {
                            return 2 * x;
                        } catch (RuntimeException e) {
                            return 0;
                        }
                    }
                }
                """;
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            List<dev.adjoint.generator.Diagnostic> errors = Differentiated.translate(
                            "ported.Caught", source.replace("$S", strategy), java.util.Map.of(), Options.DEFAULT)
                    .diagnostics()
                    .stream()
                    .filter(dev.adjoint.generator.Diagnostic::isError)
                    .toList();
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertEquals(9, errors.get(0).line(), strategy + ": " + errors);
            assertEquals(9, errors.get(0).column(), strategy + ": " + errors);
            assertTrue(
                    errors.get(0).message().contains("catch it where the method is called")
                            && errors.get(0).message().contains("let the method throw"),
                    strategy + ": " + errors);
        }
    }
}
