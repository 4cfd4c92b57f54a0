package io.citushibernate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;

import io.citushibernate.annotation.ReferenceTable;
import io.citushibernate.annotation.TenantOwned;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.server.Providers;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @CitusTest} in schema mode, run through the JUnit engine: the tenant schemas exist for
 * the class's tests and are gone after; statements in the current tenant's schema and the shared
 * one pass, one naming another tenant's schema or a tenant table with no tenant fails its test.
 */
class SchemaModeTest {
  static final String SCHEMA_MODE = "citus.hibernate.tenancy=schema";

  @Entity
  @Table(name = "sm_plans")
  @ReferenceTable
  static class Plan {
    @Id
    Long id;
    String name;

    Plan() {
    }

    Plan(Long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  @Entity
  @Table(name = "sm_cards")
  @TenantOwned
  static class Card {
    @Id
    Long id;
    String text;
    @ManyToOne(fetch = FetchType.LAZY)
    Plan plan;

    Card() {
    }

    Card(Long id, String text, Plan plan) {
      this.id = id;
      this.text = text;
      this.plan = plan;
    }
  }

  @CitusTest(entities = {Plan.class, Card.class}, properties = SCHEMA_MODE, tenants = {"1", "2", "3"})
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SchemaModeClass {
    static volatile String tenantSchemaPrefix;
    static volatile List<Object> tenantSchemasSeen;
    SessionFactory sessions;
    DataSource dataSource;
    CitusDatabase database;

    @Test
    @Order(1)
    void eachTenantReadsItsOwnSchemaAndTheSharedOne() {
      tenantSchemaPrefix = database.schema() + "_t";
      tenantSchemasSeen = column("select nspname from pg_namespace where starts_with(nspname, '"
          + tenantSchemaPrefix + "') order by 1");
      sessions.inTransaction(s -> s.persist(new Plan(1L, "free")));
      for (long t = 1; t <= 3; t++) {
        long tenant = t;
        TenantContext.run(tenant, () -> sessions.inTransaction(s -> {
          s.persist(new Card(1L, "t" + tenant + "-card-1", s.getReference(Plan.class, 1L)));
          s.persist(new Card(2L, "t" + tenant + "-card-2", null));
        }));
      }
      for (long t = 1; t <= 3; t++) {
        List<String> read = TenantContext.get(t, () -> sessions.fromTransaction(s -> s.createQuery(
            "select c.text || '/' || coalesce(p.name, '-') from SchemaModeTest$Card c left join c.plan p order by c.id",
            String.class).getResultList()));
        assertThat(read).containsExactly("t" + t + "-card-1/free", "t" + t + "-card-2/-");
      }
    }

    @Test
    @Order(2)
    void tablesAreEmptiedAfterEachTest() {
      for (long t = 1; t <= 3; t++) {
        long count = TenantContext.get(t, () -> sessions.fromTransaction(s -> s.createQuery(
            "select count(c) from SchemaModeTest$Card c", Long.class).getSingleResult()));
        assertThat(count).isZero();
      }
    }

    @Test
    void namesAnotherTenantsSchema() {
      String other = CitusTenants.of(sessions).schemaOf(2L);
      TenantContext.run(1L, () -> sessions.inTransaction(s -> s.createNativeQuery(
          "select count(*) from " + other + ".sm_cards", Long.class).getSingleResult()));
    }

    @Test
    void namesATenantTableWithNoTenant() throws SQLException {
      // past citus-hibernate (which refuses it itself): the test's own JDBC on the testkit's data source
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.executeQuery("select count(*) from sm_cards").close();
      }
    }

    private List<Object> column(String sql) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        List<Object> values = new java.util.ArrayList<>();
        while (rs.next()) {
          values.add(rs.getObject(1));
        }
        return values;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void theSchemaRoutingCheckPassesTenantWorkAndFailsStatementsOutsideTheTenantsSchema() throws SQLException {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SchemaModeClass.class)).execute()
        .testEvents();
    tests.assertStatistics(s -> s.started(4).succeeded(2).failed(2));
    String prefix = SchemaModeClass.tenantSchemaPrefix;
    tests.assertThatEvents()
        .haveExactly(1, event(test("namesAnotherTenantsSchema"), finishedWithFailure(chainContains(
            "refused by the testkit's schema routing check", "names " + prefix + "2.sm_cards in another tenant's "
                + "schema while tenant 1 (schema " + prefix + "1) is current"))))
        .haveExactly(1, event(test("namesATenantTableWithNoTenant"), finishedWithFailure(chainContains(
            "refused by the testkit's schema routing check", "tenant table sm_cards is named while no tenant is "
                + "current"))));
    assertThat(SchemaModeClass.tenantSchemasSeen).containsExactly(prefix + "1", prefix + "2", prefix + "3");
    try (Connection c = Providers.server().connect(null); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_namespace where starts_with(nspname, '" + prefix + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the tenant schemas are dropped after the class").isZero();
    }
  }

  /** A failure whose exception or one of its causes says all of {@code parts}. */
  private static org.assertj.core.api.Condition<Throwable> chainContains(String... parts) {
    Predicate<Throwable> says = failure -> {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        chain.append(t.getMessage()).append('\n');
      }
      return List.of(parts).stream().allMatch(chain.toString()::contains);
    };
    return new org.assertj.core.api.Condition<>(says, "a failure saying %s", List.of(parts));
  }
}
