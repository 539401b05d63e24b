package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class GeneratorCallTest {
    @Test
    void passesTheValueThrough() throws MojoExecutionException {
        assertEquals("ok", GeneratorCall.run("x", () -> "ok"));
    }

    @Test
    void aFileSystemErrorBecomesAMojoExecutionException() {
        UncheckedIOException io = new UncheckedIOException("cannot read /a/B.java", new IOException("denied"));
        MojoExecutionException e = assertThrows(
                MojoExecutionException.class,
                () -> GeneratorCall.run("generating adjoints", () -> {
                    throw io;
                }));
        assertSame(io, e.getCause());
        assertEquals(
                "adjoint: generating adjoints failed on a file system error: cannot read /a/B.java"
                        + " (java.io.IOException: denied)",
                e.getMessage());
    }

    @Test
    void aGeneratorBugBecomesAMojoExecutionException() {
        IllegalStateException bug = new IllegalStateException("boom");
        MojoExecutionException e = assertThrows(
                MojoExecutionException.class,
                () -> GeneratorCall.run("generating adjoints", () -> {
                    throw bug;
                }));
        assertSame(bug, e.getCause());
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: boom"), e.getMessage());
    }
}
