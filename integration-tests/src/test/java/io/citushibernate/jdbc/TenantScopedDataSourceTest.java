package io.citushibernate.jdbc;

import static io.citushibernate.jdbc.Jdbc.everyTenant;
import static io.citushibernate.jdbc.Jdbc.fixture;
import static io.citushibernate.jdbc.Jdbc.query;
import static io.citushibernate.jdbc.Jdbc.rows;
import static io.citushibernate.jdbc.Jdbc.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.internal.jdbc.TenantTableCatalog;
import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain JDBC through {@link TenantScopedDataSource}: for each tenant, a workload of reads, joins,
 * writes and batches returns what it returns on a database that holds only that tenant's rows,
 * and leaves the other tenants' rows as they were. Three tenants hold the same ids with different
 * values, so a statement that leaks or fans out changes the result.
 */
@CitusTest(cleanup = false)
class TenantScopedDataSourceTest {
  static final List<Long> TENANTS = List.of(1L, 2L, 3L);
  static DataSource pool;
  static CitusDatabase db;

  @BeforeAll
  static void schema() {
    fixture(pool,
        "create table tasks (company_id bigint not null, id bigint not null, title text, hours int, "
            + "primary key (company_id, id))",
        "create table notes (company_id bigint not null, id bigint not null, task_id bigint not null, body text, "
            + "primary key (company_id, id))",
        "create table labels (id bigint primary key, name text)");
    if (db.isCitus()) {
      fixture(pool, "select create_distributed_table('tasks', 'company_id')",
          "select create_distributed_table('notes', 'company_id', colocate_with => 'tasks')",
          "select create_reference_table('labels')");
    }
  }

  @BeforeEach
  void load() {
    fixture(pool, "truncate tasks, notes, labels", "insert into labels values (1, 'red'), (2, 'blue')");
    for (long t : TENANTS) {
      fixture(pool, tenantRows("tasks", "notes", t, true));
    }
  }

  /** Tenant {@code t}'s rows: three tasks and four notes, ids shared with the other tenants, values not. */
  private static String[] tenantRows(String tasks, String notes, long t, boolean withTenant) {
    String c = withTenant ? t + ", " : "";
    String cols = withTenant ? "company_id, " : "";
    return new String[] {
        "insert into " + tasks + " (" + cols + "id, title, hours) values (" + c + "1, 't" + t + ".1', " + (10 * t + 1)
            + "), (" + c + "2, 't" + t + ".2', " + (10 * t + 2) + "), (" + c + "3, 't" + t + ".3', " + (10 * t + 3) + ")",
        "insert into " + notes + " (" + cols + "id, task_id, body) values (" + c + "1, 1, 'n" + t + ".1'), (" + c
            + "2, 2, 'n" + t + ".2'), (" + c + "3, 3, 'n" + t + ".3'), (" + c + "4, 1, 'n" + t + ".4')"};
  }

  /** The wrapper: Citus' catalog names the tenant tables on Citus; on PostgreSQL they are declared. */
  private static TenantScopedDataSource scoped() {
    TenantScopedDataSource.Builder builder = TenantScopedDataSource.wrap(pool);
    if (!db.isCitus()) {
      builder.tenantTable("tasks", "company_id").tenantTable("notes", "company_id");
    }
    return builder.build();
  }

  /** Reads, a join of two tenant tables, a join with a shared table, writes and batches; what each returned. */
  static List<String> workload(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    out.addAll(query(c, "select id, title, hours from tasks order by id"));
    out.addAll(query(c, "select count(*) from tasks"));
    out.addAll(query(c, "select t.title, n.body from tasks t join notes n on n.task_id = t.id order by t.id, n.id"));
    out.addAll(query(c, "select t.title, l.name from tasks t join labels l on l.id = t.id order by t.id"));
    try (PreparedStatement ps = c.prepareStatement("insert into tasks (id, title, hours) values (?, ?, ?)",
        new String[] {"id", "title"})) {
      ps.setLong(1, 100);
      ps.setString(2, "new");
      ps.setInt(3, 5);
      out.add("inserted " + ps.executeUpdate());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        out.addAll(rows(keys));
      }
    }
    try (Statement s = c.createStatement()) {
      out.add("updated " + s.executeUpdate("update tasks set hours = hours + 1 where id <= 2"));
      out.add("deleted " + s.executeUpdate("delete from notes where id = 2"));
      try (ResultSet rs = s.executeQuery("select sum(hours) from tasks")) {
        out.addAll(rows(rs));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("insert into notes (id, task_id, body) values (?, ?, ?)")) {
      for (int i = 0; i < 3; i++) {
        ps.setLong(1, 200 + i);
        ps.setLong(2, 1);
        ps.setString(3, "batch" + i);
        ps.addBatch();
      }
      out.add("batch " + Arrays.toString(ps.executeBatch()));
    }
    try (Statement s = c.createStatement()) {
      s.addBatch("update notes set body = body || '!' where task_id = 1");
      s.addBatch("delete from tasks where id = 3");
      out.add("text batch " + Arrays.toString(s.executeBatch()));
    }
    try (CallableStatement cs = c.prepareCall("select count(*) from notes where id > ?")) {
      cs.setLong(1, 0);
      try (ResultSet rs = cs.executeQuery()) {
        out.addAll(rows(rs));
      }
    }
    out.addAll(query(c, "select id, title, hours from tasks order by id"));
    out.addAll(query(c, "select id, task_id, body from notes order by id"));
    return out;
  }

  @Test
  void eachTenantsWorkloadEqualsItsWorkloadOnADatabaseOfOnlyItsRows() {
    TenantScopedDataSource scoped = scoped();
    assertThat(everyTenant(pool, "select count(*) from tasks")).containsExactly("9");
    for (long tenant : TENANTS) {
      String othersTasks = "select company_id, id, title, hours from tasks where company_id <> " + tenant + " order by 1, 2";
      String othersNotes = "select company_id, id, task_id, body from notes where company_id <> " + tenant
          + " order by 1, 2";
      List<String> tasksBefore = everyTenant(pool, othersTasks);
      List<String> notesBefore = everyTenant(pool, othersNotes);

      List<String> scopedRun = TenantContext.get(tenant, () -> with(scoped, TenantScopedDataSourceTest::workload));
      List<String> soloRun = onlyTenant(tenant);

      assertThat(scopedRun).as("tenant %s", tenant).isEqualTo(soloRun)
          .contains("3", "t" + tenant + ".1|n" + tenant + ".1", "t" + tenant + ".2|blue");
      assertThat(everyTenant(pool, othersTasks)).isEqualTo(tasksBefore);
      assertThat(everyTenant(pool, othersNotes)).isEqualTo(notesBefore);
    }
  }

  /** The workload, unscoped, on a schema holding only {@code tenant}'s rows (its tenant column defaulting to it). */
  private static List<String> onlyTenant(long tenant) {
    String solo = db.schema() + "_solo";
    return RoutingCheck.allowMultiShard(() -> with(pool, c -> {
      String searchPath;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show search_path")) {
        rs.next();
        searchPath = rs.getString(1);
      }
      try (Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + solo + " cascade");
        s.execute("create schema " + solo);
        s.execute("create table " + solo + ".tasks (company_id bigint not null default " + tenant
            + ", id bigint not null, title text, hours int, primary key (company_id, id))");
        s.execute("create table " + solo + ".notes (company_id bigint not null default " + tenant
            + ", id bigint not null, task_id bigint not null, body text, primary key (company_id, id))");
        s.execute("create table " + solo + ".labels as select * from labels");
        for (String insert : tenantRows(solo + ".tasks", solo + ".notes", tenant, false)) {
          s.execute(insert);
        }
        s.execute("set search_path to " + solo);
        try {
          return workload(c);
        } finally {
          s.execute("set search_path to " + searchPath);
          s.execute("drop schema " + solo + " cascade");
        }
      }
    }));
  }

  @Test
  void aStatementOnATenantTableWithoutTenantIsRefusedUnsent() {
    TenantScopedDataSource scoped = scoped();
    db.clearStatements();
    assertThatThrownBy(() -> with(scoped, c -> query(c, "select count(*) from tasks")))
        .isInstanceOf(MissingTenantException.class).hasMessageContaining("[tasks]")
        .hasMessageContaining("TenantContext.run(tenantId");
    assertThatThrownBy(() -> with(scoped, c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate("delete from notes");
      }
    })).isInstanceOf(MissingTenantException.class).hasMessageContaining("[notes]");
    assertThat(db.statements()).noneMatch(sql -> sql.contains("tasks") || sql.contains("notes"));
    assertThat(everyTenant(pool, "select count(*) from notes")).containsExactly("12");
  }

  @Test
  void statementsOnOtherTablesPassUnchanged() {
    List<String> labels = with(scoped(), c -> query(c, "select name from labels order by id"));
    assertThat(labels).containsExactly("red", "blue");
  }

  @Test
  void aCrossTenantScopeSeesEveryTenant() {
    TenantScopedDataSource scoped = scoped();
    List<String> all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: every tenant",
        () -> with(scoped, c -> query(c, "select count(*), count(distinct company_id) from tasks"))));
    assertThat(all).containsExactly("9|3");
  }

  @Test
  void schemaChangesRunOnlyAsCrossTenantWork() {
    TenantScopedDataSource scoped = scoped();
    String ddl = "create index tasks_by_hours on tasks (company_id, hours)";
    assertThatThrownBy(() -> TenantContext.get(1L, () -> with(scoped, c -> c.createStatement().execute(ddl))))
        .isInstanceOf(UnscopableStatementException.class).hasMessageContaining("[tasks]");
    TenantContext.runCrossTenant("test: a migration", () -> with(scoped, c -> {
      try (Statement s = c.createStatement()) {
        s.execute(ddl);
        s.execute("drop index tasks_by_hours");
      }
      return null;
    }));
  }

  @Test
  void nativeSqlShowsTheScopedStatement() {
    String sent = TenantContext.get(2L, () -> with(scoped(), c -> c.nativeSQL("select title from tasks where id = 1")));
    assertThat(sent).contains("company_id = 2");
  }

  @Test
  void declaredTablesAreScopedWithoutAnyCatalog() {
    TenantScopedDataSource scoped = TenantScopedDataSource.wrap(pool).catalog(c -> Optional.empty())
        .tenantTable("tasks", "company_id").build();
    List<String> titles = TenantContext.get(3L, () -> with(scoped, c -> query(c, "select title from tasks where id = 2")));
    assertThat(titles).containsExactly("t3.2");
    // notes were not declared: not a tenant table for this wrapper
    List<String> notes = RoutingCheck.allowMultiShard(
        () -> TenantContext.get(3L, () -> with(scoped, c -> query(c, "select count(*) from notes"))));
    assertThat(notes).containsExactly("12");
  }

  @Test
  void withNothingKnownEveryStatementIsRefusedNamingTheFix() {
    TenantScopedDataSource blind = TenantScopedDataSource.wrap(pool).catalog(c -> Optional.empty()).build();
    assertThatThrownBy(() -> TenantContext.get(1L, () -> with(blind, c -> query(c, "select count(*) from tasks"))))
        .isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("knows no tenant tables")
        .hasMessageContaining("tenantTable(table, column)")
        .hasMessageNotContaining("runCrossTenant");
    TenantScopedDataSource sharedOnly = TenantScopedDataSource.wrap(pool).catalog(c -> Optional.empty())
        .referenceTable("labels").build();
    assertThatThrownBy(() -> TenantContext.get(1L, () -> with(sharedOnly, c -> query(c, "select count(*) from tasks"))))
        .isInstanceOf(UnscopableStatementException.class);
    List<String> deliberate = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: no tables known",
        () -> with(blind, c -> query(c, "select count(*) from tasks"))));
    assertThat(deliberate).containsExactly("9");
  }

  @Test
  void theCatalogIsReadOnceUntilRefreshed() {
    AtomicInteger reads = new AtomicInteger();
    TenantTableCatalog catalog = c -> {
      reads.incrementAndGet();
      return Optional.of(List.of(new TenantTable("public", "tasks", "company_id"),
          new TenantTable(null, "notes", "company_id")));
    };
    TenantScopedDataSource scoped = TenantScopedDataSource.wrap(pool).catalog(catalog).build();
    assertThat(reads).hasValue(0);
    List<String> counts = TenantContext.get(2L, () -> with(scoped, c -> {
      List<String> found = new ArrayList<>(query(c, "select count(*) from tasks"));
      found.addAll(query(c, "select count(*) from notes"));
      return found;
    }));
    assertThat(counts).containsExactly("3", "4");
    assertThat(reads).hasValue(1);
    scoped.refreshTenantTables();
    TenantContext.get(2L, () -> with(scoped, c -> query(c, "select count(*) from tasks")));
    assertThat(reads).hasValue(2);
  }

  @Test
  void aDeclaredReferenceTableIsNeverScopedEvenWhenTheCatalogListsIt() {
    TenantScopedDataSource scoped = TenantScopedDataSource.wrap(pool)
        .catalog(c -> Optional.of(List.of(new TenantTable(null, "tasks", "company_id"),
            new TenantTable(null, "notes", "company_id"))))
        .referenceTable("notes").build();
    List<String> counts = RoutingCheck.allowMultiShard(() -> TenantContext.get(2L, () -> with(scoped, c -> {
      List<String> found = new ArrayList<>(query(c, "select count(*) from tasks"));
      found.addAll(query(c, "select count(*) from notes"));
      return found;
    })));
    assertThat(counts).containsExactly("3", "12");
  }

  @Test
  void citusCatalogListsHashDistributedTablesOnly() {
    Optional<List<TenantTable>> read = with(pool, TenantTableCatalog.CITUS::read);
    if (db.isCitus()) {
      assertThat(read.orElseThrow()).contains(new TenantTable(db.schema(), "tasks", "company_id"),
          new TenantTable(db.schema(), "notes", "company_id"))
          .noneMatch(t -> t.name().equals("labels"));
    } else {
      assertThat(read).isEmpty();
    }
  }
}
