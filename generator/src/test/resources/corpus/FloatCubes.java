package corpus;

import dev.adjoint.Differentiable;

/** float[][][] parameters: the float twins of Cubes' MLP, in-place writes, rows passed on and an array result. */
public class FloatCubes {

    // a two-layer MLP, ragged layers (2 -> 3 -> 1)
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {{0.1, -0.2, 0.05}, {0.3}}, {0.4, -0.8}, 0.5)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, {{0.3, 0.2}, {-0.1}}, {1.0, 0.5, -0.7}, -0.25)
    @Differentiable(wrt = {"W", "B"})
    static float mlp(float[][][] W, float[][] B, float[] x, float y) {
        float[] a = x;
        for (int l = 0; l < W.length; l++) {
            float[] z = new float[W[l].length];
            for (int i = 0; i < W[l].length; i++) {
                float s = B[l][i];
                for (int j = 0; j < W[l][i].length; j++) {
                    s += W[l][i][j] * a[j];
                }
                z[i] = l < W.length - 1 ? (float) Math.tanh(s) : s;
            }
            a = z;
        }
        float d = a[0] - y;
        return d * d;
    }

    // a 3-D parameter written in place
    //@at ({{{0.5, -0.3, 0.8}, {0.2, 0.7}}, {{0.6, 1.1}}}, 0.7)
    //@at ({{{1.2}, {-0.4, 0.3, 0.1}}, {{0.9, -0.5, 0.4}}}, -1.3)
    @Differentiable
    static float writesInPlace(float[][][] c, float k) {
        for (int l = 0; l < c.length; l++) {
            for (int i = 0; i < c[l].length; i++) {
                for (int j = 1; j < c[l][i].length; j++) {
                    c[l][i][j] = c[l][i][j] * c[l][i][j - 1] + k;
                }
            }
        }
        float s = 0;
        for (int l = 0; l < c.length; l++) {
            s += c[l][0][c[l][0].length - 1] * (l + 1);
        }
        return s;
    }

    static float dot(float[] w, float[] a) {
        float s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * a[j];
        }
        return s;
    }

    static float frobenius(float[][] m) {
        float s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * m[i][j];
            }
        }
        return s;
    }

    // a layer W[l] passed to a helper taking float[][], a row W[l][i] to one taking float[]
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {0.4, -0.8, 0.3})
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, {1.0, 0.5, -0.7})
    @Differentiable
    static float layersToHelpers(float[][][] W, float[] x) {
        float s = 0;
        for (int l = 0; l < W.length; l++) {
            s += 0.5f * frobenius(W[l]);
            for (int i = 0; i < W[l].length; i++) {
                s += (float) Math.tanh(dot(W[l][i], x));
            }
        }
        return s;
    }

    // for-each over the layers, a layer's rows and a row's elements
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, 0.4)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, -1.1)
    @Differentiable
    static float forEachLayer(float[][][] W, float k) {
        float s = 0;
        for (float[][] layer : W) {
            for (float[] row : layer) {
                for (float w : row) {
                    s += (float) Math.cos(k * w);
                }
            }
        }
        return s;
    }

    // an array result over a 3-D parameter, one output per layer; the 3-D parameter not differentiated
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {0.4, -0.8})
    //@at ({{{0.2, 0.1}, {-0.4, 0.3}}, {{0.9, -0.5}}, {{0.1, 0.2}, {0.3, 0.4}}}, {1.0, 0.5})
    @Differentiable(wrt = "x")
    static float[] perLayer(float[][][] W, float[] x) {
        float[] out = new float[W.length];
        for (int l = 0; l < W.length; l++) {
            float s = 0;
            for (int i = 0; i < W[l].length; i++) {
                s += W[l][i][0] * x[0] * W[l][i][W[l][i].length - 1] + x[1] * x[1];
            }
            out[l] = s;
        }
        return out;
    }
}
