package io.citushibernate.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.sql.TenantType;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
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
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {2});
    List<String> names = TenantContext.call(2L, () -> query(sql, 1, 4));
    assertThat(names).containsExactly("c", "d");
    List<String> other = TenantContext.call(1L, () -> query(sql, 1, 4));
    assertThat(other).containsExactly("a", "b");
  }

  @Test
  void severalTenantPlaceholdersAndClearedParameters() throws Exception {
    String sql = "select a.name from campaigns a join campaigns b on b.id = a.id and b.company_id = ? "
        + "where a.company_id = ? and a.id = ? " + TenantBindingPlan.marker(TenantType.LONG, new int[] {1, 2});
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
        PreparedStatement ps = c.prepareStatement("select count(*) from campaigns where id > ?")) {
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
        new int[] {1});
    assertThatThrownBy(() -> query(sql)).isInstanceOf(MissingTenantException.class);
  }

  @Test
  void aPlainStatementCannotCarryATenantParameter() {
    String sql = "select name from campaigns where company_id = ? " + TenantBindingPlan.marker(TenantType.LONG,
        new int[] {1});
    assertThatThrownBy(() -> TenantContext.call(1L, () -> {
      try (Connection c = TenantBinding.wrap(pool.getConnection()); Statement s = c.createStatement()) {
        return s.executeQuery(sql);
      }
    })).isInstanceOf(UnscopableStatementException.class);
  }

  @Test
  void theWrappedConnectionUnwrapsForItsPool() throws SQLException {
    Connection raw = pool.getConnection();
    Connection wrapped = TenantBinding.wrap(raw);
    assertThat(TenantBinding.wrap(wrapped)).isSameAs(wrapped);
    assertThat(TenantBinding.unwrap(wrapped)).isSameAs(raw);
    raw.close();
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
