package dev.adjoint.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogradTourTest {
    private static final String GOLDEN = "autograd-tour-seed-42.txt";

    private static String tour(long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            AutogradTour.run(out, seed);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void wholeOutputForSeed42MatchesTheGolden() throws IOException {
        String actual = tour(42);
        try (InputStream in = AutogradTourTest.class.getResourceAsStream(GOLDEN)) {
            assertNotNull(
                    in,
                    "missing golden src/test/resources/dev/adjoint/samples/tour/" + GOLDEN + "; the tour printed:\n"
                            + actual);
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"), actual);
        }
    }

    /** The tour without the code it echoes: what the notebook's cells print. */
    private static String printed(long seed) {
        StringBuilder b = new StringBuilder();
        tour(seed)
                .lines()
                .filter(l -> !l.startsWith(AutogradTour.CODE_INDENT))
                .forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    @Test
    void eachCellShowsItsJavaBeforeItsOutput() {
        String out = tour(42);
        assertTrue(
                out.startsWith(
                        "In [68]:\n  | x = Tensor.randn(3, rnd).requiresGrad(true);   // x = torch.randn(3, requires_grad=True)\n"
                                + "  | out.println(x);"),
                out);
        assertTrue(out.contains("In [76]:\n  | v = Tensor.of(0.1, 1.0, 0.001);"), out);
        assertTrue(out.contains("  |     weights.grad().zero_();"), out);
        assertEquals(16, out.lines().filter(l -> l.startsWith("In [")).count());
        for (String block : out.split("\n\nIn \\[")) {
            assertTrue(
                    block.lines().skip(1).findFirst().orElse("").startsWith(AutogradTour.CODE_INDENT),
                    "code first in: " + block);
        }
    }

    @Test
    void sameSeedSameOutput() {
        assertEquals(tour(7), tour(7));
    }

    /** The cells that draw no random numbers print the notebook's own lines, whatever the seed. */
    @Test
    void deterministicCellsPrintTheNotebooksLines() {
        for (long seed : new long[] {42, 1, 2024}) {
            String out = printed(seed);
            for (String expected : List.of(
                    "In [73]:\nRuntimeError: element 0 of tensors does not require grad and does not have a grad_fn\n",
                    "\nRuntimeError: grad can be implicitly created only for scalar outputs\n\nIn [76]:\n",
                    "In [78]:\nTrue\nFalse\n",
                    "In [79]:\nTrue\nFalse\n",
                    "In [80]:\nTrue\nFalse\n",
                    "In [81]:\ntensor([3., 3., 3., 3.])\n\n",
                    "In [82]:\ntensor([3., 3., 3., 3.])\ntensor([6., 6., 6., 6.])\n\n",
                    "In [83]:\ntensor([3., 3., 3., 3.])\ntensor([6., 6., 6., 6.])\ntensor([9., 9., 9., 9.])\n\n",
                    "In [84]:\ntensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\n")) {
                assertTrue(out.contains(expected), "seed " + seed + ": missing\n" + expected + "\nin\n" + out);
            }
            assertTrue(out.endsWith(
                    "In [84]:\ntensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\n"));
        }
    }

    @Test
    void randomCellsPrintInTheNotebooksShapes() {
        String[] lines = printed(42).split("\n");
        assertEquals("In [68]:", lines[0]);
        assertTrue(lines[1].matches("tensor\\(\\[[-., 0-9e+]+\\], requires_grad=True\\)"), lines[1]);
        assertTrue(lines[4].matches("tensor\\(\\[[-., 0-9e+]+\\], grad_fn=<AddBackward0>\\)"), lines[4]);
        assertTrue(lines[7].matches("tensor\\(\\[[-., 0-9e+]+\\], grad_fn=<MulBackward0>\\)"), lines[7]);
        assertTrue(lines[10].matches("tensor\\([-.0-9e+]+, grad_fn=<MeanBackward0>\\)"), lines[10]);
        assertEquals(lines[1], lines[13], "cell 72 prints x unchanged");
        assertTrue(lines[14].matches("tensor\\(\\[[-., 0-9e+]+\\]\\)"), lines[14]);
    }
}
