package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleLogTest {
    @Test
    void everyLineNamesTheModule() {
        RecordingLog inner = new RecordingLog();
        ModuleLog log = new ModuleLog(inner, "model");
        log.info("adjoint: p.Model#loss: static");
        log.warn("adjoint: p.Model#f: tape, because ...");
        log.error("/src/p/Model.java:[3,1] try is not supported");
        assertEquals(
                List.of(
                        "INFO [model] adjoint: p.Model#loss: static",
                        "WARNING [model] adjoint: p.Model#f: tape, because ...",
                        "ERROR [model] /src/p/Model.java:[3,1] try is not supported"),
                inner.lines);
    }
}
