package dev.adjoint.generator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Differential fuzzing: {@link Fuzzer} over {@code adjoint.fuzz.programs} random programs (200 by
 * default) from {@code adjoint.fuzz.seed} (a fixed seed by default, so that CI checks the same
 * programs every time). The report, ending with {@code N programs, M mismatches}, is printed and
 * written to {@code target/fuzz/report.txt}.
 *
 * <p>Any number from any seed: {@code ./mvnw -B -Pfuzz -pl runtime,generator test
 * -Dadjoint.fuzz.programs=N -Dadjoint.fuzz.seed=S} or {@code scripts/fuzz.sh N S}; one program of
 * a run again: {@code -Dadjoint.fuzz.first=I -Dadjoint.fuzz.programs=1}. The test fails on a
 * mismatch unless {@code -Dadjoint.fuzz.failOnMismatch=false} (what the profile sets, so that a
 * long hunt prints its report and the build still succeeds).
 */
class DifferentialFuzzTest {
    static final int PROGRAMS = Integer.getInteger("adjoint.fuzz.programs", 200);
    static final long SEED = Long.getLong("adjoint.fuzz.seed", 20240611L);
    static final int FIRST = Integer.getInteger("adjoint.fuzz.first", 0);
    static final boolean FAIL_ON_MISMATCH =
            Boolean.parseBoolean(System.getProperty("adjoint.fuzz.failOnMismatch", "true"));

    @Test
    @ResourceLock(
            value = Resources.SYSTEM_OUT,
            mode = ResourceAccessMode.READ) // OrdinaryStatementsTest replaces System.out
    void staticAndTapeAgreeWithEachOtherAndWithCentralDifferences() throws IOException {
        Fuzzer.Report report = Fuzzer.run(Fuzzer.Config.of(SEED, PROGRAMS).withFirst(FIRST));
        String text = report.describe();
        Path out = Path.of("target", "fuzz", "report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(PROGRAMS, report.programs());
        if (FAIL_ON_MISMATCH && !report.mismatches().isEmpty()) {
            fail(text);
        }
        // the checks did check: the programs that ran were compared with central differences
        int ran = report.programs() - report.mismatches().size() - report.rejected();
        assertTrue(report.points() >= ran, report.summaryLine() + ": only " + report.points() + " points checked");
    }
}
