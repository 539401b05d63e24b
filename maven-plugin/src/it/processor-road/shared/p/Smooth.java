package p;

/** A plain helper in another file: differentiated because loss calls it. */
final class Smooth {
    private Smooth() {}

    static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }
}
