package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what the Boost.Math, Eigen and Swift translations ({@link BoostEigenSwiftSuiteTest}) found,
 * each failing before its fix; and the derivatives Boost.Math's tests assert at the edges of the domains, which
 * central differences cannot check. The oracles are central differences, the other strategy, and the closed forms.
 */
class BoostEigenSwiftFindingsTest {

    /**
     * Swift's {@code S_56342().loopInMethod(x)} (control_flow.swift, issue 56342: loops in methods) in Java is a class
     * without fields whose method loops, created in a local: it was rejected ("class S declares no constructor"),
     * though its implicit {@code S()} makes every object the same, as a record {@code R()} (accepted) is. It is now
     * an object without components, static and on the tape.
     */
    @Test
    void aClassWithoutFieldsIsAValue() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Stateless {
                    static final class S {
                        double loopInMethod(double x) {
                            double result = x;
                            for (int i = 0; i < 2; i++) {
                                result *= result;
                            }
                            return result;
                        }
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double viaMethod(double x) {
                        S s = new S();
                        return s.loopInMethod(x) + x;
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree("found.Stateless", source, List.of("viaMethod"), new Object[][] {{1.5}});
        Differentiated d = Differentiated.of("found.Stateless", source.replace("$S", "AUTO"), Options.DEFAULT);
        assertEquals(4 * 1.5 * 1.5 * 1.5 + 1, d.vjp("viaMethod", 1.0, 1.5).gradient()[0], 1e-12);
    }

    /**
     * A class whose objects are replaced by their fields must not run anything else when created: an instance
     * initializer block (which javac runs before the constructor's body) is now a positioned reason to reject it,
     * as a field initializer already was, rather than dropped.
     */
    @Test
    void anInstanceInitializerBlockIsNotDropped() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Initialized {
                    static final class P {
                        double x;

                        {
                            System.out.println("made");
                        }

                        P(double x) {
                            this.x = x;
                        }
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double make(double x) {
                        P p = new P(x);
                        return p.x * p.x;
                    }
                }
                """;
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            List<Diagnostic> errors = Differentiated.translate(
                            "found.Initialized", source.replace("$S", strategy), Map.of(), Options.DEFAULT)
                    .diagnostics()
                    .stream()
                    .filter(Diagnostic::isError)
                    .toList();
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertEquals(21, errors.get(0).line(), strategy + ": " + errors);
            assertTrue(errors.get(0).column() >= 1, strategy + ": " + errors);
            assertTrue(errors.get(0).message().contains("instance initializer block"), strategy + ": " + errors);
        }
    }

    /**
     * Boost.Math's tests at the edges of the domains ({@code test_autodiff_1.cpp} {@code inverse}, {@code fabs_test};
     * {@code test_autodiff_2.cpp} {@code sqrt_test}, {@code log_test}, {@code asin_infinity}, {@code pow0}): the
     * first derivative of 1/x, sqrt, log at 0 and of asin at 1 is infinite with Boost's sign, |x|'s at 0 is 0, and
     * pow(x, 3) and pow(x, 3.5) have derivative 0 at 0; both strategies agree.
     */
    @Test
    void derivativesAtTheEdgesOfTheDomainsAreBoosts() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Edges {
                    @Differentiable(strategy = Strategy.$S)
                    static double inverse(double x) { return 1 / x; }

                    @Differentiable(strategy = Strategy.$S)
                    static double sqrt(double x) { return Math.sqrt(x); }

                    @Differentiable(strategy = Strategy.$S)
                    static double log(double x) { return Math.log(x); }

                    @Differentiable(strategy = Strategy.$S)
                    static double asin(double x) { return Math.asin(x); }

                    @Differentiable(strategy = Strategy.$S)
                    static double fabs(double x) { return Math.abs(x); }

                    @Differentiable(strategy = Strategy.$S)
                    static double pow0(double x) { return Math.pow(x, 3) + Math.pow(x, 3.5); }
                }
                """;
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("found.Edges", source.replace("$S", strategy), Options.DEFAULT);
            assertEquals(Double.NEGATIVE_INFINITY, d.vjp("inverse", 1.0, 0.0).gradient()[0], strategy);
            assertEquals(Double.POSITIVE_INFINITY, d.vjp("sqrt", 1.0, 0.0).gradient()[0], strategy);
            assertEquals(Double.POSITIVE_INFINITY, d.vjp("log", 1.0, 0.0).gradient()[0], strategy);
            assertEquals(Double.POSITIVE_INFINITY, d.vjp("asin", 1.0, 1.0).gradient()[0], strategy);
            assertEquals(0.0, d.vjp("fabs", 1.0, 0.0).gradient()[0], strategy);
            assertEquals(0.0, d.vjp("pow0", 1.0, 0.0).gradient()[0], strategy);
        }
    }
}
