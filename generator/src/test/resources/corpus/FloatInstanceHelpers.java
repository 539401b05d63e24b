package corpus;

import dev.adjoint.Differentiable;

/**
 * Instance methods of an object holding an array of records, passing its elements to instance
 * helpers of the class that read the object's fields (issue 15's newcomer, objects/RecordCallees);
 * the object is made by the runner with the no-argument constructor, its fields by their
 * initialisers. Checked against the double twin.
 */
public class FloatInstanceHelpers {
    record Particle(float mass, float charge) {}

    record Layer(float[][] w, float[] b) {
        float apply(float[] x) {
            float s = 0;
            int i = 0;
            for (float[] row : w) {
                float z = b[i++];
                for (int j = 0; j < x.length; j++) {
                    z += row[j] * x[j];
                }
                s += (float) Math.tanh(z);
            }
            return s;
        }
    }

    private final float softening = 0.3f;
    private final float[] weights = {1.5f, -0.5f, 0.75f};
    private final Particle[] ps = {new Particle(1.5f, 0.4f), new Particle(0.8f, -0.7f), new Particle(2.1f, 0.2f)};
    private final Layer[] layers = {
        new Layer(new float[][] {{0.5f, -0.3f}, {0.1f, 0.8f}}, new float[] {0.1f, -0.2f}),
        new Layer(new float[][] {{0.7f, -0.4f}, {0.3f, 0.9f}, {-0.5f, 0.2f}}, new float[] {0.05f, 0f, -0.1f})
    };

    private float selfEnergy(Particle p, float x) {
        return 0.5f * p.mass() * x * x + softening * p.charge();
    }

    float pairEnergy(Particle a, Particle b, float r) {
        return a.charge() * b.charge() / (float) Math.sqrt(r * r + softening);
    }

    float weighted(Particle p, float x, int k) {
        return weights[k] * selfEnergy(p, x) + pairEnergy(p, p, x);
    }

    // elements of a held array to a private instance helper and to one that stays a call
    //@at ({0.2, -0.5, 1.1})
    //@at ({-0.7, 0.4, 0.3})
    @Differentiable
    float energy(float[] pos) {
        float e = 0;
        for (int i = 0; i < pos.length; i++) {
            e += selfEnergy(ps[i], pos[i]);
            for (int j = i + 1; j < pos.length; j++) {
                e += pairEnergy(ps[i], ps[j], pos[i] - pos[j]);
            }
        }
        return e;
    }

    // for-each aliases of the elements, a helper passing its record on to others
    //@at ({0.2, -0.5, 1.1}, 0.9)
    //@at ({-0.7, 0.4, 0.3}, -1.2)
    @Differentiable
    float weightedEnergy(float[] pos, float scale) {
        float e = 0;
        int k = 0;
        for (Particle p : ps) {
            e += scale * weighted(p, pos[k], k);
            k++;
        }
        return e;
    }

    // a local record to an instance helper, and the rows of each layer's matrix in its own method
    //@at ({0.3, -0.2}, 0.5)
    //@at ({-0.6, 0.8}, 1.4)
    @Differentiable
    float layered(float[] x, float m) {
        Particle q = new Particle(m, 0.5f * m);
        float s = selfEnergy(q, x[0]);
        for (Layer l : layers) {
            s += l.apply(x);
        }
        return s;
    }
}
