package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Logging statements (issue 15: statements whose only effect is passive run in the forward sweep):
 * a logger field of the class, {@code java.util.logging} and SLF4J (against a stand-in of its API
 * compiled with the test), level methods and level checks. Every generated method logs what the
 * method logs, once and in the same order; the gradient matches central differences with each
 * strategy, the tape's the static one's; a logger the generator cannot name again is an error.
 */
class LoggingStatementsTest {

    private static final String JUL = """
            package trust;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;
            import java.util.logging.Level;
            import java.util.logging.Logger;

            public class Logs {
                private static final Logger LOG = Logger.getLogger(Logs.class.getName());

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, int steps) {
                    double s = 0;
                    for (int i = 0; i < steps; i++) {
                        s += Math.sin(w[i % w.length] * s + 1);
                        if (LOG.isLoggable(Level.FINE)) {
                            LOG.fine("step " + i + ": s = " + s);
                        }
                    }
                    LOG.log(Level.INFO, String.format("done after %d steps", steps));
                    if (s > 0 && LOG.isLoggable(Level.FINER)) {
                        LOG.finer("positive");
                    }
                    return s * s;
                }
            }
            """;

    /** The records logged to {@code name} while {@code call} runs, as "LEVEL message". */
    private static List<String> logged(String name, Runnable call) {
        Logger logger = Logger.getLogger(name);
        List<String> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        logger.setLevel(Level.FINE); // FINE logged, FINER not: both branches of a level check
        logger.setUseParentHandlers(false);
        logger.addHandler(h);
        try {
            call.run();
        } finally {
            logger.removeHandler(h);
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
        }
        return records;
    }

    @Test
    void javaUtilLoggingRunsInTheForwardSweepOfEveryMode() {
        Object[] p = {new double[] {0.5, -0.25, 1.5}, 4};
        Differentiated tape = Differentiated.of("trust.Logs", JUL.replace("$S", "TAPE"), Options.DEFAULT);
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Logs", JUL.replace("$S", strategy), Options.DEFAULT);
            if (!strategy.equals("TAPE")) {
                assertTrue(d.translation().methods().contains("trust.Logs#f: static"), strategy);
            }
            List<String> expected = logged("trust.Logs", () -> d.invokeOriginal("f", Differentiated.copyArguments(p)));
            // FINE logged at each step, FINER ("positive") not: the logger's level is FINE
            assertEquals(5, expected.size(), expected.toString());
            assertTrue(expected.get(0).startsWith("FINE step 0: s = 0.84147"), expected.toString());
            assertEquals("INFO done after 4 steps", expected.get(4));
            assertEquals(
                    expected,
                    logged(
                            "trust.Logs",
                            () -> d.invokeVjp("f", Differentiated.copyArguments(p), 1.0, d.newBuffers("f", p))),
                    strategy + " Vjp");
            d.assertGradient("f", d, "f", 1e-6, 1e-9, p);
            assertEquals(
                    tape.vjp("f", 1.0, Differentiated.copyArguments(p)).gradient()[2],
                    d.vjp("f", 1.0, Differentiated.copyArguments(p)).gradient()[2],
                    1e-12,
                    strategy + " against the tape");
            if (!strategy.equals("TAPE")) {
                Object[] jvp = {p[0], p[1], new double[] {1, 0, 0}, new DoubleGrad()};
                assertEquals(expected, logged("trust.Logs", () -> d.invokeGenerated("f", "fJvp", jvp)), "Jvp");
                Object[] hvp = {p[0], p[1], new double[] {1, 0, 0}, new double[3], new double[3]};
                assertEquals(expected, logged("trust.Logs", () -> d.invokeGenerated("f", "fHvp", hvp)), "Hvp");
            }
        }
    }

    /** A stand-in for SLF4J's API, whose logger keeps the formatted messages. */
    private static final Map<String, String> SLF4J = Map.of("org.slf4j.Logger", """
            package org.slf4j;

            public interface Logger {
                boolean isDebugEnabled();

                void debug(String format, Object... args);

                void info(String message);
            }
            """, "org.slf4j.LoggerFactory", """
            package org.slf4j;

            public final class LoggerFactory {
                public static final java.util.List<String> LOGGED = new java.util.ArrayList<>();

                public static Logger getLogger(Class<?> c) {
                    return new Logger() {
                        public boolean isDebugEnabled() {
                            return true;
                        }

                        public void debug(String format, Object... args) {
                            LOGGED.add(c.getSimpleName() + " " + String.format(format.replace("{}", "%s"), args));
                        }

                        public void info(String message) {
                            LOGGED.add(c.getSimpleName() + " " + message);
                        }
                    };
                }
            }
            """);

    private static final String SLF4J_MODEL = """
            package trust;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public class Fits {
                private static final Logger log = LoggerFactory.getLogger(Fits.class);

                @Differentiable(wrt = "theta", strategy = Strategy.$S)
                static double sse(double[] theta, double[] xs, double[] ys) {
                    double s = 0;
                    for (int i = 0; i < xs.length; i++) {
                        double r = theta[0] + theta[1] * xs[i] - ys[i];
                        if (log.isDebugEnabled()) {
                            log.debug("residual {} = {}", i, r);
                        }
                        s += r * r;
                    }
                    log.info("sse " + s);
                    return s;
                }
            }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void slf4jLoggersRunInTheForwardSweep() throws ReflectiveOperationException {
        Object[] p = {new double[] {0.5, 2.0}, new double[] {1, 2, 3}, new double[] {2.4, 4.6, 6.5}};
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            Differentiated d =
                    Differentiated.of("trust.Fits", SLF4J_MODEL.replace("$S", strategy), SLF4J, Options.DEFAULT);
            List<String> logged = (List<String>) d.loader()
                    .loadClass("org.slf4j.LoggerFactory")
                    .getField("LOGGED")
                    .get(null);
            d.invokeOriginal("sse", Differentiated.copyArguments(p));
            List<String> expected = List.copyOf(logged);
            assertEquals(4, expected.size(), expected.toString());
            assertTrue(expected.get(0).startsWith("Fits residual 0 = 0.1"), expected.toString());
            logged.clear();
            d.invokeVjp("sse", Differentiated.copyArguments(p), 1.0, d.newBuffers("sse", p));
            assertEquals(expected, logged, strategy);
            logged.clear();
            d.assertGradient("sse", d, "sse", 1e-6, 1e-9, p);
        }
    }

    @Test
    void aLoggerTheAdjointCannotNameAgainIsAnErrorAtTheCall() {
        // made by a method of the class: the generator cannot tell it is the same logger the lookup gives
        String source = JUL.replace("Logger.getLogger(Logs.class.getName())", "make()")
                .replace(
                        "    @Differentiable",
                        "    static Logger make() {\n        return Logger.getLogger(\"x\");\n    }\n\n    @Differentiable");
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            List<Diagnostic> ds = Differentiated.translate(
                            "trust.Logs", source.replace("$S", strategy), Map.of(), Options.DEFAULT)
                    .diagnostics();
            assertFalse(ds.isEmpty(), strategy);
            assertTrue(ds.stream().allMatch(e -> e.line() > 0), ds.toString());
            assertTrue(ds.get(0).message().contains("LOG.isLoggable"), ds.toString());
        }
    }
}
