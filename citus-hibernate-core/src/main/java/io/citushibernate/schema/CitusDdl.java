package io.citushibernate.schema;

import io.citushibernate.internal.schema.CitusSchema;
import io.citushibernate.CitusHibernateException;
import io.citushibernate.internal.mapping.TenantModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The complete Citus DDL of a set of entities, for teams that manage their schema with Liquibase
 * or Flyway: Hibernate's create script with the composite keys, followed by the
 * {@code create_reference_table} and {@code create_distributed_table} calls in dependency order.
 * No database is needed; the mapping is validated as at boot.
 *
 * <pre>
 * java -cp app-and-deps io.citushibernate.schema.CitusDdl com.example.Store com.example.Product ...
 * java -cp app-and-deps io.citushibernate.schema.CitusDdl --unit shop
 * </pre>
 */
public final class CitusDdl {
  private static final String USAGE = "usage: CitusDdl <entity class name>... | --unit <persistence unit name>";

  private CitusDdl() {
  }

  /** The Citus DDL script of {@code entities}, one statement per line, each ending with {@code ;}. */
  public static String script(List<Class<?>> entities) {
    return script(entities, Map.of());
  }

  /**
   * The Citus DDL script of {@code entities} under extra Hibernate {@code settings} (naming
   * strategies, {@code hibernate.default_schema}, ...).
   *
   * @throws io.citushibernate.CitusMappingException when Citus cannot distribute the mapping
   */
  public static String script(List<Class<?>> entities, Map<String, Object> settings) {
    Map<String, Object> boot = new HashMap<>(settings);
    boot.putIfAbsent("hibernate.dialect", PostgreSQLDialect.class.getName());
    // A script needs no database: keep Hibernate from connecting for JDBC metadata.
    boot.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(boot).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      Metadata metadata = sources.buildMetadata();
      CitusSchema.applyForScript(metadata, TenantModel.of(metadata), boot);
      StringWriter out = new StringWriter();
      Map<String, Object> export = new HashMap<>(boot);
      export.put("jakarta.persistence.schema-generation.database.action", "none");
      export.put("jakarta.persistence.schema-generation.scripts.action", "create");
      export.put("jakarta.persistence.schema-generation.scripts.create-target", out);
      export.put("hibernate.hbm2ddl.delimiter", ";");
      export.put("hibernate.format_sql", "false");
      SchemaManagementToolCoordinator.process(metadata, registry, export,
          DelayedDropRegistryNotAvailableImpl.INSTANCE);
      return out.toString();
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  /** Prints the script of the entities named on the command line, or of a persistence unit. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args.length == 1 && args[0].equals("--unit")) {
      err.println(USAGE);
      return 2;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      List<String> classNames;
      Map<String, Object> settings = Map.of();
      if (args[0].equals("--unit")) {
        Unit unit = unit(loader, args[1]);
        classNames = unit.classes;
        settings = unit.properties;
      } else {
        classNames = List.of(args);
      }
      List<Class<?>> entities = new ArrayList<>();
      for (String name : classNames) {
        entities.add(Class.forName(name, true, loader));
      }
      out.print(script(entities, settings));
      out.flush();
      return 0;
    } catch (ClassNotFoundException e) {
      err.println("Entity class not found on the class path: " + e.getMessage());
      return 1;
    } catch (HibernateException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** What a persistence unit lists: its managed classes and its properties. */
  private record Unit(List<String> classes, Map<String, Object> properties) {
  }

  /**
   * Reads a unit's {@code <class>} and {@code <property>} elements from every
   * {@code META-INF/persistence.xml} on the class path. Classes are not scanned: list them.
   */
  private static Unit unit(ClassLoader loader, String name) {
    try {
      DocumentBuilder parser = parser();
      for (URL url : Collections.list(loader.getResources("META-INF/persistence.xml"))) {
        Document document;
        try (InputStream in = url.openStream()) {
          document = parser.parse(in);
        }
        for (Element unit : children(document.getDocumentElement(), "persistence-unit")) {
          if (!name.equals(unit.getAttribute("name"))) {
            continue;
          }
          List<String> classes = new ArrayList<>();
          for (Element c : children(unit, "class")) {
            classes.add(c.getTextContent().trim());
          }
          Map<String, Object> properties = new LinkedHashMap<>();
          for (Element holder : children(unit, "properties")) {
            for (Element p : children(holder, "property")) {
              String key = p.getAttribute("name");
              // Connection and schema-action settings belong to the application, not the script.
              if (!key.contains("schema-generation") && !key.contains("hbm2ddl") && !key.contains(".jdbc.")
                  && !key.contains("connection")) {
                properties.put(key, p.getAttribute("value"));
              }
            }
          }
          if (classes.isEmpty()) {
            throw new CitusHibernateException("Persistence unit '" + name + "' in " + url + " lists no <class>; "
                + "CitusDdl does not scan for entities. List them in the unit or on the command line.");
          }
          return new Unit(classes, properties);
        }
      }
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new CitusHibernateException("Cannot read META-INF/persistence.xml: " + e.getMessage(), e);
    }
    throw new CitusHibernateException("No persistence unit named '" + name
        + "' in any META-INF/persistence.xml on the class path");
  }

  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder();
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }
}
