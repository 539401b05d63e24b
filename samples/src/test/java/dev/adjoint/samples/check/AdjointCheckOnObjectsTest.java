package dev.adjoint.samples.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.check.AdjointCheck;
import dev.adjoint.samples.classifier.LogisticRegression;
import dev.adjoint.samples.mlp.Layer;
import dev.adjoint.samples.mlp.LayeredMlp;
import dev.adjoint.samples.spring.SpringFit;
import dev.adjoint.samples.spring.SpringFit.Params;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AdjointCheck} in one line on generated adjoints of the object-oriented samples: an
 * instance method with {@code wrt = "this"} (its receiver the first argument, private fields
 * included), a record parameter, an array of records; each component against central differences.
 */
class AdjointCheckOnObjectsTest {

    @Test
    void anInstanceMethodWithRespectToItsPrivateFields() {
        double[] w = {0.5, -1.25, 2.0};
        LogisticRegression model = new LogisticRegression(w, 0.3);
        AdjointCheck.Result r = AdjointCheck.of(LogisticRegression.class, "loss")
                .named("x", "y")
                .assertAt(model, new double[] {1.0, 0.5, -2.0}, 1.0);
        assertEquals(4, r.report().dimension(), r.describe()); // this.w[0..2], this.b
        assertArrayEquals(new double[] {0.5, -1.25, 2.0}, w, "the model is left as given");
    }

    @Test
    void aRecordParameter() {
        double[] observed = SpringFit.simulate(new Params(4.0, 0.5), 1.0, 40, 0.05);
        AdjointCheck.Result r = AdjointCheck.of(SpringFit.class, "loss")
                .named("p", "x0", "observed", "dt")
                .assertAt(new Params(3.0, 0.2), 1.0, observed, 0.05);
        assertEquals(2, r.report().dimension(), r.describe()); // p.k, p.c
    }

    @Test
    void anArrayOfRecords() {
        Random rnd = new Random(3);
        Layer[] layers = {Layer.random(3, 4, rnd), Layer.random(4, 2, rnd)};
        for (Layer l : layers) {
            for (int i = 0; i < l.b().length; i++) {
                l.b()[i] = 0.1 * rnd.nextGaussian();
            }
        }
        AdjointCheck.Result r = AdjointCheck.of(LayeredMlp.class, "loss")
                .named("layers", "x", "target")
                .assertAt(layers, new double[] {0.5, -1.0, 2.0}, new double[] {1.0, 0.0});
        assertEquals(12 + 4 + 8 + 2, r.report().dimension(), r.describe());
    }
}
