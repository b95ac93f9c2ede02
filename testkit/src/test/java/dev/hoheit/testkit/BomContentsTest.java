package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists exactly the published libraries, at the project's version, with no scopes and no parent. */
class BomContentsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bom_lists_only_the_published_libraries_without_scopes() throws Exception {
        Document bom = parse(ROOT.resolve("bom/pom.xml"));
        String version = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");

        assertEquals(0, bom.getElementsByTagName("parent").getLength(), "the BOM has no parent");
        assertEquals(version, text(bom.getDocumentElement(), "version"), "BOM version follows the project version");

        NodeList dependencies = bom.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("dev.hoheit", text(dependency, "groupId"));
            assertEquals(version, text(dependency, "version"));
            assertEquals(0, dependency.getElementsByTagName("scope").getLength(), "no scope in the BOM");
            artifacts.add(text(dependency, "artifactId"));
        }
        assertEquals(List.of("hoheit-transaction", "hoheit-consent", "hoheit-audit", "hoheit-retention",
                "hoheit-spring-boot-starter"), artifacts);
        assertTrue(Files.readString(ROOT.resolve("bom/pom.xml")).contains("<packaging>pom</packaging>"));
    }

    private static Document parse(Path path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(path.toFile());
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent().strip();
            }
        }
        throw new AssertionError("<" + child + "> missing in <" + parent.getTagName() + ">");
    }
}
