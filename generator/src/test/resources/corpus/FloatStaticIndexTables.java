package corpus;

import dev.adjoint.Differentiable;

/**
 * {@code static final int[][]} tables of the class (a mesh's edges and triangles, a stencil), and
 * {@code long[][]}, {@code boolean[][]} ones: final and only read in this file, so read as values
 * without derivative by both strategies, as an {@code int[][]} parameter is. Elements as indices,
 * lengths, for-each over the rows, a row held by a local; checked against the double twin.
 */
public class FloatStaticIndexTables {
    static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 1}};
    private static final int[][] TRIANGLES = {{0, 1, 2}, {1, 3, 2}};
    static final int[][] STENCIL = {{-1, 1}, {0, -2}, {1, 1}};
    private static final long[][] PAIRS = {{0L, 3L}, {2L, 1L, 0L}};
    static final boolean[][] MASK = {{true, false, true}, {false, true, true}};

    // a spring network: Σ_e k_e (x[a] - x[b])², the stiffness growing with the edge's index
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4, 0.1})
    @Differentiable
    static float springs(float[] x) {
        float e = 0;
        for (int k = 0; k < EDGES.length; k++) {
            float d = x[EDGES[k][0]] - x[EDGES[k][1]];
            e += (1 + 0.5f * k) * d * d;
        }
        return e;
    }

    // for-each over the edges, a nonlinear term per edge
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4, 0.1})
    @Differentiable
    static float edgeEach(float[] x) {
        float s = 0;
        for (int[] edge : EDGES) {
            s += (float) Math.sin(x[edge[0]] * x[edge[1]]) + x[edge[edge.length - 1]];
        }
        return s;
    }

    // a private table (copied into the adjoint): per triangle, the products round its corners, a row
    // held by a local and its length
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4, 0.1})
    @Differentiable
    static float triangles(float[] x) {
        float s = 0;
        for (int t = 0; t < TRIANGLES.length; t++) {
            int[] tri = TRIANGLES[t];
            for (int c = 0; c < tri.length; c++) {
                s += x[tri[c]] * x[tri[(c + 1) % tri.length]] * (float) Math.exp(0.1f * x[TRIANGLES[t][0]]);
            }
        }
        return s;
    }

    // a stencil of offsets and weights, applied at every inner point, its result overwritten in a loop
    //@at ({0.9, 1.2, -0.4, 2.5, 0.3})
    //@at ({-0.7, 0.3, 1.4, 0.1, -0.2, 0.6})
    @Differentiable
    static float stencil(float[] u) {
        float s = 0;
        for (int i = 1; i + 1 < u.length; i++) {
            float lap = 0;
            for (int k = 0; k < STENCIL.length; k++) {
                lap += STENCIL[k][1] * u[i + STENCIL[k][0]];
            }
            s += lap * lap + u[i] * lap;
        }
        return s;
    }

    // a long[][] of indices and a boolean[][] mask in conditions
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4, 0.1})
    @Differentiable
    static float masked(float[] x) {
        float s = 0;
        for (int i = 0; i < MASK.length; i++) {
            for (int j = 0; j < MASK[i].length; j++) {
                if (MASK[i][j]) {
                    s += x[i + j] * x[(int) PAIRS[i][j % PAIRS[i].length]];
                } else {
                    s -= x[j];
                }
            }
        }
        for (boolean[] row : MASK) {
            s *= row[0] ? 0.5f : 1.5f;
        }
        return s;
    }
}
