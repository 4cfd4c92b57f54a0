package io.citushibernate.benchmarks;

import javax.sql.DataSource;

/** The ways the end-to-end workload reaches the database, compared side by side. */
public enum Variant {
  /** citus-hibernate on, as configured by default: queries name no tenant, the library scopes them. */
  CITUS("citus") {
    @Override
    Workload create(DataSource dataSource) {
      return HibernateWorkload.create(dataSource, HibernateWorkload.Scoping.CITUS);
    }
  },
  /** citus-hibernate with {@code citus.hibernate.tenant_binding=literal}: the tenant written into the SQL text. */
  CITUS_LITERAL("citus_literal") {
    @Override
    Workload create(DataSource dataSource) {
      return HibernateWorkload.create(dataSource, "literal");
    }
  },
  /** Plain Hibernate ({@code citus.hibernate.enabled=false}), tenant predicates by hand as bind parameters. */
  HIBERNATE("hibernate") {
    @Override
    Workload create(DataSource dataSource) {
      return HibernateWorkload.create(dataSource, HibernateWorkload.Scoping.BY_HAND);
    }
  },
  /**
   * Hibernate's own discriminator multi-tenancy: a sibling model with {@code @TenantId} columns on
   * the same tables, the tenant from a {@code CurrentTenantIdentifierResolver}, citus-hibernate off,
   * the queries of {@link #CITUS} (no tenant named). See {@link TenantIdWorkload} for the statements
   * it leaves unscoped.
   */
  TENANT_ID("tenant_id") {
    @Override
    Workload create(DataSource dataSource) {
      return new TenantIdWorkload(dataSource);
    }
  },
  /**
   * Plain Hibernate without any tenant predicate: the headline's "before". On Citus its statistics
   * join cannot run and is left out of its request ({@link Workload#limitations()}).
   */
  UNSCOPED("unscoped") {
    @Override
    Workload create(DataSource dataSource) {
      return HibernateWorkload.create(dataSource, HibernateWorkload.Scoping.NONE);
    }
  },
  /** Plain JDBC, the scoped SQL with the tenant as a bind parameter: the floor. */
  JDBC("jdbc") {
    @Override
    Workload create(DataSource dataSource) {
      return new JdbcWorkload(dataSource, false);
    }
  },
  /**
   * Plain JDBC, the same SQL with the tenant inlined as a literal, as citus-hibernate sends it:
   * against {@link #JDBC} it isolates what literal tenants cost in the driver and the server
   * (the SQL text differs per tenant, so pgjdbc's server-side prepared statements are not reused).
   */
  JDBC_INLINED("jdbc_inlined") {
    @Override
    Workload create(DataSource dataSource) {
      return new JdbcWorkload(dataSource, true);
    }
  };

  private final String id;

  Variant(String id) {
    this.id = id;
  }

  /** The value of the {@code variant} benchmark parameter. */
  public String id() {
    return id;
  }

  abstract Workload create(DataSource dataSource);

  /** The variant whose {@link #id()} is {@code id}. */
  public static Variant of(String id) {
    for (Variant v : values()) {
      if (v.id.equals(id)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Unknown variant " + id);
  }
}
