package io.citushibernate.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three tenants number their tasks and milestones alike (ids 1, 2, 3) with different values, so
 * a join on the wrong column or a subclass read from the wrong row shows up as another tenant's
 * or another row's value. The schema export still makes the keys composite.
 */
class SharedKeyMappingTest {
  private static final long[] TENANTS = {1L, 2L, 3L};
  private static CitusTestDatabase db;
  private static SessionFactory sf;

  @BeforeAll
  static void seed() {
    db = CitusTestDatabase.create()
        .entities(Account.class, Task.class, TaskDetail.class, TaskNote.class, Milestone.class, Release.class)
        .open();
    sf = db.sessionFactory();
    for (long t : TENANTS) {
      TenantContext.run(t, () -> sf.inTransaction(s -> {
        s.persist(new Account(t, "account " + t));
        for (long i = 1; i <= 3; i++) {
          Task task = new Task(i, "t" + t + "-task" + i);
          s.persist(task);
          s.persist(new TaskDetail(task, "t" + t + "-detail" + i));
          s.persist(new TaskNote(i, "t" + t + "-note" + i));
        }
        // tenant 2 has the subclass at the other id, so a subclass read from another tenant's row shows
        boolean swap = t == 2L;
        s.persist(swap ? new Release(1L, "t" + t + "-m1", "v" + t) : new Milestone(1L, "t" + t + "-m1"));
        s.persist(swap ? new Milestone(2L, "t" + t + "-m2") : new Release(2L, "t" + t + "-m2", "v" + t));
      }));
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aMapsIdDetailLoadsItsOwnTask() {
    for (long t : TENANTS) {
      for (long i = 1; i <= 3; i++) {
        long id = i;
        String title = TenantContext.get(t, () -> sf.fromSession(s -> org.hibernate.Hibernate.unproxy(s.find(TaskDetail.class, id).task, Task.class).title));
        assertThat(title).isEqualTo("t" + t + "-task" + i);
      }
    }
  }

  @Test
  void aMapsIdJoinPairsEachDetailWithItsTask() {
    for (long t : TENANTS) {
      List<String> pairs = TenantContext.get(t, () -> sf.fromSession(s -> s.createQuery(
          "select d.notes || '/' || k.title from TaskDetail d join d.task k order by k.id", String.class)
          .getResultList()));
      assertThat(pairs).containsExactly("t" + t + "-detail1/t" + t + "-task1", "t" + t + "-detail2/t" + t + "-task2",
          "t" + t + "-detail3/t" + t + "-task3");
    }
  }

  @Test
  void aPrimaryKeyJoinColumnNoteLoadsItsOwnTask() {
    for (long t : TENANTS) {
      String title = TenantContext.get(t, () -> sf.fromSession(s -> org.hibernate.Hibernate.unproxy(s.find(TaskNote.class, 2L).task, Task.class).title));
      assertThat(title).isEqualTo("t" + t + "-task2");
    }
  }

  @Test
  void joinedSubclassesComeBackAsTheirOwnClassOnce() {
    for (long t : TENANTS) {
      List<String> rows = TenantContext.get(t, () -> sf.fromSession(s -> {
        List<String> out = new ArrayList<>();
        for (Milestone m : s.createQuery("from Milestone m order by m.id", Milestone.class).getResultList()) {
          out.add(m.getClass().getSimpleName() + ":" + m.label + (m instanceof Release r ? ":" + r.version : ""));
        }
        return out;
      }));
      String release = "Release:t" + t + "-m%d:v" + t;
      String milestone = "Milestone:t" + t + "-m%d";
      assertThat(rows).containsExactly(
          (t == 2L ? release : milestone).formatted(1), (t == 2L ? milestone : release).formatted(2));
      Milestone byId = TenantContext.get(t, () -> sf.fromSession(s -> s.find(Milestone.class, 2L)));
      assertThat(byId).isInstanceOf(t == 2L ? Milestone.class : Release.class);
      assertThat(byId.label).isEqualTo("t" + t + "-m2");
    }
  }

  @Test
  void theExportedKeysStillCarryTheTenantColumn() throws SQLException {
    assertThat(primaryKey("sk_tasks")).containsExactly("account_ref", "id");
    assertThat(primaryKey("sk_task_details")).containsExactly("account_ref", "task_id");
    assertThat(primaryKey("sk_releases")).containsExactly("account_ref", "id");
  }

  private static List<String> primaryKey(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
            + " and a.attnum = any(i.indkey) where i.indisprimary and i.indrelid = '" + db.schema() + "." + table
            + "'::regclass order by array_position(i.indkey, a.attnum)")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }
}
