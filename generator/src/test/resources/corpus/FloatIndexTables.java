package corpus;

import dev.adjoint.Differentiable;

/**
 * int[], long[] and boolean[] arrays written by the method: counts, index tables built by hand,
 * masks. Values without derivative, but the reverse sweep indexes with them, so it must see each
 * one as it was where it was read; checked against the double twin.
 */
public class FloatIndexTables {

    // a histogram: counts[bins[i]]++ into a local int[], then the counts weigh the terms; the bins
    // parameter is rewritten (shifted) after each use
    //@at ({0.9, 1.2, -0.4, 2.5}, {0, 2, 2, 1}, 3)
    //@at ({-0.7, 0.3, 1.4}, {1, 1, 0}, 2)
    @Differentiable
    static float histogram(float[] x, int[] bins, int nb) {
        int[] counts = new int[nb];
        for (int i = 0; i < bins.length; i++) {
            counts[bins[i]]++;
        }
        float s = 0;
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < x.length; i++) {
                s += x[i] * x[bins[i]] * counts[bins[i]] + (float) Math.sin(s * 0.25f) * x[i];
            }
            for (int i = 0; i < bins.length; i++) {
                counts[bins[i]]--;
                bins[i] = (bins[i] + 1) % nb;
                counts[bins[i]] += 2;
            }
        }
        return s;
    }

    // an argsort by insertion, by hand, then the order indexes x; the order is rotated in place and
    // used again, so the reverse sweep needs each rotation's indices
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4, 0.1, 0.8})
    @Differentiable
    static float argsortRotations(float[] x) {
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int j = i;
            while (j > 0 && x[order[j - 1]] > x[order[j]]) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
                j--;
            }
        }
        float s = 0;
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < n; k++) {
                s += (k + 1) * x[order[k]] * (float) Math.sin(s * 0.1f + x[k]);
            }
            int first = order[0];
            for (int k = 0; k < n - 1; k++) {
                order[k] = order[k + 1];
            }
            order[n - 1] = first;
        }
        return s;
    }

    // a boolean mask written (a local one and the parameter), then read in conditions; a long[]
    // table of offsets written and read as indices
    //@at ({0.9, 0.2, -0.4, 2.5}, {true, false, true, true})
    //@at ({-0.7, 0.6, 1.4}, {false, false, true})
    @Differentiable
    static float maskedSums(float[] x, boolean[] keep) {
        boolean[] big = new boolean[x.length];
        long[] offset = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            big[i] = x[i] > 0.5f;
            keep[i] = keep[i] && !big[i];
            offset[i] = (i * 7L + 3) % x.length;
        }
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            if (big[i] || keep[i]) {
                s += x[i] * x[(int) offset[i]];
            } else {
                s -= (float) Math.cos(x[i]);
            }
            big[i] = !big[i];
            offset[i] = (offset[i] + 1) % x.length;
            if (big[i]) {
                s += x[(int) offset[i]] * s * 0.5f;
            }
        }
        return s;
    }

    // rows visited in an order computed by hand (by their first element), a scratch array per row of
    // that row's length, and a mask of the rows seen
    //@at ({{1.0, 0.5}, {-0.3, 2.0, 0.9}, {0.4}})
    //@at ({{0.2}, {0.9, 0.3}, {-0.5, 0.8, -1.4, 0.6}})
    @Differentiable
    static float rowsInSortedOrder(float[][] m) {
        int[] order = new int[m.length];
        boolean[] seen = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            order[i] = i;
        }
        for (int i = 1; i < m.length; i++) {
            for (int j = i; j > 0 && m[order[j - 1]][0] > m[order[j]][0]; j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        }
        float s = 0;
        for (int i = 0; i < m.length; i++) {
            float[] sq = new float[m[order[i]].length];
            for (int j = 0; j < sq.length; j++) {
                sq[j] = (float) Math.tanh(m[order[i]][j]) + s * 0.125f;
            }
            seen[order[i]] = true;
            s += sq[0] * sq[sq.length - 1] * (seen[i] ? 2 : 1) + sq[i % sq.length];
        }
        return s;
    }
}
