package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What session 28's stranger programs ({@link StrangerApps28Test}) found: a record parameter whose compact
 * constructor changes its arguments ({@code record Percent(double value) { Percent { value = value / 100; } }})
 * passed on to a {@code @Differentiable} method got a wrong value and gradient, since the generated code calls
 * that method for its value with the record made again from its components ({@code new Percent(r_value)}), which
 * divided by 100 a second time: {@code annuityGrad(new Percent(5), 20, g)} returned 19.895 for 10.826 and
 * d/dvalue -109.29 for -84.03 (central differences). Such a call is now an error at the argument; a compact
 * constructor that only checks its arguments, copies an array component or hands it to the record's own static
 * check that only reads it still works.
 */
class Apps28FindingsTest {
    static String rates(String constructor) {
        return """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Rates {
                    public record Percent(double value, double[] w) {
                        public Percent {
                            %s
                        }

                        static void requireLength(double[] a, int n) {
                            if (a.length != n) throw new IllegalArgumentException("w needs " + n + " values");
                        }
                    }

                    @Differentiable(wrt = {"r", "t"})
                    public static double discount(Percent r, double t) {
                        return Math.exp(-r.value() * t * r.w()[0]);
                    }

                    @Differentiable(wrt = "r")
                    public static double annuity(Percent r, int years) {
                        double s = 0;
                        for (int k = 1; k <= years; k++) {
                            double d = discount(r, k);
                            if (d > 0.5) s += d; else s += 0.5 * d;
                        }
                        return s;
                    }
                }
                """.formatted(constructor);
    }

    @Test
    void aRecordWhoseConstructorChangesItsArgumentsIsNotMadeAgain() {
        for (String body :
                List.of("value = value / 100;", "value /= 100;", "w[0] *= 2;", "java.util.Arrays.sort(w);")) {
            List<Diagnostic> ds = errors(java.util.Map.of("Rates", rates(body)));
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(
                    d.line() == 25
                            && d.message().contains("'r' passes a record Percent to 'discount'")
                            && d.message().contains("record Percent's compact constructor")
                            && d.message().contains("makes the record again from its components"),
                    ds::toString);
        }
    }

    @Test
    void aConstructorThatOnlyChecksOrCopiesStillWorks() throws Exception {
        for (String body : List.of(
                "if (value < 0) throw new IllegalArgumentException(\"negative rate\");",
                "w = w.clone();",
                "requireLength(w, 1);")) {
            StrangerAppsTest.check(StrangerAppsTest.sources("Rates", rates(body)), List.of(of("Rates", "annuity", b ->
                    new Object[] {b.make("Rates$Percent", 0.05, new double[] {1.0}), 20})));
        }
    }

    /**
     * A record holding another record, passed whole to a {@code @Differentiable} method: rejected, as the README
     * says; the error now also names what works, the inner record passed on by itself ({@code c.rate()}).
     */
    @Test
    void aRecordInARecordPassedWholeSaysToPassTheInnerOne() throws Exception {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Curves {
                    public record Percent(double value) {}

                    public record Curve(Percent rate, double spread) {}

                    @Differentiable
                    public static double discount(Curve c, double t) {
                        return Math.exp(-(c.rate().value() + c.spread()) * t);
                    }

                    @Differentiable
                    public static double rate(Percent p, double t) {
                        return Math.exp(-p.value() * t);
                    }

                    @Differentiable
                    public static double total(Curve c, double[] ts) {
                        double s = 0;
                        for (double t : ts) {
                            s += discount(c, t);
                        }
                        return s;
                    }
                }
                """;
        List<Diagnostic> ds = errors(java.util.Map.of("Curves", source));
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(
                ds.get(0).message().contains("'c' passes a record Curve to 'discount'")
                        && ds.get(0).message().contains("pass 'c.rate()' to a parameter of type Percent"),
                ds::toString);
        // what it says works: the inner record passed on by itself
        String passed = source.replace("s += discount(c, t);", "s += rate(c.rate(), t) * Math.exp(-c.spread() * t);");
        StrangerAppsTest.check(StrangerAppsTest.sources("Curves", passed), List.of(of("Curves", "total", b ->
                new Object[] {b.make("Curves$Curve", b.make("Curves$Percent", 0.05), 0.01), new double[] {1, 2, 5}})));
    }
}
