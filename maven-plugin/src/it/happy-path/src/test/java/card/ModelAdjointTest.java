package card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelAdjointTest {
    @Test
    void instanceMethodGradientMatchesCentralDifferences() {
        Model m = new Model(new float[] {0.5f, -0.25f, 0.75f}, 0.1f);
        float[] x = {1f, 2f, -0.5f};
        float[] dx = new float[3];

        float value = ModelAdjoint.lossGrad(m, x, dx);

        assertEquals(m.loss(x), value, 0f);
        for (int i = 0; i < x.length; i++) {
            float h = 1e-2f;
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double expected = (m.loss(plus) - (double) m.loss(minus)) / (2 * h);
            assertEquals(expected, dx[i], 1e-3, "d loss / d x[" + i + "]");
        }
        assertArrayEquals(new float[] {1f, 2f, -0.5f}, x, "x must not change");
    }
}
