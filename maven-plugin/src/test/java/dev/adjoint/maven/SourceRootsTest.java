package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootsTest {
    @TempDir
    Path base;

    private String dir(String relative) {
        return base.resolve(relative).toString();
    }

    @Test
    void dropsTheOutputDirectoryAndWhatIsInsideIt() {
        File output = new File(dir("target/generated-sources/adjoint"));
        List<Path> roots = SourceRoots.excluding(
                List.of(
                        dir("src/main/java"),
                        dir("target/generated-sources/adjoint"),
                        dir("target/generated-sources/adjoint/nested"),
                        dir("target/generated-sources/annotations")),
                output);
        assertEquals(
                List.of(base.resolve("src/main/java"), base.resolve("target/generated-sources/annotations")), roots);
    }

    @Test
    void comparesNormalizedPaths() {
        File output = new File(dir("target/../target/generated-sources/adjoint/"));
        List<Path> roots =
                SourceRoots.excluding(List.of(dir("target/generated-sources/./adjoint"), dir("src/main/java")), output);
        assertEquals(List.of(base.resolve("src/main/java")), roots);
    }

    @Test
    void aSiblingWithTheSamePrefixIsKept() {
        File output = new File(dir("target/generated-sources/adjoint"));
        List<Path> roots = SourceRoots.excluding(List.of(dir("target/generated-sources/adjoint-other")), output);
        assertEquals(List.of(base.resolve("target/generated-sources/adjoint-other")), roots);
    }

    @Test
    void keepsOrderAndDropsDuplicatesAndBlanks() {
        File output = new File(dir("out"));
        List<Path> roots = SourceRoots.excluding(List.of(dir("b"), dir("a"), dir("b/"), " "), output);
        assertEquals(List.of(base.resolve("b"), base.resolve("a")), roots);
    }

    @Test
    void dropsEveryOutputDirectoryGiven() {
        // generate-test reads neither its own output nor the gradient tests generate wrote
        List<Path> roots = SourceRoots.excluding(
                List.of(
                        dir("src/test/java"),
                        dir("target/generated-test-sources/adjoint-checks"),
                        dir("target/generated-test-sources/adjoint")),
                List.of(
                        new File(dir("target/generated-test-sources/adjoint")),
                        new File(dir("target/generated-test-sources/adjoint-checks"))));
        assertEquals(List.of(base.resolve("src/test/java")), roots);
    }
}
