package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark inputs: ADBench's shapes, its distributions, reproducible; or ADBench's own files. */
class GmmDataTest {

    @Test
    void generatedInputsHaveAdbenchShapesAndAreReproducible() {
        GmmInput a = GmmData.generate("d10_K5", GmmData.DEFAULT_SEED);
        GmmInput b = GmmData.generate("d10_K5", GmmData.DEFAULT_SEED);
        assertEquals(10, a.d());
        assertEquals(5, a.k());
        assertEquals(1000, a.n());
        assertEquals(5 + 50 + 275, a.parameterCount());
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.icf(), b.icf());
        assertEquals(1.0, a.gamma());
        assertEquals(0, a.m());
        assertEquals(a, GmmData.load("d10_K5", "generated"));
    }

    @Test
    void generatedInputsFollowAdbenchsDistributions() {
        GmmInput g = GmmData.generate("d20_K25", GmmData.DEFAULT_SEED);
        for (double mu : g.means()) {
            assertTrue(mu >= 0 && mu <= 1, "means are uniform on [0, 1)");
        }
        double sum = 0;
        double sq = 0;
        for (double v : g.x()) {
            sum += v;
            sq += v * v;
            assertEquals(v, Math.rint(v * 1e6) / 1e6, 1e-12, "six decimals, like ADBench's files");
        }
        double mean = sum / g.x().length;
        double var = sq / g.x().length - mean * mean;
        assertEquals(0.0, mean, 0.02, "x ~ N(0, 1)");
        assertEquals(1.0, var, 0.03, "x ~ N(0, 1)");
        assertTrue(Double.isFinite(Gmm.objective(g)));
    }

    @Test
    void rejectsMalformedSizes() {
        assertThrows(IllegalArgumentException.class, () -> GmmData.generate("d10K5", 1));
    }

    /** {@code -p data=<dir>}: ADBench's {@code gmm_d{D}_K{K}.txt} from a directory. */
    @Test
    void loadsAdbenchsFilesFromADirectory(@TempDir Path dir) throws IOException {
        try (InputStream in = GmmDataTest.class.getResourceAsStream("/dev/adjoint/benchmarks/gmm/adbench_test.txt")) {
            Files.copy(in, dir.resolve("gmm_d2_K3.txt"));
        }
        GmmInput t = GmmData.load("d2_K3", dir.toString());
        assertEquals(-0.649014, t.alphas()[0]);
        assertEquals(3 + 3 * 2 + 3 * 3, t.parameterCount());
        assertEquals(1, t.n());
        assertThrows(java.io.UncheckedIOException.class, () -> GmmData.load("d2_K5", dir.toString()));
    }
}
