package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.rejected;

import org.junit.jupiter.api.Test;

/**
 * A for-each over a ragged local's row, {@code for (double v : tri[idx[0]])}, whose body changes
 * what the row's index reads: Java reads the row once, before the first element, while the indexed
 * loop the rewrite would make reads {@code tri[idx[0]][k]} and its length again at each element (a
 * value of 2.25 for Java's 47.25, and its gradient, on both strategies). Such a loop is left as
 * written, which both strategies reject at the array.
 */
class RowLoopIndicesTest {
    private static final String BODY = """
            static void first(int[] a) {
                a[0] = 0;
            }

            @Differentiable(strategy = Strategy.$S)
            static double f(double[] x) {
                double[][] tri = new double[3][];
                for (int i = 0; i < 3; i++) {
                    tri[i] = new double[i + 1];
                    for (int j = 0; j <= i; j++) {
                        tri[i][j] = x[j] * (i + 1);
                    }
                }
                int[] idx = {2, 0};
                double s = 0;
                for (double v : tri[idx[0]]) {
                    WRITE
                    s += v * v;
                }
                return s;
            }
            """;

    private static final String CAUSE = "local array 'tri' is ragged ('new double[3][]', its rows created one by one)";

    @Test
    void anElementOfTheIndexAssignedInTheBody() {
        rejected(BODY.replace("WRITE", "idx[0] = 0;"), CAUSE);
    }

    @Test
    void anElementOfTheIndexUpdatedInTheBody() {
        rejected(BODY.replace("WRITE", "idx[0]--;"), CAUSE);
    }

    @Test
    void theIndexArrayHandedToAHelperInTheBody() {
        rejected(BODY.replace("WRITE", "first(idx);"), CAUSE);
    }
}
