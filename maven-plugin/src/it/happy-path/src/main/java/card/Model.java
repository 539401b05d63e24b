package card;

import dev.adjoint.Differentiable;

/** The design card's example exactly as written: an instance method reading the model's fields. */
public class Model {
    private final float[] w;
    private final float b;

    public Model(float[] w, float b) {
        this.w = w;
        this.b = b;
    }

    @Differentiable float loss(float[] x) {
        float s = b;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return (float) Math.log(1 + Math.exp(-s));
    }
}
