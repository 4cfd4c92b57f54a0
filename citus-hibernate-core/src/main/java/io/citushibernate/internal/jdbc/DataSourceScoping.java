package io.citushibernate.internal.jdbc;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.internal.metrics.Meters;
import io.citushibernate.internal.metrics.StatementMetrics;
import io.citushibernate.internal.sql.CrossTenantJoins;
import io.citushibernate.internal.sql.Rewrite;
import io.citushibernate.internal.sql.RewriterSettings;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a tenant-scoping data source does to the SQL of its connections: scopes each statement with
 * the same {@link StatementRewriter} rules as Hibernate's statement inspector, for the current
 * tenant, and fails closed. Its tenant tables come from the Hibernate mapping of a session factory
 * built on the data source, else from the database's catalog ({@link TenantTableCatalog}, read
 * on first need), plus the tables declared explicitly.
 */
public final class DataSourceScoping {
  private static final Logger LOG = LoggerFactory.getLogger(DataSourceScoping.class);

  private final RewriterSettings rewriterSettings;
  private final boolean bindAsParameter;
  private final String routingGuard;
  private final List<TenantTable> declared;
  private final Set<String> referenceTables;
  private final TenantTableCatalog catalog;
  private final Map<String, ?> settings;
  /**
   * Counts the outcome of each of the application's statements (Hibernate's are counted by its
   * inspector), tagged with the session factory that adopted this data source, else {@code default}.
   */
  private volatile StatementMetrics metrics;
  /** The tables of the Hibernate mapping that adopted this data source; {@code null} before. */
  private volatile Mapping mapping;
  /** What is known now; {@code null} until first needed and after {@link #refresh()}. */
  private volatile Known known;

  /**
   * The tables of the Hibernate mapping a data source adopted.
   *
   * @param tables the tenant tables
   * @param referenceTables the reference tables (normalized names), which no tenant scopes
   * @param type the tenant type
   * @param owner the session factory, in words
   */
  public record Mapping(Set<TenantTable> tables, Set<String> referenceTables, TenantType type, String owner) {
  }

  /** The tenant tables in force: no {@code rewriter} when nothing at all is known. */
  private record Known(StatementRewriter rewriter, CrossTenantJoins joins, TenantType type) {
  }

  /**
   * @param settings {@code citus.hibernate.*} settings: the rewriter's, tenant binding, routing guard, meters
   * @param declared tenant tables named explicitly
   * @param referenceTables tables named explicitly as shared (normalized names), never tenant tables
   * @param catalog where tenant tables are read when no mapping names them
   */
  public DataSourceScoping(Map<String, ?> settings, List<TenantTable> declared, Set<String> referenceTables,
      TenantTableCatalog catalog) {
    this.rewriterSettings = RewriterSettings.from(settings);
    this.bindAsParameter = SettingValues.bindAsParameter(settings);
    this.routingGuard = SettingValues.routingGuard(settings);
    this.declared = List.copyOf(declared);
    this.referenceTables = Set.copyOf(referenceTables);
    this.catalog = catalog;
    this.settings = new HashMap<>(settings);
    this.metrics = Meters.statements(settings, null, Meters.JDBC);
  }

  /** {@code target}, scoping its statements. */
  public Connection connection(Connection target) {
    return new TenantBindingConnection(target, this, RoutingGuard.of(routingGuard), StatementMetrics.NONE, null);
  }

  /** Where the application's statements on this data source are counted. */
  StatementMetrics metrics() {
    return metrics;
  }

  /**
   * The tenant tables of a Hibernate mapping built on this data source; they take precedence over the
   * catalog and over tables declared with another column. A second session factory must map the same
   * tables with the same tenant type. {@code unit} names the session factory, or is {@code null}.
   */
  public synchronized void adoptMapping(List<TenantTable> tables, Set<String> referenceTables, TenantType type,
      String unit) {
    String owner = unit == null ? "a session factory" : "session factory " + unit;
    Mapping offered = new Mapping(Set.copyOf(tables), Set.copyOf(referenceTables), type, owner);
    Mapping current = mapping;
    if (current != null && !(current.tables().equals(offered.tables()) && current.type() == type)) {
      throw new CitusHibernateException("Two session factories on one TenantScopedDataSource map different "
          + "tenant tables: " + current.owner() + " maps " + current.tables() + " (" + current.type() + "), "
          + owner + " maps " + offered.tables() + " (" + type + "). Give each mapping its own "
          + "TenantScopedDataSource, or make their tenant tables agree.");
    }
    mapping = offered;
    metrics = Meters.statements(settings, unit, Meters.JDBC);
    known = null;
  }

  /**
   * The tables of the Hibernate mapping built on this data source, as it handed them over; empty
   * before (or without) one. For reports on the database's distribution, such as the Spring Boot
   * starter's Actuator endpoint.
   */
  public Optional<Mapping> mapping() {
    return Optional.ofNullable(mapping);
  }

  /** Forgets the tenant tables read from the catalog; they are read again before the next statement. */
  public void refresh() {
    known = null;
  }

  /** Whether {@code table} was declared a reference table, by its name or schema-qualified name. */
  private boolean isReference(TenantTable table) {
    return referenceTables.contains(table.name())
        || table.schema() != null && referenceTables.contains(table.schema() + "." + table.name());
  }

  private Known known(Connection target) throws SQLException {
    Known k = known;
    if (k == null) {
      synchronized (this) {
        k = known;
        if (k == null) {
          k = load(target);
          known = k;
        }
      }
    }
    return k;
  }

  private Known load(Connection target) throws SQLException {
    Map<String, TenantTable> tables = new LinkedHashMap<>();
    Mapping m = mapping;
    String source;
    TenantType type = null; // without a mapping: each tenant value's own type
    if (m != null) {
      m.tables().forEach(t -> tables.put(key(t), t));
      source = "the Hibernate mapping of " + m.owner();
      type = m.type();
    } else {
      Optional<List<TenantTable>> recorded = catalog.read(target);
      if (recorded.isEmpty() && declared.isEmpty()) { // shared tables alone do not tell which are tenant tables
        return new Known(null, null, type);
      }
      recorded.orElse(List.of()).stream().filter(t -> !isReference(t)).forEach(t -> tables.put(key(t), t));
      source = recorded.isPresent() ? "Citus' catalog (pg_dist_partition)" : "the declared tables";
    }
    for (TenantTable t : declared) {
      tables.putIfAbsent(key(t), t);
    }
    TenantTables found = new TenantTables(new ArrayList<>(tables.values()));
    LOG.info("TenantScopedDataSource scopes {} tenant table(s), from {}: {}", tables.size(), source, tables.values());
    return new Known(rewriterSettings.rewriterOf(found, metrics), new CrossTenantJoins(found), type);
  }

  private static String key(TenantTable t) {
    return (t.schema() == null ? "" : t.schema() + ".") + t.name();
  }

  /** The SQL to prepare for the application's {@code sql}. */
  String toPrepare(String sql, Connection target) throws SQLException {
    return scope(sql, target, true);
  }

  /** The SQL to run for the application's {@code sql}, given as text to a plain statement: the tenant as a literal. */
  String toExecute(String sql, Connection target) throws SQLException {
    return scope(sql, target, false);
  }

  private String scope(String sql, Connection target, boolean prepared) throws SQLException {
    if (sql == null || InspectedStatements.isInspected(sql)) {
      return sql; // Hibernate's, scoped (and counted) by its statement inspector already
    }
    try {
      return scopeApplications(sql, target, prepared);
    } catch (CitusHibernateException refused) {
      metrics.refused(StatementRewriter.refusalOf(refused));
      throw refused;
    }
  }

  private String scopeApplications(String sql, Connection target, boolean prepared) throws SQLException {
    Known k = known(target);
    if (k.rewriter() == null) {
      if (TenantContext.isCrossTenant()) {
        metrics.crossTenant();
        return sql;
      }
      throw new UnscopableStatementException("TenantScopedDataSource knows no tenant tables, so it cannot tell "
          + "whether a statement needs the tenant, and did not send it: the database has no Citus catalog "
          + "(pg_dist_partition), and neither a Hibernate mapping built on this data source nor tables declared "
          + "with TenantScopedDataSource.wrap(dataSource).tenantTable(table, column) name any. Declare the tenant "
          + "tables (and shared tables with referenceTable(table)). Statement: " + sql);
    }
    Rewrite rewrite;
    try {
      rewrite = k.rewriter().analyse(sql);
    } catch (UnscopableStatementException e) {
      if (TenantContext.isCrossTenant()) {
        // deliberate cross-tenant work, e.g. migrations on this data source: schema changes and
        // statements the parser cannot read pin no tenant, so they run as written
        metrics.crossTenant();
        return sql;
      }
      throw e;
    }
    if (!rewrite.touchesTenantTables()) {
      metrics.passed();
      return sql;
    }
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isPresent()) {
      TenantType type = k.type() != null ? k.type() : typeOf(tenant.get());
      String scoped = TenantBindingPlan.scoped(rewrite, type, tenant.get(), bindAsParameter, prepared);
      metrics.scoped();
      return scoped;
    }
    if (TenantContext.isCrossTenant()) {
      metrics.crossTenant();
      return rewrite.renderCrossTenant(k.joins());
    }
    throw new MissingTenantException("No tenant is set for a statement on tenant table(s) " + rewrite.tenantTables()
        + "; it was not sent. Run it inside TenantContext.run(tenantId, ...). Statement: " + sql);
  }

  /** The tenant type of {@code tenant} when no mapping or declaration names it: whole numbers are bound as bigint. */
  private static TenantType typeOf(Object tenant) {
    if (tenant instanceof UUID) {
      return TenantType.UUID;
    }
    return tenant instanceof String ? TenantType.STRING : TenantType.LONG;
  }
}
