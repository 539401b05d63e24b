package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's documentation page, {@code maven-plugin/PLUGIN.md}, generated from the plugin
 * descriptor the build writes ({@code META-INF/maven/plugin.xml}: every goal, its phase, every
 * parameter with its property, default and description), so that it can never drift from the
 * code. A changed descriptor fails this test until the page is regenerated:
 * {@code ./mvnw -pl maven-plugin -am test -Dtest=PluginDocTest -Dadjoint.updateGoldens=true}.
 */
class PluginDocTest {
    private static final Path PAGE = Path.of("PLUGIN.md");

    @Test
    void thePageIsTheDescriptors() throws Exception {
        Document d = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        StringBuilder md = new StringBuilder(
                "# adjoint-maven-plugin: goals and parameters\n\n"
                        + "Generated from the plugin descriptor by `PluginDocTest`; do not edit. `./mvnw adjoint:help -Ddetail` prints the same.\n");
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            md.append("\n## `adjoint:")
                    .append(goal)
                    .append("`\n\n")
                    .append(text(mojo, "description"))
                    .append('\n');
            String phase = text(mojo, "phase");
            if (!phase.isEmpty()) {
                md.append("\nBound by default to the `").append(phase).append("` phase.\n");
            }
            Element config =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList params =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            StringBuilder rows = new StringBuilder();
            for (int p = 0; p < params.getLength(); p++) {
                Element param = (Element) params.item(p);
                if (!"true".equals(text(param, "editable"))) {
                    continue; // read-only wiring (the project, the session)
                }
                String name = text(param, "name");
                Element c = config == null
                        ? null
                        : (Element) config.getElementsByTagName(name).item(0);
                String property = c == null ? "" : c.getTextContent().replaceAll("^\\$\\{(.*)\\}$", "$1");
                String def = c == null || !c.hasAttribute("default-value") ? "" : c.getAttribute("default-value");
                rows.append("| `")
                        .append(name)
                        .append("` | ")
                        .append(property.isEmpty() ? "" : "`" + property + "`")
                        .append(" | ")
                        .append(def.isEmpty() ? "" : "`" + def + "`")
                        .append(" | ")
                        .append(text(param, "description").replace("|", "\\|"))
                        .append(" |\n");
            }
            if (rows.length() > 0) {
                md.append("\n| parameter | property | default | meaning |\n|---|---|---|---|\n")
                        .append(rows);
            }
        }
        String page = md.toString();
        if (Boolean.getBoolean("adjoint.updateGoldens")) {
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
        }
        assertEquals(
                Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "",
                page,
                "maven-plugin/PLUGIN.md is not the descriptor's page: regenerate it with -Dadjoint.updateGoldens=true");
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) {
            if (n.item(i).getParentNode() == e) {
                return n.item(i).getTextContent().strip();
            }
        }
        return "";
    }
}
