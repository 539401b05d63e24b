package dev.adjoint.samples.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.samples.mlp.tape.LayeredMlpOnTape;
import dev.adjoint.samples.mlp.tape.LayeredMlpOnTapeAdjoint;
import dev.adjoint.samples.mlp.tape.LayeredMlpOnTape_LayerGrad;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayeredMlpTest {
    private static final double[] X = {0.5, -1.0, 2.0};
    private static final double[] TARGET = {0.3, -0.7};

    /** 3 → 4 → 4 → 2. */
    private static Layer[] network(long seed) {
        Random rnd = new Random(seed);
        Layer[] layers = {Layer.random(3, 4, rnd), Layer.random(4, 4, rnd), Layer.random(4, 2, rnd)};
        for (Layer l : layers) {
            for (int o = 0; o < l.b().length; o++) {
                l.b()[o] = 0.1 * rnd.nextGaussian();
            }
        }
        return layers;
    }

    /** Every weight and bias (or its gradient), layer by layer, w row by row then b. */
    private static double[] flat(List<double[][]> ws, List<double[]> bs) {
        List<Double> out = new ArrayList<>();
        for (int l = 0; l < ws.size(); l++) {
            for (double[] row : ws.get(l)) {
                for (double v : row) {
                    out.add(v);
                }
            }
            for (double v : bs.get(l)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] params(Layer[] layers) {
        List<double[][]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        for (Layer l : layers) {
            ws.add(l.w());
            bs.add(l.b());
        }
        return flat(ws, bs);
    }

    private static double[] gradient(LayerGrad[] grads) {
        List<double[][]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        for (LayerGrad g : grads) {
            ws.add(g.w);
            bs.add(g.b);
        }
        return flat(ws, bs);
    }

    /** Writes {@code p} into the layers' arrays. */
    private static void set(Layer[] layers, double[] p) {
        int k = 0;
        for (Layer l : layers) {
            for (double[] row : l.w()) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = p[k++];
                }
            }
            for (int o = 0; o < l.b().length; o++) {
                l.b()[o] = p[k++];
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Layer[] layers = network(1);
        LayerGrad[] grads = LayerGrad.like(layers);
        double value = LayeredMlpAdjoint.lossGrad(layers, X, TARGET, grads);
        assertEquals(LayeredMlp.loss(layers, X, TARGET), value, 0.0);
        double[] p0 = params(layers);
        double[] g = gradient(grads);
        assertEquals(3 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2, g.length);
        GradCheck.assertGradient(
                p -> {
                    set(layers, p);
                    double f = LayeredMlp.loss(layers, X, TARGET);
                    set(layers, p0);
                    return f;
                },
                p0,
                g,
                1e-6,
                1e-9);
        assertArrayEquals(p0, params(layers), "the layers are left as they were");
    }

    @Test
    void theTapeStrategyGivesTheSameGradient() {
        Layer[] layers = network(2);
        LayerGrad[] grads = LayerGrad.like(layers);
        double value = LayeredMlpAdjoint.lossGrad(layers, X, TARGET, grads);
        // the twin's records hold the same arrays
        LayeredMlpOnTape.Layer[] twin = new LayeredMlpOnTape.Layer[layers.length];
        for (int l = 0; l < layers.length; l++) {
            twin[l] = new LayeredMlpOnTape.Layer(layers[l].w(), layers[l].b());
        }
        LayeredMlpOnTape_LayerGrad[] onTape = LayeredMlpOnTape_LayerGrad.like(twin);
        assertEquals(value, LayeredMlpOnTapeAdjoint.lossGrad(twin, X, TARGET, onTape), 0.0);
        List<double[][]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        for (LayeredMlpOnTape_LayerGrad t : onTape) {
            ws.add(t.w);
            bs.add(t.b);
        }
        double[] tape = flat(ws, bs);
        double[] g = gradient(grads);
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], tape[i], 1e-12 * Math.max(1, Math.abs(g[i])), "component " + i);
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Layer[] layers = network(3);
        LayerGrad[] once = LayerGrad.like(layers);
        LayerGrad[] twice = LayerGrad.like(layers);
        LayeredMlpAdjoint.lossGrad(layers, X, TARGET, once);
        LayeredMlpAdjoint.lossGrad(layers, X, TARGET, twice);
        LayeredMlpAdjoint.lossGrad(layers, X, TARGET, twice);
        double[] g1 = gradient(once);
        double[] g2 = gradient(twice);
        for (int i = 0; i < g1.length; i++) {
            assertEquals(2 * g1[i], g2[i], 1e-15 * Math.max(1, Math.abs(g1[i])));
        }
        twice[1].zero();
        assertTrue(
                gradient(new LayerGrad[] {twice[1]}).length == 20
                        && java.util.Arrays.stream(gradient(new LayerGrad[] {twice[1]}))
                                .allMatch(v -> v == 0.0),
                "zero() clears one layer");
        assertEquals(2 * once[0].b[0], twice[0].b[0], 1e-15, "and leaves the others");
        LayerGrad.zero(twice);
        assertTrue(
                java.util.Arrays.stream(gradient(twice)).allMatch(v -> v == 0.0),
                "LayerGrad.zero(grads) clears them all");
        assertEquals("LayerGrad{w=[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], b=[0.0, 0.0]}", twice[2].toString());
    }

    @Test
    void aGradientOfTheWrongShapeIsRefused() {
        Layer[] layers = network(4);
        LayerGrad[] grads = LayerGrad.like(layers);
        grads[2] = LayerGrad.like(layers[1]);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LayeredMlpAdjoint.lossGrad(layers, X, TARGET, grads));
        assertEquals("dlayers[2].w has 4 rows and layers[2].w() 2", e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> LayeredMlpAdjoint.lossGrad(layers, X, TARGET, new LayerGrad[2]));
    }

    @Test
    void trainingFitsASmoothFunction() {
        Random rnd = new Random(11);
        int n = 40;
        double[][] xs = new double[n][];
        double[][] ys = new double[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = new double[] {rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1};
            ys[i] = new double[] {Math.sin(xs[i][0] + xs[i][1]), xs[i][2] * xs[i][0]};
        }
        Layer[] layers = network(5);
        double first = LayeredMlp.train(layers, xs, ys, 0.05, 1);
        double last = LayeredMlp.train(layers, xs, ys, 0.05, 400);
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
        double[] out = LayeredMlp.predict(layers, xs[0]);
        double err = 0;
        for (int o = 0; o < 2; o++) {
            err += (out[o] - ys[0][o]) * (out[o] - ys[0][o]);
        }
        assertEquals(LayeredMlp.loss(layers, xs[0], ys[0]), err, 1e-12, "predict and loss agree");
    }

    @Test
    void aWarmGradientCallAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Layer[] layers = network(6);
        LayerGrad[] grads = LayerGrad.like(layers);
        double sink = 0;
        for (int i = 0; i < 100_000; i++) { // warm: compiled, stacks and pool grown
            sink += LayeredMlpAdjoint.lossGrad(layers, X, TARGET, grads);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50_000; i++) {
            sink += LayeredMlpAdjoint.lossGrad(layers, X, TARGET, grads);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 50_000, bytes + " bytes for 50000 calls (" + sink + ")");
    }
}
