package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A plain class {@code obj.State} and a record {@code ode.Spring.State} of another package share a
 * simple name, as the README's examples do: in package {@code obj} the name means the class (javac
 * prefers the package's own type), in {@code ode} the record. Both were once read as the record, so
 * the class parameter's field reads {@code s.x} were errors ("uses record parameter 's' other than
 * reading its components"), also in a third package importing {@code obj.State} by name. Both
 * strategies against central differences.
 */
class SameNameTypesTest {
    private static final String STATE_CLASS = """
            package obj;

            public final class State {
                public double x;
                public double v;

                State(double x, double v) {
                    this.x = x;
                    this.v = v;
                }
            }
            """;

    private static final String SPRING = """
            package ode;

            import dev.adjoint.Differentiable;

            public class Spring {
                record State(double x, double v) {}

                @Differentiable
                public static double energy(double x0, double k) {
                    State s = new State(x0, 0.0);
                    for (int i = 0; i < 3; i++) {
                        s = new State(s.x() + 0.1 * s.v(), s.v() - 0.1 * k * s.x());
                    }
                    return s.x() * s.v() + k * s.x() * s.x();
                }
            }
            """;

    /** A third package naming the class by a single-type import. */
    private static final String IMPORTER = """
            package q;

            import dev.adjoint.Differentiable;
            import obj.State;

            public class Q {
                @Differentiable(wrt = "s")
                public static double e(State s, double u) {
                    return s.x * s.x * u + s.v;
                }
            }
            """;

    private static final String MODEL = """
            @Differentiable(wrt = {"s", "u"}, strategy = Strategy.$S)
            static double energy(State s, double u) {
                return s.x * s.v * u + Math.sin(s.x * u);
            }

            @Differentiable(strategy = Strategy.$S)
            static double local(double x, double v) {
                State s = new State(x, v);
                s.v *= 0.5;
                return s.x * s.x * s.v;
            }
            """;

    private static final double[] AT = {0.7, -1.3, 0.4};

    @Test
    void theClassOfTheMethodsPackageWinsOverARecordOfAnotherPackage() throws Exception {
        for (String strategy : List.of("STATIC", "TAPE")) {
            ObjectHarness h = ObjectHarness.of(
                    ObjectHarness.source(MODEL, strategy),
                    Map.of("obj.State", STATE_CLASS, "ode.Spring", SPRING, "q.Q", IMPORTER));
            ClassLoader loader = h.loader();
            Class<?> state = loader.loadClass("obj.State");
            var make = state.getDeclaredConstructor(double.class, double.class);
            make.setAccessible(true);
            Method energy = h.original("energy", 2);
            ToDoubleFunction<double[]> f = xs -> call(energy, null, newState(make, xs), xs[2]);
            Object s = newState(make, AT);
            Class<?> gradClass = loader.loadClass("obj.StateGrad");
            Object ds = gradClass.getMethod("like", state).invoke(null, s);
            DoubleGrad du = new DoubleGrad();
            double value = (double) h.generated("energyGrad").invoke(null, s, AT[2], ds, du);
            assertEquals(f.applyAsDouble(AT), value, 0.0, strategy);
            double[] got = {
                gradClass.getField("x").getDouble(ds), gradClass.getField("v").getDouble(ds), du.get()
            };
            assertArrayEquals(GradCheck.centralDifferences(f, AT.clone()), got, 1e-8, strategy + " energy");

            Method local = h.original("local", 2);
            DoubleGrad dx = new DoubleGrad();
            DoubleGrad dv = new DoubleGrad();
            h.generated("localGrad").invoke(null, AT[0], AT[1], dx, dv);
            assertArrayEquals(
                    GradCheck.centralDifferences(xs -> call(local, null, xs[0], xs[1]), new double[] {AT[0], AT[1]}),
                    new double[] {dx.get(), dv.get()},
                    1e-8,
                    strategy + " local");

            Class<?> spring = loader.loadClass("ode.Spring");
            Method springEnergy = spring.getMethod("energy", double.class, double.class);
            DoubleGrad dx0 = new DoubleGrad();
            DoubleGrad dk = new DoubleGrad();
            loader.loadClass("ode.SpringAdjoint")
                    .getMethod("energyGrad", double.class, double.class, DoubleGrad.class, DoubleGrad.class)
                    .invoke(null, 1.2, 0.8, dx0, dk);
            assertArrayEquals(
                    GradCheck.centralDifferences(xs -> call(springEnergy, null, xs[0], xs[1]), new double[] {1.2, 0.8}),
                    new double[] {dx0.get(), dk.get()},
                    1e-8,
                    strategy + " record of the other package");

            Method e = loader.loadClass("q.Q").getMethod("e", state, double.class);
            Object ds2 = gradClass.getMethod("like", state).invoke(null, s);
            loader.loadClass("q.QAdjoint")
                    .getMethod("eGrad", state, double.class, gradClass)
                    .invoke(null, s, AT[2], ds2);
            assertArrayEquals(
                    GradCheck.centralDifferences(
                            xs -> call(e, null, newState(make, xs), AT[2]), new double[] {AT[0], AT[1]}),
                    new double[] {
                        gradClass.getField("x").getDouble(ds2),
                        gradClass.getField("v").getDouble(ds2)
                    },
                    1e-8,
                    strategy + " the class imported by name into a third package");
        }
    }

    private static Object newState(java.lang.reflect.Constructor<?> make, double[] xs) {
        try {
            return make.newInstance(xs[0], xs[1]);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static double call(Method m, Object self, Object... args) {
        try {
            return (double) m.invoke(self, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
