package io.citushibernate.stateless;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Two databases of one model: one scoped by citus-hibernate holding three tenants whose rows have
 * the same ids and different values, and one of plain Hibernate ({@code citus.hibernate.enabled=false})
 * holding only the current tenant's rows. An operation runs on both; the current tenant's rows
 * must then be the same in both, and the other tenants' rows unchanged.
 */
final class PlainComparison implements AutoCloseable {
  static final List<Long> TENANTS = List.of(1L, 2L, 3L);
  static final long CURRENT = 2L;

  /** A table compared by a checksum of {@code columns}, filtered by {@code tenantColumn} in the scoped database. */
  record Compared(String table, String columns, String tenantColumn) {
  }

  /** Writes tenant {@code tenant}'s rows, setting its tenant keys itself (plain Hibernate fills none). */
  interface Seeder {
    void seed(Session session, long tenant);
  }

  /** One operation, run on both databases; {@code plainTenant} is the tenant plain Hibernate must be told, else null. */
  interface Operation<S> {
    void run(S session, Long plainTenant);
  }

  final CitusTestDatabase scoped;
  /** Holds the plain database's schema; its tables are {@link #plainFactory}'s. */
  final CitusTestDatabase plain;
  private SessionFactory plainFactory;
  private final List<Compared> tables;
  private final Seeder seeder;

  PlainComparison(String binding, List<Class<?>> entities, List<Compared> tables, Seeder seeder) {
    this.tables = tables;
    this.seeder = seeder;
    scoped = CitusTestDatabase.create().entities(entities).property("citus.hibernate.tenant_binding", binding).open();
    try {
      plain = CitusTestDatabase.create().routingCheck(false).open();
    } catch (RuntimeException e) {
      scoped.close();
      throw e;
    }
    try {
      plainFactory = plainFactory(plain, entities);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Plain Hibernate's own schema and session factory on {@code database}'s schema: built here, as
   * the testkit would make the tables Citus-ready (composite keys, distributed) on a Citus server.
   */
  private static SessionFactory plainFactory(CitusTestDatabase database, List<Class<?>> entities) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.connection.datasource", database.dataSource())
        .applySetting("hibernate.hbm2ddl.auto", "create")
        .applySetting("citus.hibernate.enabled", "false")
        .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** Fresh rows: every tenant's in the scoped database, the current tenant's in the plain one. */
  void seed() {
    scoped.truncateAll();
    plain.truncateAll();
    for (long t : TENANTS) {
      TenantContext.run(t, () -> scoped.sessionFactory().inTransaction(s -> seeder.seed(s, t)));
    }
    plainFactory.inTransaction(s -> seeder.seed(s, CURRENT));
    scoped.clearStatements();
  }

  /** Runs {@code operation} in a stateless transaction: scoped for the current tenant, and on plain Hibernate. */
  void statelessOnBoth(Operation<StatelessSession> operation) {
    TenantContext.run(CURRENT, () -> inStateless(scoped.sessionFactory(), s -> operation.run(s, null)));
    inStateless(plainFactory, s -> operation.run(s, CURRENT));
  }

  /** Runs {@code operation} in a session's transaction: scoped for the current tenant, and on plain Hibernate. */
  void onBoth(Operation<Session> operation) {
    TenantContext.run(CURRENT, () -> scoped.sessionFactory().inTransaction(s -> operation.run(s, null)));
    plainFactory.inTransaction(s -> operation.run(s, CURRENT));
  }

  /** Runs {@code work} in a stateless transaction of the scoped database for the current tenant. */
  void statelessOnScoped(Consumer<StatelessSession> work) {
    TenantContext.run(CURRENT, () -> inStateless(scoped.sessionFactory(), work));
  }

  private static void inStateless(SessionFactory factory, Consumer<StatelessSession> work) {
    try (StatelessSession session = factory.openStatelessSession()) {
      session.getTransaction().begin();
      try {
        work.accept(session);
        session.getTransaction().commit();
      } catch (RuntimeException e) {
        if (session.getTransaction().isActive()) {
          session.getTransaction().rollback();
        }
        throw e;
      }
    }
  }

  /**
   * Asserts that the current tenant's rows are plain Hibernate's, and the other tenants' rows
   * those of {@code before} ({@link #scopedChecksums()} taken before the operation).
   */
  void assertCurrentIsPlainAndOthersUnchanged(Map<Long, Map<String, String>> before) {
    Map<Long, Map<String, String>> after = scopedChecksums();
    assertThat(after.get(CURRENT)).as("the current tenant's rows against plain Hibernate's")
        .isEqualTo(checksums(plain, null));
    for (long other : TENANTS) {
      if (other != CURRENT) {
        assertThat(after.get(other)).as("tenant %s's rows", other).isEqualTo(before.get(other));
      }
    }
  }

  /** Per tenant, per table, a checksum of its rows in the scoped database. */
  Map<Long, Map<String, String>> scopedChecksums() {
    Map<Long, Map<String, String>> all = new LinkedHashMap<>();
    for (long t : TENANTS) {
      all.put(t, checksums(scoped, t));
    }
    return all;
  }

  private Map<String, String> checksums(CitusTestDatabase db, Long tenant) {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection()) {
      for (Compared table : tables) {
        String rows = "select " + table.columns() + " from " + db.schema() + "." + table.table()
            + (tenant == null ? "" : " where " + table.tenantColumn() + " = " + tenant);
        try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(md5(string_agg(r::text, '|' "
            + "order by r::text)), '') from (" + rows + ") r"); ResultSet rs = ps.executeQuery()) {
          rs.next();
          sums.put(table.table(), rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return sums;
  }

  @Override
  public void close() {
    try {
      scoped.close();
    } finally {
      try {
        if (plainFactory != null) {
          plainFactory.close();
        }
      } finally {
        plain.close();
      }
    }
  }
}
