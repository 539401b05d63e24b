package dev.adjoint.maven;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoFailureException;

/** The charset named by {@code project.build.sourceEncoding}. */
final class SourceEncoding {
    private SourceEncoding() {}

    /** The charset {@code name} names; UTF-8 when it is empty; a build failure that says why when the JDK knows no such charset. */
    static Charset of(String name) throws MojoFailureException {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    "adjoint: project.build.sourceEncoding '" + name + "' is not a charset this JDK knows"
                            + " (UTF-8, ISO-8859-1, windows-1252, ...); set it to the encoding the sources are saved in");
        }
    }
}
