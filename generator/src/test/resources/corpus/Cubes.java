package corpus;

import dev.adjoint.Differentiable;

/** double[][][] parameters (an MLP's W[l][i][j], layers of different shapes): reads, writes, rows passed on; both strategies. */
public class Cubes {

    // a two-layer MLP, ragged layers (2 -> 3 -> 1), written as people write it
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {{0.1, -0.2, 0.05}, {0.3}}, {0.4, -0.8}, 0.5)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, {{0.3, 0.2}, {-0.1}}, {1.0, 0.5, -0.7}, -0.25)
    @Differentiable(wrt = {"W", "B"})
    static double mlp(double[][][] W, double[][] B, double[] x, double y) {
        double[] a = x;
        for (int l = 0; l < W.length; l++) {
            double[] z = new double[W[l].length];
            for (int i = 0; i < W[l].length; i++) {
                double s = B[l][i];
                for (int j = 0; j < W[l][i].length; j++) {
                    s += W[l][i][j] * a[j];
                }
                z[i] = l < W.length - 1 ? Math.tanh(s) : s;
            }
            a = z;
        }
        double d = a[0] - y;
        return d * d;
    }

    // every element, all three differentiated: a 3-D parameter with the input and a scalar
    //@at ({{{0.5, -0.3}, {0.2, 0.7}}, {{0.6}}}, {0.4, -0.8}, 1.5)
    //@at ({{{0.2}, {-0.4, 0.3, 0.1}}, {{0.9, -0.5}, {0.1, 0.2}}}, {1.0, 0.5}, -0.25)
    @Differentiable
    static double weighted(double[][][] c, double[] v, double k) {
        double s = 0;
        for (int l = 0; l < c.length; l++) {
            for (int i = 0; i < c[l].length; i++) {
                for (int j = 0; j < c[l][i].length; j++) {
                    s += Math.sin(k * c[l][i][j]) * v[(i + j) % v.length] + c[l][i][j] * c[l][i][j];
                }
            }
        }
        return s;
    }

    // a 3-D parameter written in place (each element scaled by the one before it in its row)
    //@at ({{{0.5, -0.3, 0.8}, {0.2, 0.7}}, {{0.6, 1.1}}}, 0.7)
    //@at ({{{1.2}, {-0.4, 0.3, 0.1}}, {{0.9, -0.5, 0.4}}}, -1.3)
    @Differentiable
    static double writesInPlace(double[][][] c, double k) {
        for (int l = 0; l < c.length; l++) {
            for (int i = 0; i < c[l].length; i++) {
                for (int j = 1; j < c[l][i].length; j++) {
                    c[l][i][j] = c[l][i][j] * c[l][i][j - 1] + k;
                }
            }
        }
        double s = 0;
        for (int l = 0; l < c.length; l++) {
            s += c[l][0][c[l][0].length - 1] * (l + 1);
        }
        return s;
    }

    // a 3-D parameter that is not differentiated (a table of coefficients)
    //@at ({0.5, -0.3}, {{{0.5, -0.3}, {0.2, 0.7}}, {{0.6, 0.1}, {-0.2, 0.3}}})
    //@at ({1.2, 0.4}, {{{1.0, 0.0}, {0.0, 1.0}}, {{0.5, 0.5}}})
    @Differentiable(wrt = "x")
    static double constantCube(double[] x, double[][][] T) {
        double s = 0;
        for (int l = 0; l < T.length; l++) {
            for (int i = 0; i < T[l].length; i++) {
                s += Math.exp(T[l][i][0] * x[0] + T[l][i][1] * x[1]) / (l + 1);
            }
        }
        return s;
    }

    static double dot(double[] w, double[] a) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * a[j];
        }
        return s;
    }

    static double frobenius(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * m[i][j];
            }
        }
        return s;
    }

    // a layer W[l] passed to a helper taking double[][], a row W[l][i] to one taking double[]
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {0.4, -0.8, 0.3})
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, {1.0, 0.5, -0.7})
    @Differentiable
    static double layersToHelpers(double[][][] W, double[] x) {
        double s = 0;
        for (int l = 0; l < W.length; l++) {
            s += 0.5 * frobenius(W[l]);
            for (int i = 0; i < W[l].length; i++) {
                s += Math.tanh(dot(W[l][i], x));
            }
        }
        return s;
    }

    // for-each over the layers and over a layer's rows
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, 0.4)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, -1.1)
    @Differentiable
    static double forEachLayer(double[][][] W, double k) {
        double s = 0;
        for (double[][] layer : W) {
            for (double[] row : layer) {
                for (double w : row) {
                    s += Math.cos(k * w);
                }
            }
        }
        return s;
    }

    // an array result over a 3-D parameter: one output per layer
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, {0.4, -0.8})
    //@at ({{{0.2, 0.1}, {-0.4, 0.3}}, {{0.9, -0.5}}, {{0.1, 0.2}, {0.3, 0.4}}}, {1.0, 0.5})
    @Differentiable
    static double[] perLayer(double[][][] W, double[] x) {
        double[] out = new double[W.length];
        for (int l = 0; l < W.length; l++) {
            double s = 0;
            for (int i = 0; i < W[l].length; i++) {
                s += W[l][i][0] * x[0] * W[l][i][W[l][i].length - 1] + x[1];
            }
            out[l] = s;
        }
        return out;
    }

    // a layer and a row by name, written through them: W[l] and W[l][i] aliases
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, 0.4)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, -1.1)
    @Differentiable
    static double layerAliases(double[][][] W, double k) {
        double s = 0;
        for (int l = 0; l < W.length; l++) {
            double[][] L = W[l];
            for (int i = 0; i < L.length; i++) {
                double[] r = W[l][i];
                r[0] = r[0] * k + r[r.length - 1];
                s += L[i][0] * r[0];
            }
        }
        var V = W;
        return s + V[V.length - 1][0][0];
    }

    static double cubeSum(double[][][] c) {
        double s = 0;
        for (int l = 0; l < c.length; l++) {
            for (int i = 0; i < c[l].length; i++) {
                s += Math.sin(c[l][i][0]);
            }
        }
        return s;
    }

    //@at ({{{0.5, -0.3}}, {{0.6, -0.2, 0.3}}}, 0.4)
    //@at ({{{0.2}, {-0.4, 0.3}}, {{0.9, -0.5}}, {{1.5}}}, -1.1)
    @Differentiable
    static double cubeCallee(double[][][] c, double k) {
        return k * c[0][0][0] * c[c.length - 1][0][0];
    }

    // a whole 3-D parameter passed to a plain helper and to a @Differentiable method
    //@at ({{{0.5, -0.3}, {0.2, 0.7}, {0.1, 0.4}}, {{0.6, -0.2, 0.3}}}, 0.4)
    //@at ({{{0.2, 0.1, -0.3}, {-0.4, 0.3, 0.6}}, {{0.9, -0.5}}}, -1.1)
    @Differentiable
    static double wholeCubeCalls(double[][][] W, double k) {
        return cubeSum(W) * k + cubeCallee(W, k);
    }
}
