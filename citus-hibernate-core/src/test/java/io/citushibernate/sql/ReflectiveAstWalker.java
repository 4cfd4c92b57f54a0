package io.citushibernate.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The walker {@link AstWalker} replaced, kept as an oracle: it reaches every node by reading the
 * fields of JSqlParser's classes by reflection, so it cannot skip a clause; {@link AstWalker} must
 * find the same scopes and tables in the same order. Test code only: it needs
 * {@code setAccessible} on JSqlParser's private fields.
 */
final class ReflectiveAstWalker {
  private static final String AST_PACKAGE = "net.sf.jsqlparser.";
  /** Parser internals (tokens, JJTree nodes) hang off every AST node and are not part of the query. */
  private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";

  /** Per AST class, the fields that can hold further nodes. */
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c.getName().startsWith(AST_PACKAGE); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (mayHoldNodes(f)) {
            f.setAccessible(true); // JSqlParser is on the class path in tests
            fields.add(f);
          }
        }
      }
      return fields.toArray(new Field[0]);
    }
  };

  private final List<Object> scopes = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  /** The AST nodes from the root to the node being visited; collections are not on it. */
  private final List<Object> path = new ArrayList<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private ReflectiveAstWalker() {
  }

  /**
   * The SELECT/UPDATE/DELETE/INSERT scopes of {@code statement}, outermost first, its table
   * references except those that name a CTE in scope. Qualifiers ({@code a.col}, {@code a.*},
   * {@code FOR UPDATE OF a}) are not references.
   */
  static AstWalker.Found walk(Statement statement) {
    ReflectiveAstWalker walker = new ReflectiveAstWalker();
    walker.visit(statement);
    return new AstWalker.Found(walker.scopes, walker.tables);
  }

  /**
   * Where {@link AstWalker} and this walk disagree on {@code statement}: {@code null} when both
   * find the same scopes and the same tables (the same objects) in the same order.
   */
  static String difference(Statement statement) {
    AstWalker.Found expected = walk(statement);
    AstWalker.Found actual = AstWalker.walk(statement);
    if (same(expected.scopes(), actual.scopes()) && same(expected.tables(), actual.tables())) {
      return null;
    }
    return statement + "\n  reflective walk: " + expected.tables() + ", " + expected.scopes().size()
        + " scopes\n  AstWalker:       " + actual.tables() + ", " + actual.scopes().size() + " scopes";
  }

  private static boolean same(List<?> expected, List<?> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) != actual.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mayHoldNodes(Field f) {
    if (Modifier.isStatic(f.getModifiers())) {
      return false;
    }
    Class<?> t = f.getType();
    if (t.isPrimitive() || t.isEnum() || t == String.class || Number.class.isAssignableFrom(t)
        || t == Boolean.class || t == Character.class || t.getName().startsWith(PARSER_PACKAGE)) {
      return false;
    }
    Class<?> owner = f.getDeclaringClass();
    String name = f.getName();
    // qualifiers name a table already in FROM, or an alias; they are not references of their own.
    // In main code this said "forUpdateTable", a field JSqlParser 5 renamed to "forUpdateTables":
    // FOR UPDATE OF campaigns was then refused as an unscoped reference to campaigns.
    return !((owner == Column.class || owner == AllTableColumns.class) && name.equals("table"))
        && !(owner == Select.class && name.equals("forUpdateTables"));
  }

  private void visit(Object node) {
    if (node == null) {
      return;
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        visit(e.getKey());
        visit(e.getValue());
      }
      return;
    }
    if (node instanceof Map.Entry<?, ?> entry) { // JsonExpression keeps its path as entries
      visit(entry.getKey());
      visit(entry.getValue());
      return;
    }
    if (node instanceof Object[] array) {
      for (Object o : array) {
        visit(o);
      }
      return;
    }
    boolean ast = node.getClass().getName().startsWith(AST_PACKAGE)
        && !node.getClass().getName().startsWith(PARSER_PACKAGE);
    if (!ast) {
      if (node instanceof Collection<?> collection) {
        for (Object o : collection) {
          visit(o);
        }
      }
      return; // strings, numbers, enums and other leaves
    }
    if (!visited.add(node)) {
      return;
    }
    if (node instanceof Table table) {
      if (!namesCte(table)) {
        tables.add(table);
      }
    } else if (node instanceof PlainSelect || node instanceof Update || node instanceof Delete
        || node instanceof Insert) {
      scopes.add(node);
    }
    path.add(node);
    if (node instanceof Collection<?> collection) { // ExpressionList and friends are lists
      for (Object o : collection) {
        visit(o);
      }
    }
    for (Field f : FIELDS.get(node.getClass())) {
      try {
        visit(f.get(node));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + f, e);
      }
    }
    path.remove(path.size() - 1);
  }

  /**
   * Whether {@code table} (the node being entered, its parent last on the path) names a CTE
   * visible where it stands. PostgreSQL resolves an unqualified name against the WITH lists of
   * the enclosing queries first; a non-recursive CTE sees only the CTEs listed before it, never
   * itself. The target of INSERT, UPDATE, DELETE or MERGE is always a table.
   */
  private boolean namesCte(Table table) {
    if (table.getSchemaName() != null || table.getName() == null || path.isEmpty()) {
      return false;
    }
    Object parent = path.get(path.size() - 1);
    if ((parent instanceof Insert i && i.getTable() == table)
        || (parent instanceof Update u && u.getTable() == table)
        || (parent instanceof Delete d && (d.getTable() == table || contains(d.getTables(), table)))
        || (parent instanceof Merge m && m.getTable() == table)
        || (parent instanceof Upsert up && up.getTable() == table)) {
      return false;
    }
    String name = TenantTable.normalize(table.getName());
    for (int i = path.size() - 1; i >= 0; i--) {
      List<WithItem<?>> withs = withItems(path.get(i));
      if (withs == null || withs.isEmpty()) {
        continue;
      }
      Object child = i + 1 < path.size() ? path.get(i + 1) : table;
      int visible = withs.size();
      if (child instanceof WithItem<?> && !recursive(withs)) {
        for (int k = 0; k < withs.size(); k++) {
          if (withs.get(k) == child) {
            visible = k;
          }
        }
      }
      for (int k = 0; k < visible; k++) {
        WithItem<?> w = withs.get(k);
        if (w.getAlias() != null && name.equals(TenantTable.normalize(w.getAlias().getName()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(List<Table> list, Table table) {
    if (list != null) {
      for (Table t : list) {
        if (t == table) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean recursive(List<WithItem<?>> withs) {
    for (WithItem<?> w : withs) {
      if (w.isRecursive()) {
        return true;
      }
    }
    return false;
  }

  private static List<WithItem<?>> withItems(Object node) {
    if (node instanceof Select s) {
      return s.getWithItemsList();
    }
    if (node instanceof Insert i) {
      return i.getWithItemsList();
    }
    if (node instanceof Update u) {
      return u.getWithItemsList();
    }
    if (node instanceof Delete d) {
      return d.getWithItemsList();
    }
    if (node instanceof Merge m) {
      return m.getWithItemsList();
    }
    return null;
  }
}
