package io.citushibernate.jdbc;

import static io.citushibernate.jdbc.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import io.citushibernate.internal.jdbc.delegate.DelegatingDataSource;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code citus.hibernate.routing_guard}: Citus' {@code citus.multi_task_query_log_level} on the
 * application's connections, lifted in cross-tenant scopes, restored after, and never left lifted
 * on a pooled connection, rollbacks included. On PostgreSQL without Citus the setting is a
 * placeholder that can be read back; on Citus it is the real guard.
 */
@CitusTest(cleanup = false)
class RoutingGuardTest {
  private static final String READ = "select coalesce(current_setting('citus.multi_task_query_log_level', true), '')";
  static DataSource pool;

  /** One pooled connection, seen raw by the test and through the wrapper, which cannot close it. */
  private Connection raw;
  /** The connection's own level before the test: what "the guard is not there" reads as. */
  private String baseline;
  private TenantScopedDataSource guarded;

  @BeforeAll
  static void schema() {
    Jdbc.fixture(pool, "create table tasks (company_id bigint not null, id bigint not null, primary key (company_id, id))");
  }

  @BeforeEach
  void open() throws SQLException {
    raw = pool.getConnection();
    // unset on plain PostgreSQL (a placeholder setting); Citus' own default, or the testkit's, on Citus
    baseline = level(raw);
    DataSource kept = new DelegatingDataSource(pool) {
      @Override
      public Connection getConnection() {
        return wrap(raw);
      }

      @Override
      protected Connection wrap(Connection connection) {
        return new DelegatingConnection(connection) {
          @Override
          public void close() {
            // the test's own connection: it goes back to the pool after the test
          }
        };
      }
    };
    guarded = TenantScopedDataSource.wrap(kept).tenantTable("tasks", "company_id")
        .setting(CitusSettings.ROUTING_GUARD, "error").build();
  }

  @AfterEach
  void close() throws SQLException {
    if (!raw.getAutoCommit()) {
      raw.rollback();
      raw.setAutoCommit(true);
    }
    raw.createStatement().execute("reset citus.multi_task_query_log_level");
    raw.close();
  }

  private static String level(Connection c) throws SQLException {
    return query(c, READ).get(0);
  }

  private static String inTenant(Connection c) {
    return TenantContext.get(1L, () -> Jdbc.unchecked(() -> level(c)));
  }

  private static String crossTenant(Connection c) {
    return RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: guard lifted",
        () -> Jdbc.unchecked(() -> level(c))));
  }

  @Test
  void theGuardHoldsForTenantWorkAndIsLiftedForCrossTenantScopes() throws SQLException {
    try (Connection c = guarded.getConnection()) {
      assertThat(inTenant(c)).isEqualTo("error");
      assertThat(crossTenant(c)).isEqualTo("off");
      assertThat(inTenant(c)).isEqualTo("error");
      assertThat(crossTenant(c)).isEqualTo("off");
    }
    assertThat(level(raw)).as("back in the pool").isEqualTo("error");
  }

  @Test
  void aRollbackUndoesTheGuardAndItIsSetAgain() throws SQLException {
    try (Connection c = guarded.getConnection()) {
      c.setAutoCommit(false);
      assertThat(inTenant(c)).isEqualTo("error");
      c.rollback();
      assertThat(level(raw)).as("the rollback undid the SET").isEqualTo(baseline);
      assertThat(inTenant(c)).isEqualTo("error");
      c.commit();
      assertThat(level(raw)).isEqualTo("error");
    }
  }

  @Test
  void aLiftInsideATransactionEndsWithItWhateverItsOutcome() throws SQLException {
    try (Connection c = guarded.getConnection()) {
      assertThat(inTenant(c)).isEqualTo("error"); // in autocommit: the session's value
      c.setAutoCommit(false);
      assertThat(crossTenant(c)).isEqualTo("off");
      assertThat(inTenant(c)).isEqualTo("error");
      assertThat(crossTenant(c)).isEqualTo("off");
      c.commit();
      assertThat(level(raw)).isEqualTo("error");
      assertThat(crossTenant(c)).isEqualTo("off");
      c.rollback();
      assertThat(level(raw)).isEqualTo("error");
      assertThat(crossTenant(c)).isEqualTo("off");
    }
    raw.rollback(); // what the pool does with a connection closed inside a transaction
    assertThat(level(raw)).as("back in the pool").isEqualTo("error");
  }

  @Test
  void aLiftInAutocommitDoesNotEnterTheNextTransaction() throws SQLException {
    try (Connection c = guarded.getConnection()) {
      assertThat(crossTenant(c)).isEqualTo("off");
      c.setAutoCommit(false);
      assertThat(level(raw)).isEqualTo("error");
      c.rollback();
      assertThat(level(raw)).isEqualTo("error");
    }
  }

  @Test
  void offLeavesTheSettingAlone() throws SQLException {
    TenantScopedDataSource unguarded = TenantScopedDataSource.wrap(pool).tenantTable("tasks", "company_id").build();
    // what a connection of the pool reads without the wrapper: on Citus the testkit's own routing check
    // sets the level too (and lifts it for allowMultiShard), so that is the reference, not a constant
    String plainInTenant;
    String plainCrossTenant;
    try (Connection plain = pool.getConnection()) {
      plainInTenant = inTenant(plain);
      plainCrossTenant = crossTenant(plain);
    }
    try (Connection c = unguarded.getConnection()) {
      assertThat(inTenant(c)).isEqualTo(plainInTenant);
      assertThat(crossTenant(c)).isEqualTo(plainCrossTenant);
    }
  }

  @Test
  void anInvalidLevelNamesTheSetting() {
    assertThatThrownBy(() -> TenantScopedDataSource.wrap(pool).setting(CitusSettings.ROUTING_GUARD, "loud").build())
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("citus.hibernate.routing_guard").hasMessageContaining("error or log or off or warning");
  }

  @Test
  void hibernatesConnectionsKeepTheGuardToo() {
    SessionFactory sessions;
    StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder().applySettings(Map.of(
        "hibernate.connection.datasource", pool, CitusSettings.ROUTING_GUARD, "warning"));
    sessions = new MetadataSources(registry.build()).buildMetadata().buildSessionFactory();
    try {
      String tenant = TenantContext.get(1L, () -> sessions.fromTransaction(s -> s.doReturningWork(RoutingGuardTest::level)));
      String cross = TenantContext.getCrossTenant("test: guard lifted",
          () -> sessions.fromTransaction(s -> s.doReturningWork(RoutingGuardTest::level)));
      assertThat(tenant).isEqualTo("warning");
      assertThat(cross).isEqualTo("off");
    } finally {
      sessions.close();
    }
  }
}
