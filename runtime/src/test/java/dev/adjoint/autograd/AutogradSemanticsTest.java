package dev.adjoint.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The notebook's autograd behaviour: accumulation, zeroing, the three ways to stop tracking, errors. */
class AutogradSemanticsTest {

    @Test
    void gradientsAccumulateOverBackwardCalls() {
        Tensor weights = Tensor.ones(4).requiresGrad(true);
        assertNull(weights.grad(), "no grad before the first backward");
        String[] expected = {"tensor([3., 3., 3., 3.])", "tensor([6., 6., 6., 6.])", "tensor([9., 9., 9., 9.])"};
        for (String line : expected) {
            weights.mul(3).sum().backward();
            assertEquals(line, weights.grad().toString());
        }
    }

    @Test
    void zeroingTheGradientStopsAccumulation() {
        Tensor weights = Tensor.ones(4).requiresGrad(true);
        for (int epoch = 0; epoch < 3; epoch++) {
            weights.mul(3).sum().backward();
            assertArrayEquals(new double[] {3, 3, 3, 3}, weights.grad().values());
            Tensor grad = weights.grad();
            assertSame(grad, grad.zero_(), "zero_ works in place and returns the tensor");
            assertArrayEquals(new double[4], weights.grad().values());
        }
    }

    @Test
    void onlyLeavesKeepAGradient() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor constant = Tensor.of(5, 7);
        Tensor y = x.mul(constant);
        y.sum().backward();
        assertNull(y.grad(), "interior tensors keep no grad");
        assertNull(constant.grad(), "a leaf that does not require grad gets none");
        assertArrayEquals(new double[] {5, 7}, x.grad().values());
        assertFalse(x.grad().requiresGrad());
    }

    @Test
    void backwardOnALeafItself() {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        x.backward();
        assertEquals("tensor(1.)", x.grad().toString());
    }

    @Test
    void leavesAndGradFns() {
        Tensor x = Tensor.randn(3, new Random(1)).requiresGrad(true);
        assertTrue(x.isLeaf());
        assertNull(x.gradFn());
        Tensor y = x.add(2);
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
        assertEquals("AddBackward0", y.gradFn().name());
        assertEquals("AddBackward0", y.gradFn().toString());
        Tensor plain = Tensor.of(1, 2).add(2);
        assertTrue(plain.isLeaf(), "ops on tensors that need no grad record nothing");
        assertFalse(plain.requiresGrad());
        assertNull(plain.gradFn());
        Tensor mixed = Tensor.of(1, 2).mul(Tensor.scalar(3).requiresGrad(true));
        assertEquals("MulBackward0", mixed.gradFn().name(), "one operand requiring grad is enough");
        assertEquals("DotBackward0", x.dot(x).gradFn().name());
        assertEquals("NegBackward0", x.neg().gradFn().name());
    }

    @Test
    void detachSharesValuesWithoutGrad() {
        Tensor x = Tensor.of(1.5, -2).requiresGrad(true);
        Tensor y = x.detach();
        assertTrue(x.requiresGrad());
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertArrayEquals(x.values(), y.values());
        assertNull(y.mul(2).gradFn());
        assertNull(x.add(1).detach().gradFn(), "detaching a result cuts it from the graph");
    }

    @Test
    void requiresGradCanBeTurnedOffOnALeaf() {
        Tensor x = Tensor.randn(3, new Random(2)).requiresGrad(true);
        assertTrue(x.requiresGrad());
        assertSame(x, x.requiresGrad_(false));
        assertFalse(x.requiresGrad());
        assertNull(x.add(2).gradFn());
        AutogradException e = assertThrows(
                AutogradException.class,
                () -> Tensor.ones(2).requiresGrad(true).mul(2).requiresGrad_(false));
        assertTrue(
                e.getMessage().startsWith("you can only change requires_grad flags of leaf variables."),
                e.getMessage());
    }

    @Test
    @SuppressWarnings("try") // the scope variable is only there to be closed
    void noGradScopeRecordsNothingAndNests() throws Exception {
        Tensor x = Tensor.ones(3).requiresGrad(true);
        assertTrue(Autograd.isGradEnabled());
        try (var outer = Autograd.noGrad()) {
            Tensor y = x.add(2);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (var inner = Autograd.noGrad()) {
                assertFalse(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled(), "closing the inner scope restores the outer one's mode");
            AtomicBoolean elsewhere = new AtomicBoolean();
            Thread other = new Thread(() -> elsewhere.set(Autograd.isGradEnabled()));
            other.start();
            other.join();
            assertTrue(elsewhere.get(), "grad mode is per thread");
            x.grad(); // reading is fine; zeroing a leaf that requires grad is allowed in here
        }
        assertTrue(Autograd.isGradEnabled());
        assertTrue(x.add(2).requiresGrad());
        Tensor z = Autograd.noGrad(() -> x.mul(3));
        assertFalse(z.requiresGrad());
        assertTrue(Autograd.isGradEnabled());
    }

    @Test
    void inPlaceZeroOfALeafThatRequiresGradNeedsNoGrad() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        AutogradException e = assertThrows(AutogradException.class, w::zero_);
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        Autograd.noGrad(w::zero_);
        assertArrayEquals(new double[2], w.values());
        assertThrows(AutogradException.class, () -> w.add(1).zero_());
    }

    @Test
    void backwardWithoutGradIsAnError() {
        Tensor x = Tensor.randn(3, new Random(3));
        Tensor z = x.add(2).mul(x.add(2)).mul(2).mean();
        AutogradException e = assertThrows(AutogradException.class, z::backward);
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
        assertThrows(AutogradException.class, () -> Tensor.of(1, 2).backward(), "checked before the shape");
        RuntimeException asRuntime = e;
        assertEquals(e.getMessage(), asRuntime.getMessage());
    }

    @Test
    void implicitBackwardNeedsOneElement() {
        Tensor x = Tensor.randn(3, new Random(4)).requiresGrad(true);
        Tensor z = x.add(2).mul(x.add(2)).mul(2);
        AutogradException e = assertThrows(AutogradException.class, z::backward);
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
        Tensor one = Tensor.of(2).requiresGrad(true);
        one.mul(3).backward(); // a one-element 1-D result is fine
        assertEquals("tensor([3.])", one.grad().toString());
    }

    @Test
    void backwardWithAVectorIsAVectorJacobianProduct() {
        // the notebook's cells 75-76: y = x + 2, z = 2 y^2, z.backward(v):  x.grad = v * 4 (x + 2)
        double[] x = {-0.3884, 1.8222, 0.4893};
        double[] v = {0.1, 1.0, 0.001};
        Tensor leaf = Tensor.of(x).requiresGrad(true);
        Tensor y = leaf.add(2);
        Tensor z = y.mul(y).mul(2);
        assertThrows(AutogradException.class, z::backward);
        z.backward(Tensor.of(v));
        for (int i = 0; i < 3; i++) {
            assertEquals(v[i] * 4 * (x[i] + 2), leaf.grad().get(i), 1e-12);
        }
        AutogradException e = assertThrows(AutogradException.class, () -> z.backward(Tensor.of(1, 2)));
        assertEquals(
                "Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of"
                        + " torch.Size([3]).",
                e.getMessage());
    }

    @Test
    void shapeErrors() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Tensor.ones(3).add(Tensor.ones(4)));
        assertEquals(
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ones(3).dot(Tensor.ones(2)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ones(1).dot(Tensor.scalar(1)));
        assertThrows(IllegalStateException.class, () -> Tensor.ones(3).item());
    }

    @Test
    void valuesAreCopies() {
        double[] source = {1, 2};
        Tensor t = Tensor.of(source);
        source[0] = 9;
        t.values()[1] = 9;
        assertArrayEquals(new double[] {1, 2}, t.values());
        assertEquals(2, t.size());
        assertEquals(1, t.dim());
        assertEquals(0, t.sum().dim());
        assertEquals(3.0, t.sum().item());
    }

    @Test
    void aMillionOperationChainNeitherOverflowsNorCrawls() {
        long start = System.nanoTime();
        Tensor x = Tensor.scalar(1.0).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.mul(1.000001);
        }
        y.backward();
        assertEquals(Math.pow(1.000001, 1_000_000), x.grad().item(), 1e-9);

        Tensor w = Tensor.of(0.5).requiresGrad(true);
        Tensor s = w;
        for (int i = 0; i < 1_000_000; i++) {
            s = s.add(w); // w feeds every node: one leaf with a million consumers
        }
        s.sum().backward();
        assertEquals(1_000_001.0, w.grad().item());
        double seconds = (System.nanoTime() - start) / 1e9;
        // (seconds alone; a sweep quadratic in the graph's size takes hours: the margin is for a machine whose cores
        // several builds share, since the clock measures wall time, not work)
        assertTrue(seconds < 60, "two million-operation graphs took " + seconds + " s");
    }
}
