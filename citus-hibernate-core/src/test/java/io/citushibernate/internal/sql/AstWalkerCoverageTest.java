package io.citushibernate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeOperationVisitor;
import net.sf.jsqlparser.statement.piped.PipeOperator;
import net.sf.jsqlparser.statement.piped.PipeOperatorVisitor;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Pivot;
import net.sf.jsqlparser.statement.select.PivotVisitor;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.Test;

/**
 * Fails when the JSqlParser on the classpath has a node the walk does not know, so that an
 * upgrade cannot add a clause the walk silently skips (a table it would leave unscoped):
 * <ul>
 *   <li>every visit method of the visitor interfaces the walk implements is its own, not a
 *   default method JSqlParser added (a default visit skips the node);
 *   <li>every concrete class of each node family (expressions, statements, FROM items, queries,
 *   MERGE actions, pipe operators, pivots) has a visit method of its own, or is listed below with
 *   the visit method it is handed to;
 *   <li>the classes of the syntax tree that can hold a table or a query, and the fields through
 *   which they can, are those listed in {@code jsqlparser-tree.txt}, which the walk was written
 *   against. When JSqlParser changes them, walk what changed and update the list from
 *   {@code target/jsqlparser-tree.txt}.
 * </ul>
 */
class AstWalkerCoverageTest {
  private static final String AST = "net.sf.jsqlparser.";
  private static final List<Class<?>> WALKS =
      List.of(AstStatements.class, AstQueries.class, AstFromItems.class, AstExpressions.class);

  /** Each node family, and the visitor its nodes accept. */
  private static final Map<Class<?>, Class<?>> FAMILIES = new LinkedHashMap<>();

  static {
    FAMILIES.put(Expression.class, ExpressionVisitor.class);
    FAMILIES.put(Statement.class, StatementVisitor.class);
    FAMILIES.put(FromItem.class, FromItemVisitor.class);
    FAMILIES.put(Select.class, SelectVisitor.class);
    FAMILIES.put(MergeOperation.class, MergeOperationVisitor.class);
    FAMILIES.put(PipeOperator.class, PipeOperatorVisitor.class);
    FAMILIES.put(Pivot.class, PivotVisitor.class);
  }

  /**
   * Nodes without a visit method of their own in a visitor, and the node type whose visit method
   * they are handed to (read from their {@code accept} methods).
   */
  private static final Map<Class<?>, Map<String, Class<?>>> HANDED_ON = Map.of(
      ExpressionVisitor.class, Map.ofEntries(
          // HAVING of an aggregate hands the visitor to its expression
          Map.entry("expression.Function$HavingClause", Expression.class),
          Map.entry("expression.Parenthesis", ExpressionList.class),
          Map.entry("expression.PartitionByClause", ExpressionList.class),
          Map.entry("expression.operators.relational.NamedExpressionList", ExpressionList.class),
          Map.entry("expression.operators.relational.ParenthesedExpressionList", ExpressionList.class),
          Map.entry("expression.RawFunction", Function.class),
          // a FROM item only; walked by AstFromItems
          Map.entry("statement.select.TableFunction", Function.class),
          Map.entry("statement.select.LateralSubSelect", ParenthesedSelect.class),
          Map.entry("statement.select.PlainSelect", Select.class),
          Map.entry("statement.select.SetOperationList", Select.class),
          Map.entry("statement.select.Values", Select.class),
          Map.entry("statement.select.TableStatement", Select.class),
          Map.entry("statement.select.PivotQuery", Select.class)),
      StatementVisitor.class, Map.ofEntries(
          Map.entry("statement.create.function.CreateFunction", CreateFunctionalStatement.class),
          Map.entry("statement.create.procedure.CreateProcedure", CreateFunctionalStatement.class),
          Map.entry("statement.select.PlainSelect", Select.class),
          Map.entry("statement.select.SetOperationList", Select.class),
          Map.entry("statement.select.ParenthesedSelect", Select.class),
          Map.entry("statement.select.LateralSubSelect", Select.class),
          Map.entry("statement.select.Values", Select.class),
          Map.entry("statement.select.TableStatement", Select.class),
          Map.entry("statement.select.PivotQuery", Select.class),
          Map.entry("statement.piped.FromQuery", Select.class)));

  @Test
  void everyVisitMethodIsTheWalksOwn() {
    List<String> inherited = new ArrayList<>();
    for (Class<?> walk : WALKS) {
      for (Class<?> visitor : walk.getInterfaces()) {
        for (Method method : visitor.getMethods()) {
          if (method.getName().equals("visit") && method.getParameterCount() == 2) {
            try {
              if (walk.getMethod("visit", method.getParameterTypes()).getDeclaringClass() != walk) {
                inherited.add(walk.getSimpleName() + " inherits " + method);
              }
            } catch (NoSuchMethodException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
    }
    assertThat(inherited).as("visit methods the walk leaves to JSqlParser's defaults").isEmpty();
  }

  @Test
  void everyNodeHasAVisitMethodOrIsHandedToOne() throws IOException {
    Set<Class<?>> implemented = new HashSet<>();
    WALKS.forEach(walk -> implemented.addAll(Arrays.asList(walk.getInterfaces())));
    List<String> unhandled = new ArrayList<>();
    for (Map.Entry<Class<?>, Class<?>> family : FAMILIES.entrySet()) {
      Class<?> visitor = family.getValue();
      assertThat(implemented).contains(visitor);
      Set<Class<?>> visited = new HashSet<>();
      for (Method method : visitor.getMethods()) {
        if (method.getName().equals("visit") && method.getParameterCount() == 2) {
          visited.add(method.getParameterTypes()[0]);
        }
      }
      Map<String, Class<?>> handedOn = HANDED_ON.getOrDefault(visitor, Map.of());
      for (Class<?> node : nodeClasses()) {
        if (!family.getKey().isAssignableFrom(node) || Modifier.isAbstract(node.getModifiers())
            || visited.contains(node)) {
          continue;
        }
        Class<?> to = handedOn.get(name(node));
        if (to == null || !to.isAssignableFrom(node) || !visited.contains(to) && to != Expression.class) {
          unhandled.add(visitor.getSimpleName() + " has no visit method for " + node.getName());
        }
      }
    }
    assertThat(unhandled).isEmpty();
  }

  @Test
  void theSyntaxTreeIsTheOneTheWalkWasWrittenFor() throws IOException {
    List<String> expected;
    try (InputStream in = AstWalkerCoverageTest.class.getResourceAsStream("jsqlparser-tree.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
    List<String> actual = treeShape();
    if (!actual.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/jsqlparser-tree.txt"), actual);
    }
    Set<String> added = new TreeSet<>(actual);
    added.removeAll(expected);
    Set<String> removed = new TreeSet<>(expected);
    removed.removeAll(actual);
    assertThat(added).as("classes and fields of JSqlParser's tree that can hold a table or a query, new or changed "
        + "since the walk was written: walk them, then update jsqlparser-tree.txt from target/jsqlparser-tree.txt")
        .isEmpty();
    assertThat(removed).as("gone from JSqlParser's tree: update jsqlparser-tree.txt from target/jsqlparser-tree.txt")
        .isEmpty();
  }

  /**
   * One line per class of the tree that can hold a table or a query: its name, then the fields it
   * declares through which it can ({@code []} for the elements of a list class).
   */
  private static List<String> treeShape() throws IOException {
    List<Class<?>> nodes = nodeClasses();
    Set<Class<?>> holders = new HashSet<>(List.of(Table.class, PlainSelect.class, Insert.class, Update.class,
        Delete.class));
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Class<?> node : nodes) {
        if (!holders.contains(node) && !holdingFields(node, nodes, holders, true).isEmpty()) {
          grew = holders.add(node);
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (Class<?> node : nodes) {
      if (holders.contains(node)) {
        List<String> fields = holdingFields(node, nodes, holders, false);
        lines.add(name(node) + (fields.isEmpty() ? "" : ": " + String.join(" ", fields)));
      }
    }
    return lines;
  }

  /** The fields of {@code node} (and its superclasses when {@code inherited}) that can hold a holder. */
  private static List<String> holdingFields(Class<?> node, List<Class<?>> nodes, Set<Class<?>> holders,
      boolean inherited) {
    List<String> fields = new ArrayList<>();
    if (Collection.class.isAssignableFrom(node) && mayHold(node.getGenericSuperclass(), nodes, holders)) {
      fields.add("[]");
    }
    for (Class<?> c = node; c != null && c.getName().startsWith(AST); c = inherited ? c.getSuperclass() : null) {
      List<String> declared = new ArrayList<>();
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
            && mayHold(field.getGenericType(), nodes, holders)) {
          declared.add(field.getName());
        }
      }
      declared.sort(null);
      fields.addAll(declared);
    }
    return fields;
  }

  /** Whether a value of {@code type} can be, or hold, one of {@code holders}. */
  private static boolean mayHold(Type type, List<Class<?>> nodes, Set<Class<?>> holders) {
    if (type instanceof ParameterizedType p) {
      return mayHold(p.getRawType(), nodes, holders)
          || Arrays.stream(p.getActualTypeArguments()).anyMatch(a -> mayHold(a, nodes, holders));
    }
    if (type instanceof WildcardType w) {
      return Arrays.stream(w.getUpperBounds()).anyMatch(b -> mayHold(b, nodes, holders));
    }
    if (type instanceof TypeVariable<?> v) { // its bounds, without following bounds that name the variable again
      return Arrays.stream(v.getBounds())
          .map(b -> b instanceof ParameterizedType p ? p.getRawType() : b)
          .anyMatch(b -> !(b instanceof TypeVariable<?>) && mayHold(b, nodes, holders));
    }
    if (type instanceof GenericArrayType a) {
      return mayHold(a.getGenericComponentType(), nodes, holders);
    }
    Class<?> c = (Class<?>) type;
    if (c == Object.class || c == java.io.Serializable.class) {
      return true;
    }
    if (c.isArray()) {
      return mayHold(c.getComponentType(), nodes, holders);
    }
    return isNode(c) && nodes.stream().anyMatch(n -> c.isAssignableFrom(n) && holders.contains(n));
  }

  /** The classes of JSqlParser's syntax tree: all of its jar but the parser, the utilities and the visitors. */
  private static List<Class<?>> nodeClasses() throws IOException {
    Path jar;
    try {
      jar = Path.of(Statement.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    List<Class<?>> nodes = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.endsWith(".class") && !entry.equals("module-info.class")) {
          String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
          try {
            Class<?> c = Class.forName(className, false, AstWalkerCoverageTest.class.getClassLoader());
            if (isNode(c) && !c.isInterface() && !c.isAnonymousClass()) {
              nodes.add(c);
            }
          } catch (ClassNotFoundException e) {
            throw new IOException(e);
          }
        }
      }
    }
    nodes.sort((a, b) -> a.getName().compareTo(b.getName()));
    return nodes;
  }

  private static boolean isNode(Class<?> c) {
    String name = c.getName();
    return name.startsWith(AST) && !name.startsWith(AST + "parser.") && !name.startsWith(AST + "util.")
        && !isVisitor(c);
  }

  private static boolean isVisitor(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getSimpleName().endsWith("Visitor")
          || Arrays.stream(k.getInterfaces()).anyMatch(AstWalkerCoverageTest::isVisitor)) {
        return true;
      }
    }
    return false;
  }

  private static String name(Class<?> node) {
    return node.getName().substring(AST.length());
  }
}
