package io.citushibernate.testkit;

import static io.citushibernate.testkit.CitusAssertions.assertStatementCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AuditNote;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.tenant.TenantContext;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@CitusTest(entities = {Company.class, Campaign.class, Ad.class, Click.class, GeoIp.class, AuditNote.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitusExtensionTest {
  static CitusDatabase staticDatabase;
  SessionFactory sessions;
  DataSource dataSource;
  CitusDatabase database;

  @Test
  @Order(1)
  void injectsFieldsAndParameters(EntityManagerFactory emf, CitusDatabase parameter, DataSource ds) {
    assertThat(sessions).isNotNull().isSameAs(emf);
    assertThat(database).isSameAs(parameter).isSameAs(staticDatabase);
    assertThat(dataSource).isSameAs(ds).isSameAs(database.dataSource());
    assertThat(database.schema()).startsWith("ctk_");
    if (!database.isCitus()) {
      assertThat(database.kind()).isEqualTo(CitusDatabase.Kind.EMBEDDED_POSTGRES);
    }
  }

  @Test
  @Order(2)
  void tenantScopedWorkPassesTheRoutingCheck() {
    AdAnalyticsFixture.load(sessions, 3);
    long running = TenantContext.get(3L, () -> sessions.fromSession(s -> s.createSelectionQuery(
        "select count(c) from Campaign c where c.state = 'running'", Long.class).getSingleResult()));
    assertThat(running).isEqualTo(2L);
    assertThat(database.statements()).anyMatch(sql -> sql.toLowerCase().startsWith("insert into ads"));
  }

  @Test
  @Order(3)
  void tablesAreEmptyAfterTheTestThatFilledThem() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select (select count(*) from companies where id = 1) + "
            + "(select count(*) from campaigns where company_id = 1) + (select count(*) from geo_ips)")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  @Order(4)
  void unscopedQueryFailsNamingStatementAndTable() {
    AdAnalyticsFixture.load(sessions, 2);
    String sql = "select name from campaigns where state = 'running'";
    assertThatThrownBy(() -> {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.executeQuery(sql).close();
      }
    }).hasStackTraceContaining("Multi-shard statement refused")
        .hasStackTraceContaining(sql)
        .hasStackTraceContaining(database.isCitus() ? "multi-task query about to be executed"
            : "distributed table campaigns is not pinned");
  }

  @Test
  @Order(4)
  void statementsInsideACrossTenantScopeAreDeliberateAndPass() {
    AdAnalyticsFixture.load(sessions, 2);
    List<String> running = TenantContext.getCrossTenant("test: every tenant's running campaigns", () ->
        sessions.fromSession(s -> s.createNativeQuery("select name from campaigns where state = 'running'",
            String.class).list()));
    assertThat(running).hasSize(2);
  }

  @Test
  @Order(5)
  void unpinnedJoinFailsOnTheJoinedTable() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select a.name from campaigns c join ads a on a.campaign_id = c.id "
          + "where c.company_id = 1"))
          .isInstanceOf(SQLException.class)
          // Citus cannot plan the join at all: the tables meet on a column that is not the tenant's
          .hasMessageContaining(database.isCitus() ? "requires repartitioning" : "ads a")
          .hasMessageContaining(database.isCitus() ? "citus.enable_repartition_joins" : "a.company_id");
    }
  }

  @Test
  @Order(6)
  void allowMultiShardBlockLetsDeliberateAnalyticsThrough() {
    AdAnalyticsFixture.load(sessions, 2);
    int perCompany = RoutingCheck.allowMultiShard(() -> rows(
        "select company_id, count(*) from campaigns group by company_id order by 1"));
    assertThat(perCompany).isEqualTo(2);
    assertThat(RoutingCheck.isMultiShardAllowed()).isFalse();
  }

  @Test
  @Order(7)
  @AllowMultiShard("the whole test is cross-tenant analytics")
  void allowMultiShardAnnotationLiftsTheCheckForOneTest() {
    AdAnalyticsFixture.load(sessions, 2);
    assertThat(rows("select id from ads")).isEqualTo(6);
  }

  /** The rows {@code sql} returns, sent over plain JDBC (no tenant scope of citus-hibernate). */
  private int rows(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(8)
  void statementCountExposesNPlusOne() {
    AdAnalyticsFixture.load(sessions, 3);
    TenantContext.run(3L, () -> sessions.inSession(s -> {
      assertStatementCount(4, () -> {
        List<Campaign> campaigns = s.createSelectionQuery("from Campaign order by id", Campaign.class).list();
        campaigns.forEach(c -> c.getAds().size());
      });
      s.clear();
      assertThatThrownBy(() -> assertStatementCount(1, () -> {
        List<Campaign> campaigns = s.createSelectionQuery("from Campaign order by id", Campaign.class).list();
        campaigns.forEach(c -> c.getAds().size());
      })).isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected 1 statement(s) but 4 ran")
          .message().containsIgnoringCase("from ads");
      s.clear();
      assertStatementCount(1, () -> s.createSelectionQuery(
          "select distinct c from Campaign c left join fetch c.ads order by c.id", Campaign.class).list());
    }));
  }

  @Test
  @Order(9)
  void truncateAllEmptiesEveryTableInOneStatement() throws SQLException {
    AdAnalyticsFixture.load(sessions, 1);
    database.truncateAll();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from audit_notes")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

}
