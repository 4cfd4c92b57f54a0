package io.citushibernate.fuzz;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The schema statements are generated over: tenant tables (one quoted and mixed-case, one in
 * another schema, one with another tenant column name), a reference table and a local table. Every
 * tenant holds rows with the same ids and different values, so a leak or a mix-up changes answers.
 */
final class FuzzSchema {
  static final List<Integer> TENANTS = List.of(1, 2, 3);

  enum Type { INT, TEXT }

  enum Kind { TENANT, REFERENCE, LOCAL }

  record Column(String name, Type type) {
  }

  /**
   * @param ref the table as written in SQL ({@code accounts}, {@code "Events"}, {@code audit.entries})
   * @param qualifier how its columns are qualified when it has no alias
   * @param tenantColumn the tenant column, {@code null} for shared tables
   * @param key the key columns other than the tenant column
   */
  record Table(String ref, String qualifier, Kind kind, String tenantColumn, List<Column> columns, List<String> key) {
    boolean isTenant() {
      return kind == Kind.TENANT;
    }

    List<Column> columnsOf(Type type) {
      return columns.stream().filter(c -> c.type() == type).toList();
    }

    /** Columns an UPDATE may set: neither key nor tenant column. */
    List<Column> plainColumns() {
      return columns.stream().filter(c -> !key.contains(c.name()) && !c.name().equals(tenantColumn)).toList();
    }
  }

  private static Column i(String name) {
    return new Column(name, Type.INT);
  }

  private static Column t(String name) {
    return new Column(name, Type.TEXT);
  }

  static final Table ACCOUNTS = new Table("accounts", "accounts", Kind.TENANT, "tenant_id",
      List.of(i("tenant_id"), i("id"), t("name"), i("tier")), List.of("id"));
  static final Table ORDERS = new Table("orders", "orders", Kind.TENANT, "tenant_id",
      List.of(i("tenant_id"), i("id"), i("account_id"), i("amount"), t("status")), List.of("id"));
  static final Table LINES = new Table("order_lines", "order_lines", Kind.TENANT, "tenant_id",
      List.of(i("tenant_id"), i("order_id"), i("line_no"), t("product_code"), i("qty")), List.of("order_id", "line_no"));
  static final Table EVENTS = new Table("\"Events\"", "\"Events\"", Kind.TENANT, "org_id",
      List.of(i("org_id"), i("id"), i("account_id"), t("kind")), List.of("id"));
  static final Table ENTRIES = new Table("audit.entries", "entries", Kind.TENANT, "tenant_id",
      List.of(i("tenant_id"), i("id"), i("order_id"), t("note")), List.of("id"));
  static final Table PRODUCTS = new Table("products", "products", Kind.REFERENCE, null,
      List.of(t("code"), t("name"), i("price")), List.of("code"));
  static final Table SETTINGS = new Table("settings", "settings", Kind.LOCAL, null,
      List.of(t("k"), t("v")), List.of("k"));

  static final List<Table> TABLES = List.of(ACCOUNTS, ORDERS, LINES, EVENTS, ENTRIES, PRODUCTS, SETTINGS);

  private FuzzSchema() {
  }

  /** What the rewriter is told: the tenant tables and their tenant columns. */
  static TenantTables tenantTables() {
    return new TenantTables(List.of(
        new TenantTable(null, "accounts", "tenant_id"),
        new TenantTable(null, "orders", "tenant_id"),
        new TenantTable(null, "order_lines", "tenant_id"),
        new TenantTable(null, "Events", "org_id"),
        new TenantTable("audit", "entries", "tenant_id")));
  }

  /**
   * DDL for the database holding every tenant ({@code onlyTenant == null}) or a copy holding one
   * tenant's rows. The copy's tenant columns default to its tenant, so an INSERT that leaves the
   * column out means there what the rewriter makes it mean on the shared database; and it has a
   * unique key without the tenant column, so {@code ON CONFLICT (id)} reads there as
   * {@code ON CONFLICT (tenant_id, id)} reads on the shared one.
   */
  static List<String> ddl(Integer onlyTenant) {
    List<String> ddl = new ArrayList<>();
    ddl.add("create schema audit");
    for (Table table : TABLES) {
      String columns = table.columns().stream().map(c -> {
        String type = c.type() == Type.INT ? "integer" : "text";
        boolean notNull = c.name().equals(table.tenantColumn()) || table.key().contains(c.name());
        String def = onlyTenant != null && c.name().equals(table.tenantColumn()) ? " default " + onlyTenant : "";
        return c.name() + " " + type + (notNull ? " not null" : "") + def;
      }).collect(Collectors.joining(", "));
      List<String> key = new ArrayList<>();
      if (table.tenantColumn() != null) {
        key.add(table.tenantColumn());
      }
      key.addAll(table.key());
      ddl.add("create table " + table.ref() + " (" + columns + ", primary key (" + String.join(", ", key) + "))");
      if (onlyTenant != null && table.isTenant()) {
        ddl.add("create unique index on " + table.ref() + " (" + String.join(", ", table.key()) + ")");
      }
    }
    return ddl;
  }

  /** The rows: shared tables whole, tenant tables for every tenant or only {@code onlyTenant}. */
  static List<String> data(Integer onlyTenant) {
    List<String> rows = new ArrayList<>();
    rows.add("insert into products values ('p1', 'pen', 3), ('p2', 'paper', 5), ('p3', 'orders', null), ('p4', 'it''s', 7)");
    rows.add("insert into settings values ('mode', 'accounts'), ('limit', '3'), ('empty', null)");
    for (int tenant : TENANTS) {
      if (onlyTenant != null && onlyTenant != tenant) {
        continue;
      }
      int t = tenant;
      for (int id = 1; id <= 4; id++) {
        String tier = id == 4 && t == 2 ? "null" : String.valueOf((id + t) % 3);
        rows.add("insert into accounts values (" + t + ", " + id + ", 'acct-" + (id * t % 5) + "', " + tier + ")");
      }
      for (int id = 1; id <= 6; id++) {
        String[] statuses = {"'new'", "'paid'", "'void'", "null"};
        rows.add("insert into orders values (" + t + ", " + id + ", " + ((id + t) % 5 + 1) + ", " + (id * 10 + t) + ", "
            + statuses[(id + t) % 4] + ")");
        for (int line = 1; line <= (id + t) % 3 + 1; line++) {
          String[] codes = {"'p1'", "'p2'", "'p3'", "'p9'", "null"};
          rows.add("insert into order_lines values (" + t + ", " + id + ", " + line + ", " + codes[(id + line + t) % 5] + ", "
              + (line * t) + ")");
        }
      }
      for (int id = 1; id <= 3; id++) {
        String[] kinds = {"'login'", "'accounts'", "'it''s'"};
        rows.add("insert into \"Events\" values (" + t + ", " + id + ", " + ((id * t) % 4 + 1) + ", " + kinds[(id + t) % 3] + ")");
        rows.add("insert into audit.entries values (" + t + ", " + id + ", " + (id + t) + ", "
            + (id == t ? "null" : "'from orders where " + id + "'") + ")");
      }
    }
    return rows;
  }
}
