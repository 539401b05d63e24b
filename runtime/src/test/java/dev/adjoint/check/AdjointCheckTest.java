package dev.adjoint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.fixtures.Counter;
import dev.adjoint.check.fixtures.Springs;
import dev.adjoint.check.fixtures.Toy;
import org.junit.jupiter.api.Test;

/**
 * {@link AdjointCheck} on hand-written adjoints (fixtures), right and deliberately wrong: it finds
 * the method and its adjoint by reflection, differentiates the right parameters, steps in the
 * method's precision and names the worst component by parameter and index.
 */
class AdjointCheckTest {
    private static final double[][] M = {{0.5, 1}, {-0.25, 2}, {1.5, 3}};

    @Test
    void scalarsArraysAndTablesTogether() {
        AdjointCheck.Result r = AdjointCheck.assertGradient(
                Toy.class, "mixed", new double[] {0.3, -1.2, 2.0}, 0.75, new double[] {1, 2, 3}, M, 3);
        assertEquals(4, r.report().dimension(), "w's three components and b");
        assertTrue(
                r.describe().startsWith("gradient check of dev.adjoint.check.fixtures.Toy#mixed passed"), r.describe());
    }

    @Test
    void aFloatMethodIsCheckedWithAFloatSizedStep() {
        AdjointCheck.assertGradient(Toy.class, "single", new float[] {0.5f, -1.25f, 2f}, 1.5f);
        // with double's step, float rounding (about 1e-7 of |f|) would swamp the difference quotient
        AdjointCheck.Result r = AdjointCheck.check(Toy.class, "single", new float[] {0.5f, -1.25f, 2f}, 1.5f);
        assertTrue(r.passed() && r.report().rtol() == 1e-2, r.describe());
    }

    @Test
    void aFloatParameterMakesTheCheckFloatsEvenForADoubleResult() {
        // k's float rounding (about 1e-7 of |f|) over double's step 6e-6 is a 2% error: the step must be float's
        AdjointCheck.Result r = AdjointCheck.check(Toy.class, "widened", 1.37f);
        assertTrue(r.passed() && r.report().rtol() == 1e-2, r.describe());
    }

    @Test
    void aWrongGradientFailsNamingTheParameterAndIndex() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> AdjointCheck.assertGradient(Toy.class, "wrong", new float[] {0.5f, -1.25f, 2f}, 1.5f));
        // without javac -parameters the class file keeps no names: Java's own arg0, or the names given
        assertTrue(e.getMessage().contains("FAILED: worst component arg0[1] of 4"), e.getMessage());
        e = assertThrows(
                AssertionError.class,
                () -> AdjointCheck.of(Toy.class, "wrong")
                        .named("v", "k")
                        .assertAt(new float[] {0.5f, -1.25f, 2f}, 1.5f));
        assertTrue(
                e.getMessage().contains("FAILED: worst component v[1] of 4: analytic -1.875, numeric -3.75"),
                e.getMessage());
    }

    @Test
    void parametersFarBelowOneAreJudgedByAnAccurateDifferenceNotAFalseAlarm() {
        // at 1e-3 the step 6e-6 is 0.6% of the parameter: central differences of log(p) err by 1.2e-5, twelve times
        // the tolerance; the five-point stencil (error about 1e-9) passes the right gradient and still fails one 1e-4
        // off
        double[] p = {1e-3, 2.5e-3, 4e-3};
        AdjointCheck.Result right = AdjointCheck.check(Toy.class, "smallScale", (Object) p.clone());
        assertTrue(right.passed(), right.describe());
        AdjointCheck.Result wrong = AdjointCheck.check(Toy.class, "smallScaleWrong", (Object) p.clone());
        assertFalse(wrong.passed(), wrong.describe());
        assertEquals(0, wrong.report().worstComponent(), wrong.describe());
    }

    @Test
    void anArrayResultIsCheckedThroughItsVjp() {
        AdjointCheck.Result r = AdjointCheck.assertGradient(Toy.class, "scale", new double[][] {{2, 3}, {4, 5}}, 1.5);
        assertEquals(5, r.report().dimension());
    }

    @Test
    void aLoneTwoDimensionalArgumentIsOneArgument() {
        // Java passes this double[][] as the Object... array itself; the check takes it as written
        double[][] a = {{1, 2, 3}, {4, 5, 6.5}};
        assertEquals(
                6,
                AdjointCheck.assertGradient(Toy.class, "frobenius", a).report().dimension());
        assertEquals(
                6, AdjointCheck.of(Toy.class, "frobenius").assertAt(a).report().dimension());
    }

    @Test
    void aThreeDimensionalArrayIsCheckedElementByElementWithItsIndices() {
        // an MLP's W[l][i][j]: layers of different shapes, the buffer shaped as the argument
        double[][][] w = {{{0.5, -1.0}, {0.25, 2.0}, {1.5, -0.5}}, {{0.75, -0.25, 1.25}}};
        AdjointCheck.Result r =
                AdjointCheck.of(Toy.class, "layers").named("W", "k").assertAt(w, 0.7);
        assertEquals(9 + 1, r.report().dimension(), "W's nine elements and k");
        assertEquals(0.5, w[0][0][0], "the caller's array is as given");
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> AdjointCheck.of(Toy.class, "layersWrong").named("W", "k").assertAt(w, 0.7));
        // only the second layer's elements are wrong (factor 1 instead of 2); its largest is W[1][0][2]
        assertTrue(e.getMessage().contains("worst component W[1][0][2] of 10"), e.getMessage());
        AdjointCheck.Result f = AdjointCheck.of(Toy.class, "floatLayers")
                .assertAt(new float[][][] {{{0.5f, -1f}}, {{0.25f}, {2f, 1.5f}}}, 0.7f);
        assertTrue(f.passed() && f.report().rtol() == 1e-2, f.describe());
    }

    @Test
    void aMethodThatWritesItsArgumentsIsCheckedOnCopies() {
        double[] w = {0.5, 2.0};
        AdjointCheck.assertGradient(Toy.class, "inPlace", w);
        assertEquals(0.5, w[0], "the caller's array is untouched");
    }

    @Test
    void parametersByPosition() {
        AdjointCheck.of(Toy.class, "mixed")
                .wrt(0, 1)
                .assertAt(new double[] {0.3, -1.2, 2.0}, 0.75, new double[] {1, 2, 3}, M, 3);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AdjointCheck.of(Toy.class, "mixed").wrt(0));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> AdjointCheck.of(Toy.class, "mixed").wrt("w", "b"));
        assertTrue(e.getMessage().contains("compile with -parameters"), e.getMessage());
    }

    @Test
    void namesGivenByNamedLetWrtAndTheAnnotationsWrtBeRead() {
        // second(double[] a, double[] x) with wrt = "x": its one double[] buffer fits a or x, so without the names the
        // check cannot tell which; the names given by named(...) say it, as a class file compiled with -parameters
        // would (the README: "else give them with .named(\"w\", \"x\")"). Had it picked a, central differences
        // along a would not match the buffer, which holds the gradient along x.
        double[] a = {0.5, -1.5, 2.0};
        double[] x = {1.25, 0.75, -0.5};
        AdjointCheck.Result byAnnotation =
                AdjointCheck.of(Toy.class, "second").named("a", "x").assertAt(a, x);
        assertTrue(byAnnotation.describe().contains("worst component x["), byAnnotation.describe());
        AdjointCheck.Result byName =
                AdjointCheck.of(Toy.class, "second").named("a", "x").wrt("x").assertAt(a, x);
        assertEquals(3, byName.report().dimension());
        // with other names, the annotation's "x" names nothing: a clear error, not another choice
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AdjointCheck.of(Toy.class, "second").named("a", "y").assertAt(a, x));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        // without any names it says how to settle it, named(...) among the ways
        e = assertThrows(IllegalArgumentException.class, () -> AdjointCheck.assertGradient(Toy.class, "second", a, x));
        assertTrue(e.getMessage().contains("2 choices") && e.getMessage().contains(".named("), e.getMessage());
        // the choices that fit, as calls to copy (it once suggested .wrt(0, 2), a position 'second' does not have)
        assertTrue(e.getMessage().contains(".wrt(0) or .wrt(1)"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> AdjointCheck.of(Toy.class, "second").wrt("x"));
        assertTrue(e.getMessage().contains(".named("), e.getMessage());
    }

    @Test
    void mistakesAreExplained() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AdjointCheck.check(Toy.class, "single", new double[] {1}, 1.0));
        assertTrue(
                e.getMessage().contains("no method dev.adjoint.check.fixtures.Toy.single takes (double[], Double)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdjointCheck.of(AdjointCheckTest.class, "toString"));
        assertTrue(e.getMessage().contains("not static") || e.getMessage().contains("methods named"), e.getMessage());
    }

    @Test
    void recordParametersAreCheckedComponentByComponent() {
        Springs.Params p = new Springs.Params(2.0, 0.3);
        AdjointCheck.Result r = AdjointCheck.assertGradient(Springs.class, "energy", 1.0, p, 20);
        assertEquals(3, r.report().dimension(), "x0, p.k and p.c");
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> AdjointCheck.of(Springs.class, "energyWrong")
                        .named("x0", "p", "steps")
                        .assertAt(1.0, p, 20));
        assertTrue(e.getMessage().contains("worst component p.c of 3"), e.getMessage());
        AdjointCheck.Result nested = AdjointCheck.assertGradient(
                Springs.class, "nested", new Springs.Outer(new Springs.Params(1.5, 0.4), 0.7, "not differentiated"));
        assertEquals(3, nested.report().dimension(), "o.p.k, o.p.c and o.s: the String is a constant");
    }

    @Test
    void aRecordWhoseConstructorChangesItsArgumentsIsRefused() {
        // before: the check ran at Percent(5.0E-4) and reported a correct gradient FAILED
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AdjointCheck.of(Springs.class, "discount").named("r", "t").assertAt(new Springs.Percent(5), 3.0));
        assertTrue(
                e.getMessage()
                        .contains("record Percent's constructor changes its components (value: 0.05 became 5.0E-4)"),
                e.getMessage());
    }

    @Test
    void anArrayOfObjectsIsCheckedElementByElement() {
        Springs.Layer[] layers = {
            new Springs.Layer(new double[][] {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}, new double[] {0.05, -0.1}),
            new Springs.Layer(new double[][] {{-0.3, 0.2, 0.1}}, new double[] {0.2})
        };
        AdjointCheck.Result r =
                AdjointCheck.of(Springs.class, "net").named("layers", "x").assertAt(layers, new double[] {1, 0.5, -2});
        assertEquals(8 + 4, r.report().dimension(), "each layer's w and b");
        assertEquals(0.1, layers[0].w()[0][0], "the caller's layers are as given");
    }

    @Test
    void anInstanceMethodTakesItsReceiverFirst() {
        Counter c = new Counter(new double[] {0.5, -1.5, 2}, 0.25);
        AdjointCheck.Result r =
                AdjointCheck.of(Counter.class, "loss").named("x").assertAt(c, new double[] {1, 2, -0.5});
        assertEquals(4 + 3, r.report().dimension(), "this.w, this.b and x");
        assertTrue(r.describe().contains("passed"), r.describe());
        // a method assigning its fields: every call starts from the object as given, which is left so
        AdjointCheck.Result s = AdjointCheck.assertGradient(Counter.class, "step", c, 0.75);
        assertEquals(4, s.report().dimension(), "this.w and this.b");
        assertEquals(0.25, c.b());
        assertEquals(0, c.calls());
    }
}
