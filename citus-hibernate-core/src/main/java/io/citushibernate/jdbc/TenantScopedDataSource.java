package io.citushibernate.jdbc;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.jdbc.DataSourceScoping;
import io.citushibernate.internal.jdbc.TenantTableCatalog;
import io.citushibernate.internal.jdbc.delegate.DelegatingDataSource;
import io.citushibernate.internal.mapping.TenantTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source whose connections scope every statement on a tenant table to the current tenant
 * ({@code TenantContext}), with the same rules as Hibernate's statement inspector: plain
 * statements, prepared statements (batches and generated keys included), callable statements and
 * {@code nativeSQL}. It fails closed: a statement on a tenant table with no tenant set raises
 * {@code MissingTenantException}, unsent; so is one that cannot be scoped (DDL on a tenant table,
 * SQL the parser cannot read: {@code UnscopableStatementException}). Inside
 * {@code TenantContext.runCrossTenant} statements are not pinned to a tenant, and schema changes
 * (migrations run on this data source) pass as written. Statements that touch no tenant table
 * pass unchanged.
 *
 * <pre>{@code
 * DataSource scoped = TenantScopedDataSource.wrap(hikari).build();
 * JdbcTemplate jdbc = new JdbcTemplate(scoped);
 * long mine = TenantContext.get(5L, () -> jdbc.queryForObject("select count(*) from campaigns", Long.class));
 * }</pre>
 *
 * <p>The tenant tables, in order of precedence: the mapping of a Hibernate session factory built
 * on this data source (give Hibernate this same data source: its statements are then scoped once,
 * by Hibernate, and share the connection with plain JDBC in a transaction); else Citus' catalog
 * ({@code pg_dist_partition}: every hash-distributed table and its distribution column), read
 * before the first statement and again after {@link #refreshTenantTables()}; plus the tables
 * declared with {@link Builder#tenantTable}. When none of them knows any table (PostgreSQL
 * without Citus, nothing declared, no mapping) every statement outside a cross-tenant scope is
 * refused, since any table could be a tenant table.
 *
 * <p>A session factory on this data source uses its connections as they are: the routing guard
 * and the other settings are this data source's ({@link Builder#setting}), not Hibernate's.
 */
public final class TenantScopedDataSource extends DelegatingDataSource {
  private final DataSourceScoping scoping;

  private TenantScopedDataSource(DataSource delegate, DataSourceScoping scoping) {
    super(delegate);
    this.scoping = scoping;
  }

  /** Starts wrapping {@code dataSource}, usually the application's connection pool. */
  public static Builder wrap(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Reads Citus' catalog again before the next statement, after DDL created or distributed tables. */
  public void refreshTenantTables() {
    scoping.refresh();
  }

  @Override
  protected Connection wrap(Connection connection) {
    return scoping.connection(connection);
  }

  /** Also unwraps to citus-hibernate's internal scoping, which a Hibernate mapping on this data source hands its tables to. */
  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type == DataSourceScoping.class || super.isWrapperFor(type);
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type == DataSourceScoping.class ? type.cast(scoping) : super.unwrap(type);
  }

  /** Options of a {@link TenantScopedDataSource}; every one may be left out. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Map<String, Object> settings = new HashMap<>();
    private final List<TenantTable> tenantTables = new ArrayList<>();
    private final Set<String> referenceTables = new HashSet<>();
    private TenantTableCatalog catalog = TenantTableCatalog.CITUS;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * A {@link CitusSettings} value. Those that apply: {@link CitusSettings#TENANT_BINDING},
     * {@link CitusSettings#ROUTING_GUARD}, {@link CitusSettings#UNPARSEABLE_STATEMENTS},
     * {@link CitusSettings#REWRITE_CACHE_SIZE}, {@link CitusSettings#MAX_STATEMENT_LENGTH},
     * {@link CitusSettings#MAX_STATEMENT_NESTING}, {@link CitusSettings#METRICS} and
     * {@link CitusSettings#METER_REGISTRY}; an invalid value fails {@link #build()}.
     */
    public Builder setting(String key, Object value) {
      settings.put(key, value);
      return this;
    }

    /** Several settings at once, e.g. the Hibernate properties; see {@link #setting}. */
    public Builder settings(Map<String, ?> values) {
      settings.putAll(values);
      return this;
    }

    /**
     * Declares {@code table} ({@code name} or {@code schema.name}) a tenant table distributed by
     * {@code column}. A Hibernate mapping on this data source takes precedence for the tables it maps.
     */
    public Builder tenantTable(String table, String column) {
      int dot = table.indexOf('.');
      tenantTables.add(dot < 0 ? new TenantTable(null, TenantTable.normalize(table), column)
          : new TenantTable(TenantTable.normalize(table.substring(0, dot)),
              TenantTable.normalize(table.substring(dot + 1)), column));
      return this;
    }

    /**
     * Declares {@code table} ({@code name} or {@code schema.name}) shared by all tenants: never
     * scoped, even when the catalog lists it as distributed.
     */
    public Builder referenceTable(String table) {
      int dot = table.indexOf('.');
      referenceTables.add(dot < 0 ? TenantTable.normalize(table)
          : TenantTable.normalize(table.substring(0, dot)) + "." + TenantTable.normalize(table.substring(dot + 1)));
      return this;
    }

    /** Where tenant tables are read when no mapping names them; package-private, for tests on PostgreSQL without Citus. */
    Builder catalog(TenantTableCatalog tables) {
      this.catalog = tables;
      return this;
    }

    /** The data source; settings are checked here. */
    public TenantScopedDataSource build() {
      return new TenantScopedDataSource(dataSource,
          new DataSourceScoping(settings, tenantTables, referenceTables, catalog));
    }
  }
}
