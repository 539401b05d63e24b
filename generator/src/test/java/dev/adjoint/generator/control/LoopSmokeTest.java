package dev.adjoint.generator.control;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoopSmokeTest {
    private static final String SRC = """
package control;

import dev.adjoint.Differentiable;

public class Loops {
    @Differentiable(wrt = "w")
    public static double loss(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return Math.tanh(s);
    }

    @Differentiable
    static double power(double x, int n) {
        double p = 1;
        int k = 0;
        while (k < n) {
            p = p * x;
            k++;
            if (p > 100) {
                break;
            }
        }
        return p;
    }

    @Differentiable
    static double inplace(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i] * x[i - 1];
        }
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Math.sin(x[i]);
            if (t[i] < 0) continue;
            t[i] = t[i] * 2;
        }
        double s = 0;
        for (double v : t) s += v;
        return s + sq(x[0]);
    }

    @Differentiable
    static double sq(double a) {
        if (a < 0) return -a * a;
        return a * a;
    }

    @Differentiable
    static double[] scale(double[] x, double c) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = c * x[i];
        return y;
    }
}
""";

    enum Opt {
        DEFAULT(Options.DEFAULT),
        PLAIN(Options.PLAIN);

        final Options options;

        Opt(Options o) {
            this.options = o;
        }
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void loopsBreaksContinuesInPlaceWritesAndCalls(Opt o) {
        Differentiated d = Differentiated.of("control.Loops", SRC, o.options);
        d.assertGradient("loss", d, "loss", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 0.9});
        d.assertGradient("power", d, "power", 1e-6, 1e-9, 1.3, 5);
        d.assertGradient("power", d, "power", 1e-6, 1e-9, 3.1, 9);
        d.assertGradient("inplace", d, "inplace", 1e-6, 1e-9, (Object) new double[] {0.9, 1.2, -0.4, 2.5});
        d.assertGradient("inplace", d, "inplace", 1e-6, 1e-9, (Object) new double[] {-0.9, 0.3});
        d.assertGradient("sq", d, "sq", 1e-6, 1e-9, -0.8);
    }
}
