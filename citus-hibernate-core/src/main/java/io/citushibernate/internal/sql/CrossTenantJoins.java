package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Joins tenant tables on their tenant columns in statements that span tenants (run inside
 * {@code TenantContext.runCrossTenant}), the way activerecord-multi-tenant does.
 *
 * <p>Two reasons. Correctness: Hibernate joins {@code task.project_id = project.id}, and where ids
 * repeat across tenants that pairs a task with every tenant's project 1; the composite foreign
 * keys of the schema say a row only ever refers to rows of its own tenant, so
 * {@code task.tenant_id = project.tenant_id} is part of the join's meaning. Citus: a join between
 * distributed tables without equality of their distribution columns needs repartitioning, which
 * Citus refuses by default ("the query contains a join that requires repartitioning"); with the
 * equality it pushes the join down to each shard.
 *
 * <p>Where the equality goes: into the join's ON when it has one (for an outer join it must be
 * there, or the join would drop its unmatched rows), into WHERE for comma and other inner joins
 * without ON. Outer joins written with USING or NATURAL are left as written. A subquery that
 * refers to a tenant table of an enclosing query (Hibernate's EXISTS, {@code size()} and
 * {@code member of} subqueries) gets the equality with that table in its WHERE. A table is
 * joined to the table its ON condition mentions, else to the first tenant table before it.
 */
public final class CrossTenantJoins {
  private final TenantTables tables;

  public CrossTenantJoins(TenantTables tables) {
    this.tables = tables;
  }

  /**
   * {@code sql} with tenant equality on every join between tenant tables; {@code sql} itself when
   * there is none to add or the parser cannot read it (such statements were refused or let
   * through by the tenant analysis before they get here).
   */
  public String apply(String sql) {
    Statement statement;
    try {
      statement = StatementRewriter.parse(sql);
    } catch (StatementRewriter.ParseFailure e) {
      return sql;
    }
    return new Pass(statement, tables).join() ? statement.toString() : sql;
  }

  /** One statement's rewrite. */
  private static final class Pass {
    private final AstWalker.Found found;
    private final Map<Table, TenantTable> refs = new IdentityHashMap<>();
    /** Per query scope, the tenant tables of its own FROM list (and DML target). */
    private final Map<Object, List<Table>> scopeTables = new IdentityHashMap<>();
    private boolean changed;

    Pass(Statement statement, TenantTables tables) {
      found = AstWalker.walk(statement);
      for (Table t : found.tables()) {
        TenantTable tt = t.getName() == null ? null : tables.find(t.getSchemaName(), t.getName());
        if (tt != null) {
          refs.put(t, tt);
        }
      }
    }

    /** Adds the equalities; whether anything was added. */
    boolean join() {
      if (refs.size() < 2) {
        return false; // a single tenant-table reference joins nothing
      }
      for (Object scope : found.scopes()) {
        scopeTables.put(scope, join(scope));
      }
      Map<Object, List<Object>> enclosing = enclosingScopes();
      for (Object scope : found.scopes()) {
        if (scope instanceof PlainSelect ps && enclosing.containsKey(ps)) {
          correlate(ps, enclosing.get(ps));
        }
      }
      return changed;
    }

    private List<Table> join(Object scope) {
      List<Table> seen = new ArrayList<>();
      List<Expression> where = new ArrayList<>();
      if (scope instanceof PlainSelect ps && ps.getFromItem() != null) {
        fromList(seen, ps.getFromItem(), ps.getJoins(), where);
        ps.setWhere(conjoin(ps.getWhere(), where));
      } else if (scope instanceof Update u) {
        seen.addAll(tenantRefs(u.getTable()));
        if (u.getFromItem() != null) {
          fromList(seen, u.getFromItem(), u.getJoins(), where);
        }
        u.setWhere(conjoin(u.getWhere(), where));
      } else if (scope instanceof Delete d) {
        seen.addAll(tenantRefs(d.getTable()));
        if (d.getUsingFromItemList() != null) {
          for (FromItem item : d.getUsingFromItemList()) {
            commaJoin(seen, tenantRefs(item), where);
          }
        }
        d.setWhere(conjoin(d.getWhere(), where));
      }
      return seen;
    }

    /**
     * Joins the tenant tables of one FROM list to those seen before them.
     *
     * @param where collects equalities that belong in WHERE; {@code null} inside a parenthesized
     *     join, where WHERE could filter the nullable side of an enclosing outer join
     */
    private void fromList(List<Table> seen, FromItem first, List<Join> joins, List<Expression> where) {
      commaJoin(seen, tenantRefs(first), where);
      if (joins == null) {
        return;
      }
      for (Join join : joins) {
        List<Table> right = tenantRefs(join.getFromItem());
        if (!right.isEmpty() && !seen.isEmpty()) {
          boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
          if (hasOn) {
            List<Expression> ons = new ArrayList<>(join.getOnExpressions());
            Table anchor = mentioned(ons, seen);
            Table target = mentioned(ons, right);
            Expression last = ons.remove(ons.size() - 1);
            ons.add(conjoin(last, List.of(equality(anchor, target))));
            join.setOnExpressions(ons);
          } else if (inner(join) && where != null) {
            where.add(equality(seen.get(0), right.get(0)));
          }
        }
        seen.addAll(right);
      }
    }

    private void commaJoin(List<Table> seen, List<Table> right, List<Expression> where) {
      if (!right.isEmpty() && !seen.isEmpty() && where != null) {
        where.add(equality(seen.get(0), right.get(0)));
      }
      seen.addAll(right);
    }

    private static boolean inner(Join join) {
      return !join.isOuter() && !join.isLeft() && !join.isRight() && !join.isFull();
    }

    /** The tenant tables an item of a FROM list brings in; a parenthesized join is joined inside. */
    private List<Table> tenantRefs(FromItem item) {
      List<Table> result = new ArrayList<>();
      if (item instanceof Table t && refs.containsKey(t)) {
        result.add(t);
      } else if (item instanceof ParenthesedFromItem p) {
        fromList(result, p.getFromItem(), p.getJoins(), null);
      }
      return result; // subqueries, VALUES, functions: joined inside, as scopes of their own
    }

    /**
     * A subquery whose WHERE refers to a tenant table of an enclosing query is joined to that
     * table on the tenant column: it is a join too, and Citus pushes a correlated subquery down
     * only when it is correlated on the distribution column.
     */
    private void correlate(PlainSelect ps, List<Object> outerScopes) {
      List<Table> own = scopeTables.get(ps);
      if (own == null || own.isEmpty() || ps.getWhere() == null) {
        return;
      }
      List<Column> columns = columns(List.of(ps.getWhere()));
      for (Column c : columns) {
        String q = qualifierOf(c);
        if (q == null || find(own, q) != null) {
          continue;
        }
        for (int i = outerScopes.size() - 1; i >= 0; i--) {
          Table outer = find(scopeTables.getOrDefault(outerScopes.get(i), List.of()), q);
          if (outer != null) {
            ps.setWhere(conjoin(ps.getWhere(), List.of(equality(outer, mentioned(List.of(ps.getWhere()), own)))));
            return;
          }
        }
      }
    }

    /** For every scope nested in another, the scopes around it, outermost first. */
    private Map<Object, List<Object>> enclosingScopes() {
      Map<Object, List<Object>> enclosing = new IdentityHashMap<>();
      for (Object scope : found.scopes()) {
        if (scope instanceof Statement s) {
          for (Object inner : AstWalker.walk(s).scopes()) {
            if (inner != scope) {
              enclosing.computeIfAbsent(inner, k -> new ArrayList<>()).add(scope);
            }
          }
        }
      }
      return enclosing;
    }

    /** The first of {@code candidates} a column in {@code expressions} refers to, else the first. */
    private static Table mentioned(List<Expression> expressions, List<Table> candidates) {
      for (Column c : columns(expressions)) {
        String q = qualifierOf(c);
        Table t = q == null ? null : find(candidates, q);
        if (t != null) {
          return t;
        }
      }
      return candidates.get(0);
    }

    private static Table find(List<Table> candidates, String qualifier) {
      for (Table t : candidates) {
        if (TenantTable.normalize(ScopeRewriter.qualifier(t).getName()).equals(qualifier)) {
          return t;
        }
      }
      return null;
    }

    /** The columns of {@code expressions}, not looking into subqueries (scopes of their own). */
    private static List<Column> columns(List<Expression> expressions) {
      List<Column> columns = new ArrayList<>();
      ExpressionVisitorAdapter<Void> collector = new ExpressionVisitorAdapter<>() {
        @Override
        public <S> Void visit(Column column, S context) {
          columns.add(column);
          return null;
        }
      };
      for (Expression e : expressions) {
        e.accept(collector, null);
      }
      return columns;
    }

    private static String qualifierOf(Column c) {
      Table t = c.getTable();
      return t == null || t.getName() == null ? null : TenantTable.normalize(t.getName());
    }

    private EqualsTo equality(Table left, Table right) {
      return new EqualsTo(new Column(ScopeRewriter.qualifier(left), refs.get(left).column()),
          new Column(ScopeRewriter.qualifier(right), refs.get(right).column()));
    }

    /** {@code existing} AND each equality it does not already have. */
    private Expression conjoin(Expression existing, List<Expression> equalities) {
      Expression result = existing;
      for (Expression eq : equalities) {
        if (!present(Conditions.conjuncts(Conditions.repair(result)), (EqualsTo) eq)) {
          result = Conditions.and(Conditions.repair(result), eq);
          changed = true;
        }
      }
      return result;
    }

    private static boolean present(List<Expression> conjuncts, EqualsTo eq) {
      String a = eq.getLeftExpression().toString().toLowerCase(Locale.ROOT);
      String b = eq.getRightExpression().toString().toLowerCase(Locale.ROOT);
      for (Expression e : conjuncts) {
        if (e instanceof EqualsTo other) {
          String l = other.getLeftExpression().toString().toLowerCase(Locale.ROOT);
          String r = other.getRightExpression().toString().toLowerCase(Locale.ROOT);
          if (l.equals(a) && r.equals(b) || l.equals(b) && r.equals(a)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
