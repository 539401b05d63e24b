package dev.adjoint.generator.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the fuzzer's programs hold: constructs it is meant to generate do appear. */
class ProgramGeneratorTest {

    @Test
    void someProgramsSwitchOverAnEnumTheirFileDeclares() {
        ProgramGenerator g = new ProgramGenerator();
        int enumSwitches = 0;
        for (int i = 0; i < 300; i++) {
            String source = g.program(4242, i).source();
            if (source.contains("switch (mode)")) {
                assertTrue(source.contains("    enum Mode { ZERO, ONE, TWO, THREE, FOUR }"), source);
                enumSwitches++;
            }
        }
        assertTrue(enumSwitches >= 5, enumSwitches + " of 300 programs switch over an enum");
    }
}
