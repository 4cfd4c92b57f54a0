package io.citushibernate.jdbc;

import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.internal.jdbc.TenantBindingPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenants bound as parameters: the SQL text stays the same for every tenant. */
@CitusTest(cleanup = false)
class TenantBindingTest {
  static DataSource pool;
  static CitusDatabase db;

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table campaigns (company_id bigint not null, id bigint not null, name text, "
          + "primary key (company_id, id))");
      if (db.isCitus()) {
        s.execute("select create_distributed_table('campaigns', 'company_id')");
      }
      // multi-shard on purpose: one fixture statement for two tenants
      RoutingCheck.allowMultiShard(() -> execute(s,
          "insert into campaigns values (1, 1, 'a'), (1, 2, 'b'), (2, 3, 'c'), (2, 4, 'd')"));
    }
  }

  @Test
  void applicationParametersShiftPastTheTenantPlaceholders() throws Exception {
    String sql = "select name from campaigns where id >= ? and company_id = ? and id <= ? order by id "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {2}, new int[0]);
    List<String> names = TenantContext.call(2L, () -> query(sql, 1, 4));
    assertThat(names).containsExactly("c", "d");
    List<String> other = TenantContext.call(1L, () -> query(sql, 1, 4));
    assertThat(other).containsExactly("a", "b");
  }

  @Test
  void aParameterWrittenIntoTheTenantColumnMustBeBoundToTheTenant() throws Exception {
    String insert = "insert into campaigns (company_id, id, name) values (?, ?, ?) "
        + TenantBindingPlan.marker(TenantType.LONG, new int[0], new int[] {1});
    // (an UPDATE ... SET company_id = ? would do, but Citus refuses any parameter there)
    String upsert = "insert into campaigns (company_id, id, name) values (?, ?, ?) on conflict (company_id, id) "
        + "do update set name = ? where campaigns.company_id = ? and excluded.id = ? "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {5}, new int[] {1});
    TenantContext.call(1L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection())) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          assertThatThrownBy(() -> ps.setLong(1, 2)).isInstanceOf(TenantMismatchException.class)
              .hasMessageContaining("tenant value 2 (parameter 1)").hasMessageContaining("current tenant is 1");
          assertThatThrownBy(() -> ps.setNull(1, java.sql.Types.BIGINT)).isInstanceOf(TenantMismatchException.class);
          assertThatThrownBy(() -> ps.setBytes(1, new byte[] {1})).isInstanceOf(TenantMismatchException.class);
          ps.setObject(1, 1); // an Integer names the same tenant as the Long 1
          ps.setLong(2, 9);
          ps.setString(3, "x");
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
          assertThatThrownBy(() -> ps.setInt(1, 2)).isInstanceOf(TenantMismatchException.class);
          ps.setInt(1, 1);
          ps.setLong(2, 9);
          ps.setString(3, "z");
          ps.setString(4, "y");
          ps.setLong(5, 9); // the application's fifth parameter, after the tenant placeholder
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try {
          // every tenant's rows with id 9: only tenant 1's, renamed by the upsert (multi-shard on purpose)
          List<String> rows = RoutingCheck.allowMultiShard(() -> {
            try (Statement s = TenantBinding.unwrap(c).createStatement();
                ResultSet rs = s.executeQuery("select company_id, name from campaigns where id = 9")) {
              List<String> found = new ArrayList<>();
              while (rs.next()) {
                found.add(rs.getLong(1) + ":" + rs.getString(2));
              }
              return found;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          assertThat(rows).containsExactly("1:y");
        } finally {
          c.rollback();
        }
      }
      return null;
    });
  }

  @Test
  void severalTenantPlaceholdersAndClearedParameters() throws Exception {
    String sql = "select a.name from campaigns a join campaigns b on b.id = a.id and b.company_id = ? "
        + "where a.company_id = ? and a.id = ? " + TenantBindingPlan.marker(TenantType.LONG, new int[] {1, 2}, new int[0]);
    TenantContext.call(1L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection()); PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, 2);
        assertThat(names(ps)).containsExactly("b");
        ps.clearParameters();
        ps.setLong(1, 3);
        assertThat(names(ps)).isEmpty();
      }
      return null;
    });
  }

  @Test
  void statementsWithoutPlanPassThrough() throws SQLException {
    try (Connection c = TenantBinding.wrap(pool.getConnection());
        PreparedStatement ps = c.prepareStatement("select count(*) from campaigns where id > ? and id < 10")) {
      ps.setLong(1, 0);
      // multi-shard on purpose: a statement without tenant placeholders goes out as written
      try (ResultSet rs = RoutingCheck.allowMultiShard(() -> executeQuery(ps))) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(4);
      }
    }
  }

  @Test
  void withoutTenantNothingIsPrepared() {
    String sql = "select name from campaigns where company_id = ? " + TenantBindingPlan.marker(TenantType.LONG,
        new int[] {1}, new int[0]);
    assertThatThrownBy(() -> query(sql)).isInstanceOf(MissingTenantException.class);
  }

  @Test
  void aPlainStatementCannotCarryATenantParameter() {
    String sql = "select name from campaigns where company_id = ? " + TenantBindingPlan.marker(TenantType.LONG,
        new int[] {1}, new int[0]);
    assertThatThrownBy(() -> TenantContext.call(1L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection()); Statement s = c.createStatement()) {
        return s.executeQuery(sql);
      }
    })).isInstanceOf(UnscopableStatementException.class);
  }

  @Test
  void batchedInsertsBindTheTenantInEveryRowAndReturnKeys() throws Exception {
    String insert = "insert into campaigns (id, name, company_id) values (?, ?, ?) "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {3}, new int[0]);
    List<Long> keys = TenantContext.call(7L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection());
          PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
        for (long id = 70; id < 73; id++) {
          ps.setLong(1, id);
          ps.setString(2, "batch" + id);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
        List<Long> generated = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          while (rs.next()) {
            generated.add(rs.getLong(1));
          }
        }
        return generated;
      }
    });
    assertThat(keys).containsExactly(70L, 71L, 72L);
    String select = "select name from campaigns where company_id = ? order by id "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {1}, new int[0]);
    assertThat(TenantContext.call(7L, () -> query(select))).containsExactly("batch70", "batch71", "batch72");
  }

  @Test
  void callableStatementsShiftTheirParametersToo() throws Exception {
    String sql = "select name from campaigns where id = ? and company_id = ? "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {2}, new int[0]);
    List<String> names = TenantContext.call(1L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection()); CallableStatement cs = c.prepareCall(sql)) {
        cs.setLong(1, 2);
        List<String> found = names(cs);
        cs.clearParameters();
        cs.setLong(1, 3); // tenant 2's row: the re-bound tenant 1 hides it
        found.addAll(names(cs));
        return found;
      }
    });
    assertThat(names).containsExactly("b");
  }

  @Test
  void aTenantOfTheWrongTypeClosesTheStatementItWasBoundTo() throws SQLException {
    String sql = "select name from campaigns where company_id = ? " + TenantBindingPlan.marker(TenantType.LONG,
        new int[] {1}, new int[0]);
    List<PreparedStatement> prepared = new ArrayList<>();
    try (Connection raw = pool.getConnection()) {
      Connection recording = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            Object result = method.invoke(raw, args);
            if (result instanceof PreparedStatement ps) {
              prepared.add(ps);
            }
            return result;
          });
      Connection wrapped = TenantBinding.wrap(recording);
      assertThatThrownBy(() -> TenantContext.call("not-a-number", () -> wrapped.prepareStatement(sql)))
          .isInstanceOf(InvalidTenantException.class);
      assertThat(prepared).hasSize(1);
      assertThat(prepared.get(0).isClosed()).isTrue();
    }
  }

  @Test
  void everyWayOfSendingPlainSqlRefusesATenantParameter() throws Exception {
    String sql = "update campaigns set name = 'x' where company_id = ? "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {1}, new int[0]);
    List<Send> sends = List.of(s -> s.executeUpdate(sql), s -> s.execute(sql),
        s -> s.executeLargeUpdate(sql), s -> s.addBatch(sql), s -> s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
    for (Send send : sends) {
      assertThatThrownBy(() -> TenantContext.call(1L, () -> {
        try (Connection c = TenantBinding.wrap(pool.getConnection()); Statement s = c.createStatement()) {
          send.to(s);
        }
        return null;
      })).isInstanceOf(UnscopableStatementException.class);
    }
    assertThat(TenantContext.call(1L, () -> query("select name from campaigns where company_id = ? and id = ? "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {1}, new int[0]), 1))).containsExactly("a");
  }

  @Test
  void theWrappedConnectionUnwrapsForItsPool() throws SQLException {
    Connection raw = pool.getConnection();
    Connection wrapped = TenantBinding.wrap(raw);
    assertThat(TenantBinding.wrap(wrapped)).isSameAs(wrapped);
    assertThat(TenantBinding.unwrap(wrapped)).isSameAs(raw);
    raw.close();
  }

  private interface Send {
    void to(Statement statement) throws SQLException;
  }

  private static List<String> query(String sql, long... params) throws SQLException {
    try (Connection c = TenantBinding.wrap(pool.getConnection()); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setLong(i + 1, params[i]);
      }
      return names(ps);
    }
  }

  private static List<String> names(PreparedStatement ps) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static boolean execute(Statement s, String sql) {
    try {
      return s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static ResultSet executeQuery(PreparedStatement ps) {
    try {
      return ps.executeQuery();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
