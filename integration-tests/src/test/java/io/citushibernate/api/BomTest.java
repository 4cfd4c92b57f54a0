package io.citushibernate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * citus-hibernate-bom has no parent (so importing it manages nothing but this project's artifacts),
 * hence its own version: it must stay the project's, and list every published module, that is
 * every module of the build that is deployed.
 */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final String BOM = "citus-hibernate-bom";

  @Test
  void theBomHasTheProjectsVersionAndNoParent() throws Exception {
    Element bom = pom(BOM);
    assertThat(child(bom, "parent")).as("the BOM must not inherit the parent's dependencyManagement").isNull();
    assertThat(text(bom, "version")).as(BOM + "/pom.xml <version>")
        .isEqualTo(text(pom("."), "version"));
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheProjectsVersion() throws Exception {
    List<String> published = new ArrayList<>();
    for (Element module : children(child(pom("."), "modules"), "module")) {
      Element pom = pom(module.getTextContent());
      Element properties = child(pom, "properties");
      boolean deployed = properties == null || !"true".equals(text(properties, "maven.deploy.skip"));
      if (deployed && !module.getTextContent().equals(BOM)) {
        published.add(text(pom, "artifactId"));
      }
    }
    Element managed = child(child(pom(BOM), "dependencyManagement"), "dependencies");
    List<String> listed = new ArrayList<>();
    for (Element dependency : children(managed, "dependency")) {
      assertThat(text(dependency, "groupId")).isEqualTo("io.citushibernate");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      listed.add(text(dependency, "artifactId"));
    }
    assertThat(listed).as("the artifacts managed by " + BOM + " (add a new published module there)")
        .containsExactlyInAnyOrderElementsOf(published);
  }

  private static Element pom(String module) throws Exception {
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve(module).resolve("pom.xml").toFile());
    return document.getDocumentElement();
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
