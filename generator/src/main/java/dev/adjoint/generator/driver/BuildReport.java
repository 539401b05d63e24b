package dev.adjoint.generator.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * The build report, {@code report.md}: one row per differentiated method with the strategy it got
 * and, for a tape fallback, the construct and position that forced it.
 */
public final class BuildReport {
    private BuildReport() {}

    /**
     * The report for {@code methods} ({@code p.Model#loss: static}, as the translation lists them).
     * The caller writes it with the generated files, and only when it changed, so that a rerun
     * without changes touches no file.
     */
    public static String content(List<String> methods) {
        List<String> lines = new ArrayList<>();
        lines.add("# Adjoint build report");
        lines.add("");
        lines.add("| method | strategy | why |");
        lines.add("|---|---|---|");
        for (String m : methods) {
            int colon = m.indexOf(": ");
            String method = m.substring(0, colon);
            String rest = m.substring(colon + 2);
            String strategy = rest.startsWith("tape") ? "tape" : rest;
            String why = rest.startsWith("tape, because ")
                    ? rest.substring("tape, because ".length())
                    : rest.equals("tape (requested)") ? "strategy = TAPE" : "";
            lines.add("| `" + method + "` | " + strategy + " | " + why.replace("|", "\\|") + " |");
        }
        return String.join("\n", lines) + "\n";
    }
}
