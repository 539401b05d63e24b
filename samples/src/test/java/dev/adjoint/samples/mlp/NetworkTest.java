package dev.adjoint.samples.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The object-oriented network, {@code wrt = "this"}: its gradient against central differences
 * over every number it holds, against {@link LayeredMlp}'s for the same layers, accumulation and
 * {@code zero()}, training, and a warm call's allocation.
 */
class NetworkTest {
    private static final double[] X = {0.5, -1.0, 2.0};
    private static final double[] TARGET = {0.3, -0.7};

    /** 3 → 4 → 4 → 2, output scaled by 1.25. */
    private static Network network(long seed) {
        Random rnd = new Random(seed);
        Layer[] layers = {Layer.random(3, 4, rnd), Layer.random(4, 4, rnd), Layer.random(4, 2, rnd)};
        for (Layer l : layers) {
            for (int o = 0; o < l.b().length; o++) {
                l.b()[o] = 0.1 * rnd.nextGaussian();
            }
        }
        return new Network(layers, 1.25);
    }

    /** Every weight and bias, layer by layer (w row by row, then b), then the output scale. */
    private static double[] params(Network net) {
        List<Double> out = new ArrayList<>();
        for (Layer l : net.layers()) {
            add(l.w(), l.b(), out);
        }
        out.add(net.outputScale());
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code grad}'s numbers in the order of {@link #params}. */
    private static double[] gradient(NetworkGrad grad) {
        List<Double> out = new ArrayList<>();
        for (LayerGrad g : grad.layers) {
            add(g.w, g.b, out);
        }
        out.add(grad.outputScale);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(double[][] w, double[] b, List<Double> out) {
        for (double[] row : w) {
            for (double v : row) {
                out.add(v);
            }
        }
        for (double v : b) {
            out.add(v);
        }
    }

    /** A network of the same shapes whose numbers are {@code p}. */
    private static Network withParams(Network like, double[] p) {
        Layer[] layers = new Layer[like.layers().length];
        int k = 0;
        for (int l = 0; l < layers.length; l++) {
            double[][] w = new double[like.layers()[l].w().length][];
            for (int o = 0; o < w.length; o++) {
                w[o] = Arrays.copyOfRange(p, k, k + like.layers()[l].w()[o].length);
                k += w[o].length;
            }
            double[] b = Arrays.copyOfRange(p, k, k + w.length);
            k += b.length;
            layers[l] = new Layer(w, b);
        }
        return new Network(layers, p[k]);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Network net = network(1);
        NetworkGrad grad = NetworkGrad.like(net);
        double value = NetworkAdjoint.lossGrad(net, X, TARGET, grad);
        assertEquals(net.loss(X, TARGET), value, 0.0);
        double[] p0 = params(net);
        double[] g = gradient(grad);
        assertEquals(3 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2 + 1, g.length);
        GradCheck.assertGradient(p -> withParams(net, p).loss(X, TARGET), p0, g, 1e-6, 1e-9);
        assertArrayEquals(p0, params(net), "the network is left as it was");
    }

    @Test
    void theLayersGradientIsTheStaticMethodsForTheSameLayers() {
        Network net = network(2);
        // LayeredMlp has no output scale: at scale 1 the two compute the same function of the same layers
        Network unscaled = new Network(net.layers(), 1.0);
        NetworkGrad g1 = NetworkGrad.like(unscaled);
        double value = NetworkAdjoint.lossGrad(unscaled, X, TARGET, g1);
        LayerGrad[] grads = LayerGrad.like(net.layers());
        assertEquals(LayeredMlpAdjoint.lossGrad(net.layers(), X, TARGET, grads), value, 1e-15);
        for (int l = 0; l < grads.length; l++) {
            for (int o = 0; o < grads[l].w.length; o++) {
                assertArrayEquals(grads[l].w[o], g1.layers[l].w[o], 1e-13);
            }
            assertArrayEquals(grads[l].b, g1.layers[l].b, 1e-13);
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Network net = network(3);
        NetworkGrad once = NetworkGrad.like(net);
        NetworkGrad twice = NetworkGrad.like(net);
        NetworkAdjoint.lossGrad(net, X, TARGET, once);
        NetworkAdjoint.lossGrad(net, X, TARGET, twice);
        NetworkAdjoint.lossGrad(net, X, TARGET, twice);
        double[] g1 = gradient(once);
        double[] g2 = gradient(twice);
        for (int i = 0; i < g1.length; i++) {
            assertEquals(2 * g1[i], g2[i], 1e-15 * Math.max(1, Math.abs(g1[i])));
        }
        twice.zero();
        assertTrue(
                Arrays.stream(gradient(twice)).allMatch(v -> v == 0.0),
                "zero() clears the layers' gradients and the scale's");
        assertTrue(
                twice.toString().startsWith("NetworkGrad{outputScale=0.0, layers=[LayerGrad{w=[[0.0,"),
                twice.toString());
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
        Network net = network(5);
        double first = net.train(xs, ys, 0.05, 1);
        double last = net.train(xs, ys, 0.05, 300);
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
        assertTrue(net.outputScale() != 1.25, "the output scale is trained too");
    }

    @Test
    void aWarmGradientCallAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Network net = network(6);
        NetworkGrad grad = NetworkGrad.like(net);
        double sink = 0;
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 50_000; i++) { // warm: compiled, stacks and pool grown
                sink += NetworkAdjoint.lossGrad(net, X, TARGET, grad);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                sink += NetworkAdjoint.lossGrad(net, X, TARGET, grad);
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(least < 10_000, least + " bytes for 10000 calls (" + sink + ")");
    }
}
