package io.citushibernate.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.jdbc.TenantScopedDataSource;
import io.citushibernate.tenant.TenantContext;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meters of a {@link TenantScopedDataSource} (client {@code jdbc}) on embedded PostgreSQL, in a
 * registry of their own: two tenants hold the same campaign ids with different names, and each
 * statement's outcome is counted exactly once, refusals by reason, never tagged by tenant.
 */
class ScopedDataSourceMetricsTest {
  private static final long FIRST = 101L;
  private static final long SECOND = 202L;
  private static EmbeddedPostgres postgres;

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final DataSource scoped = TenantScopedDataSource.wrap(postgres.getPostgresDatabase())
      .tenantTable("campaigns", "company_id")
      .setting(CitusSettings.METER_REGISTRY, registry)
      .setting(CitusSettings.MAX_STATEMENT_NESTING, "4")
      .build();

  @BeforeAll
  static void twoTenantsWithTheSameIds() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create table campaigns (company_id bigint, id bigint, name text, primary key (company_id, id));"
          + "create table settings (k text);"
          + "insert into settings values ('theme');"
          + "insert into campaigns values (" + FIRST + ", 1, 'first one'), (" + FIRST + ", 2, 'first two'),"
          + " (" + SECOND + ", 1, 'second one'), (" + SECOND + ", 2, 'second two')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void eachStatementIsCountedOnceByOutcomeAndRefusalsByReason() {
    String byId = "select name from campaigns where id = ?";
    assertThat(TenantContext.get(FIRST, () -> name(byId, 1))).isEqualTo("first one");
    assertThat(TenantContext.get(SECOND, () -> name(byId, 1))).isEqualTo("second one");
    assertThat(TenantContext.get(SECOND, () -> name(byId, 2))).isEqualTo("second two");
    assertThat(TenantContext.get(FIRST, () -> query("select k from settings"))).containsExactly("theme");
    assertThat(TenantContext.getCrossTenant("metrics test: every tenant's campaigns",
        () -> query("select name from campaigns order by name"))).hasSize(4);

    assertThatThrownBy(() -> query("select name from campaigns")).isInstanceOf(MissingTenantException.class);
    assertThatThrownBy(() -> TenantContext.run(FIRST, () -> execute(
        "insert into campaigns (company_id, id, name) values (" + SECOND + ", 3, 'not mine')")))
        .isInstanceOf(TenantMismatchException.class);
    assertThatThrownBy(() -> TenantContext.run(FIRST, () -> insertFor(SECOND))) // refused as the value is bound
        .isInstanceOf(TenantMismatchException.class);
    assertThatThrownBy(() -> TenantContext.run(FIRST, () -> query("select name from campaigns where ((")))
        .isInstanceOf(UnscopableStatementException.class);
    assertThatThrownBy(() -> TenantContext.run(FIRST, () -> query(
        "select name from campaigns where ((((((id = 1))))))"))).isInstanceOf(UnscopableStatementException.class);
    assertThatThrownBy(() -> TenantContext.run(FIRST, () -> execute("truncate campaigns")))
        .isInstanceOf(UnscopableStatementException.class);

    // byId three times, and the prepared insert: scoped as it was prepared, refused as its parameter was bound
    assertThat(count("citus.hibernate.statements", "outcome", "scoped")).isEqualTo(4);
    assertThat(count("citus.hibernate.statements", "outcome", "passed")).isEqualTo(1);
    assertThat(count("citus.hibernate.statements", "outcome", "cross-tenant")).isEqualTo(1);
    assertThat(count("citus.hibernate.statements.refused", "reason", "missing-tenant")).isEqualTo(1);
    assertThat(count("citus.hibernate.statements.refused", "reason", "tenant-mismatch")).isEqualTo(2);
    assertThat(count("citus.hibernate.statements.refused", "reason", "unparseable")).isEqualTo(1);
    assertThat(count("citus.hibernate.statements.refused", "reason", "too-large")).isEqualTo(1);
    assertThat(count("citus.hibernate.statements.refused", "reason", "unscopable")).isEqualTo(1);
    // misses: byId's first sight, settings, the cross-tenant select, the select without tenant, the two inserts
    // (kept: the mismatch is found when rendered or bound) and the three that fail analysis, which are never kept
    assertThat(count("citus.hibernate.rewrite.cache.gets", "result", "hit")).isEqualTo(2);
    assertThat(count("citus.hibernate.rewrite.cache.gets", "result", "miss")).isEqualTo(9);
    assertThat(registry.get("citus.hibernate.rewrite.cache.size").gauge().value()).isEqualTo(6);
    assertThat(registry.get("citus.hibernate.rewrite.analysis").timer().count()).isEqualTo(6);
    assertThat(registry.get("citus.hibernate.cross.tenant.scopes")
        .tag("reason", "metrics test: every tenant's campaigns").counter().count()).isEqualTo(1);
    assertThat(registry.get("citus.hibernate.statements").meters())
        .allSatisfy(m -> assertThat(m.getId().getTags()).contains(Tag.of("client", "jdbc"),
            Tag.of("session.factory", "default")));
    assertThat(tagValues()).noneMatch(v -> v.contains(Long.toString(FIRST)) || v.contains(Long.toString(SECOND)));
  }

  @Test
  void crossTenantReasonsAreCappedSoFreeTextCannotGrowTheRegistry() {
    name("select 1", 0); // registers this registry's meters
    for (int i = 0; i < MicrometerMeters.MAX_REASONS + 50; i++) {
      TenantContext.runCrossTenant("metrics cap test " + i, () -> { });
    }
    Collection<Meter> scopes = registry.get("citus.hibernate.cross.tenant.scopes").meters();
    assertThat(scopes).hasSizeLessThanOrEqualTo(MicrometerMeters.MAX_REASONS + 1);
    assertThat(registry.get("citus.hibernate.cross.tenant.scopes").tag("reason", "other").counter().count())
        .isGreaterThanOrEqualTo(50);
  }

  private List<String> tagValues() {
    List<String> values = new ArrayList<>();
    registry.getMeters().forEach(m -> m.getId().getTags().forEach(t -> values.add(t.getValue())));
    return values;
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  private String name(String sql, long id) {
    try (Connection c = scoped.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (id > 0) {
        s.setLong(1, id);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> query(String sql) {
    try (Connection c = scoped.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void insertFor(long tenant) {
    try (Connection c = scoped.getConnection();
        PreparedStatement s = c.prepareStatement("insert into campaigns (company_id, id, name) values (?, 3, 'x')")) {
      s.setLong(1, tenant);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    try (Connection c = scoped.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
