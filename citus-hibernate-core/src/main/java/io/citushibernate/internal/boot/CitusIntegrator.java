package io.citushibernate.internal.boot;

import io.citushibernate.CitusSettings;
import io.citushibernate.CitusHibernateException;
import io.citushibernate.internal.event.CrossTenantIdentityListener;
import io.citushibernate.internal.event.SessionTenantListener;
import io.citushibernate.internal.event.TenantReadListener;
import io.citushibernate.internal.jdbc.DataSourceScoping;
import io.citushibernate.internal.jdbc.SchemaTenancy;
import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.internal.event.TenantWriteListener;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.internal.metrics.Meters;
import io.citushibernate.internal.metrics.StatementMetrics;
import io.citushibernate.internal.schema.CitusSchema;
import io.citushibernate.internal.schema.TenantSchemas;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.boot.TenantContextIdentifierResolver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.internal.SessionFactoryOptionsBuilder;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a session factory tenant-scoped. Found by Hibernate through {@code META-INF/services};
 * configured with the Hibernate properties of {@link CitusSettings}.
 *
 * <p>It reads the tenancy of the mappings ({@link TenantModel}), installs the statement inspector
 * that scopes every statement to the current tenant, and registers the event listeners that
 * guard writes and cache reads.
 */
public final class CitusIntegrator implements Integrator {
  private static final Logger LOG = LoggerFactory.getLogger(CitusIntegrator.class);

  @Override
  public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
    HibernateLine.check();
    // first, whatever follows: the bootstrap's connections were Hibernate's own work, the next ones are sessions'
    TenantBinding.startServing(sessionFactory.getServiceRegistry().getService(ConnectionProvider.class));
    Map<String, Object> properties = sessionFactory.getServiceRegistry()
        .requireService(ConfigurationService.class).getSettings();
    BootSettings settings = BootSettings.from(properties);
    if (!settings.enabled()) {
      LOG.info("citus-hibernate is disabled ({}=false)", CitusSettings.ENABLED);
      return;
    }
    TenantModel model = TenantModel.of(metadata, settings.schemaTenancy(), settings.schemaTenantType());
    if (model.isEmpty()) {
      return;
    }
    String unit = unitName(sessionFactory, properties);
    StatementMetrics metrics = Meters.statements(properties, unit, Meters.HIBERNATE);
    TenantBinding.countRefusals(sessionFactory.getServiceRegistry().getService(ConnectionProvider.class), metrics);
    if (settings.schemaTenancy()) {
      installSchemaTenancy(sessionFactory, metadata, model, settings, properties, metrics);
    } else {
      installRowTenancy(sessionFactory, metadata, model, settings, properties, unit, metrics);
    }
    boolean sessionsKnowTheirTenant = installTenantResolver(sessionFactory);
    EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
    TenantWriteListener writes = new TenantWriteListener(model);
    listeners.prependListeners(EventType.PERSIST, writes);
    listeners.prependListeners(EventType.PERSIST_ONFLUSH, writes);
    listeners.prependListeners(EventType.MERGE, writes);
    listeners.prependListeners(EventType.DELETE, writes);
    listeners.prependListeners(EventType.FLUSH_ENTITY, writes);
    listeners.appendListeners(EventType.PRE_INSERT, writes);
    listeners.appendListeners(EventType.PRE_UPDATE, writes);
    listeners.appendListeners(EventType.PRE_UPSERT, writes);
    listeners.appendListeners(EventType.PRE_DELETE, writes);
    TenantReadListener reads = new TenantReadListener(model);
    listeners.appendListeners(EventType.LOAD, reads);
    listeners.prependListeners(EventType.INIT_COLLECTION, reads);
    CrossTenantIdentityListener.register(listeners, model);
    // last, so that it runs first: the session rule decides before any other check
    if (sessionsKnowTheirTenant) {
      if (sessionFactory.getServiceRegistry().getService(TransactionCoordinatorBuilder.class)
          instanceof TenantSessionCoordinatorBuilder coordinators) {
        coordinators.checkSessionsOf(sessionFactory, model.tenantType());
      }
      SessionTenantListener sessions = new SessionTenantListener(model);
      for (EventType<?> type : List.of(EventType.LOAD, EventType.PRE_LOAD, EventType.INIT_COLLECTION,
          EventType.PERSIST, EventType.PERSIST_ONFLUSH, EventType.MERGE, EventType.DELETE, EventType.REFRESH,
          EventType.LOCK, EventType.AUTO_FLUSH, EventType.FLUSH)) {
        prepend(listeners, type, sessions);
      }
    }
    LOG.info("citus-hibernate scopes {} tenant table(s) by a {} tenant {}: {}", model.tenantTables().size(),
        model.tenantType().javaType().getSimpleName(), settings.schemaTenancy() ? "schema" : "key",
        model.tenantTables());
  }

  /**
   * The row model: Citus-ready keys and distribution in the schema export, and the statement
   * inspector that adds the tenant predicate to every statement on tenant tables.
   */
  private static void installRowTenancy(SessionFactoryImplementor sessionFactory, Metadata metadata,
      TenantModel model, BootSettings settings, Map<String, Object> properties, String unit,
      StatementMetrics metrics) {
    CitusSchema.apply(metadata, model, properties);
    StatementRewriter rewriter = settings.rewriter().rewriterOf(model.tables(), metrics);
    boolean bindingInstalled =
        TenantBinding.isInstalled(sessionFactory.getServiceRegistry().getService(ConnectionProvider.class));
    if (settings.bindAsParameter() && !bindingInstalled) {
      throw new CitusHibernateException(CitusSettings.TENANT_BINDING + "=parameter needs Hibernate to get its "
          + "connections through a ConnectionProvider that citus-hibernate can wrap, and this session factory "
          + "has none (multi-tenant connection provider?). Use " + CitusSettings.TENANT_BINDING + "=literal.");
    }
    DataSourceScoping scopingDataSource = scopingDataSource(sessionFactory);
    if (scopingDataSource != null) {
      scopingDataSource.adoptMapping(model.tenantTables(), model.referenceTables(), model.tenantType(), unit);
    }
    installInspector(sessionFactory, rewriter, model, settings.bindAsParameter(), bindingInstalled,
        scopingDataSource != null, metrics);
  }

  /**
   * Schema-per-tenant: no predicate and no Citus keys (the schema is the scope); Hibernate's
   * connections run each statement in its tenant's schema and refuse those on tenant tables
   * without one; the lifecycle API learns the factory's tenant tables.
   */
  private static void installSchemaTenancy(SessionFactoryImplementor sessionFactory, Metadata metadata,
      TenantModel model, BootSettings settings, Map<String, Object> properties, StatementMetrics metrics) {
    if (scopingDataSource(sessionFactory) != null) {
      throw new CitusHibernateException(CitusSettings.TENANCY + "=schema does not run on a TenantScopedDataSource, "
          + "which scopes statements by the row model's tenant column. Give Hibernate the plain data source.");
    }
    refuseSchemaManagement(properties);
    SchemaTenancy tenancy = SchemaTenancy.from(properties, model.tenantType(),
        settings.rewriter().rewriterOf(model.tables(), metrics));
    if (!TenantBinding.useSchemaTenancy(sessionFactory.getServiceRegistry().getService(ConnectionProvider.class),
        tenancy)) {
      throw new CitusHibernateException(CitusSettings.TENANCY + "=schema needs Hibernate to get its connections "
          + "through a ConnectionProvider that citus-hibernate can wrap, to set each connection's search_path, "
          + "and this session factory has none (multi-tenant connection provider?). Use "
          + CitusSettings.TENANCY + "=row, or let Hibernate open its connections from a DataSource or URL.");
    }
    TenantSchemas.register(sessionFactory, metadata, model, tenancy, properties);
  }

  @Override
  public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // the inspector and listeners go with the session factory; the shared registry forgets it
    if (serviceRegistry.getService(TransactionCoordinatorBuilder.class)
        instanceof TenantSessionCoordinatorBuilder coordinators) {
      coordinators.forget(sessionFactory);
    }
    TenantSchemas.forget(sessionFactory);
  }

  /**
   * Gives sessions the tenant they are opened for ({@link TenantContextIdentifierResolver}) unless
   * the application configured a resolver of its own. Returns whether sessions' tenant identifiers
   * are TenantContext tenants, which the session–tenant rule compares.
   */
  private static boolean installTenantResolver(SessionFactoryImplementor sessionFactory) {
    SessionFactoryOptions options = sessionFactory.getSessionFactoryOptions();
    CurrentTenantIdentifierResolver<Object> configured = options.getCurrentTenantIdentifierResolver();
    if (configured == null && options instanceof SessionFactoryOptionsBuilder builder) {
      builder.applyCurrentTenantIdentifierResolver(new TenantContextIdentifierResolver());
      return true;
    }
    if (configured instanceof TenantContextIdentifierResolver) {
      return true;
    }
    LOG.info("citus-hibernate leaves the configured tenant identifier resolver {} in place; sessions are not held "
        + "to the tenant they were opened for", configured == null ? null : configured.getClass().getName());
    return false;
  }

  /** Hibernate's schema management settings that would run against the database. */
  private static final List<String> SCHEMA_ACTIONS = List.of("hibernate.hbm2ddl.auto",
      "jakarta.persistence.schema-generation.database.action", "javax.persistence.schema-generation.database.action");

  /**
   * Hibernate's schema management would create, update or validate the tenant tables in the
   * shared schema, where a tenant statement could reach them through the {@code search_path}
   * whenever its own schema lacks a table: schema mode refuses to start with it.
   */
  private static void refuseSchemaManagement(Map<String, Object> properties) {
    for (String key : SCHEMA_ACTIONS) {
      Object action = properties.get(key);
      if (action != null && !"none".equalsIgnoreCase(action.toString().trim())) {
        throw new CitusHibernateException(CitusSettings.TENANCY + "=schema does not run with " + key + "=" + action
            + ": Hibernate would manage the tenant tables in the shared schema (" + CitusSettings.SCHEMA_SHARED
            + "), where tenants' statements could fall through to them. Set " + key + "=none; create the shared "
            + "tables with your migrations and each tenant's with CitusTenants.create(tenant).");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void prepend(EventListenerRegistry listeners, EventType<T> type, Object listener) {
    listeners.prependListeners(type, (T) listener);
  }

  /**
   * The scoping of the {@code TenantScopedDataSource} Hibernate gets its connections from, or
   * {@code null}: it takes the mapping's tenant tables, and leaves the statements this factory's
   * inspector scoped as they are.
   */
  private static DataSourceScoping scopingDataSource(SessionFactoryImplementor sessionFactory) {
    ConnectionProvider provider = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
    if (provider == null || !provider.isUnwrappableAs(DataSource.class)) {
      return null;
    }
    DataSource dataSource = provider.unwrap(DataSource.class);
    try {
      return dataSource != null && dataSource.isWrapperFor(DataSourceScoping.class)
          ? dataSource.unwrap(DataSourceScoping.class) : null;
    } catch (SQLException e) {
      throw new CitusHibernateException("citus-hibernate cannot tell whether Hibernate's data source "
          + dataSource.getClass().getName() + " is a TenantScopedDataSource: " + e.getMessage(), e);
    }
  }

  /** The session factory's name, else the persistence unit's: the {@code session.factory} tag of its meters. */
  private static String unitName(SessionFactoryImplementor sessionFactory, Map<String, Object> properties) {
    if (sessionFactory.getName() != null) {
      return sessionFactory.getName();
    }
    Object unit = properties.get(AvailableSettings.PERSISTENCE_UNIT_NAME);
    return unit == null ? null : unit.toString();
  }

  private static void installInspector(SessionFactoryImplementor sessionFactory, StatementRewriter rewriter,
      TenantModel model, boolean bindAsParameter, boolean bindingInstalled, boolean onScopingDataSource,
      StatementMetrics metrics) {
    SessionFactoryOptions options = sessionFactory.getSessionFactoryOptions();
    // Sessions read the inspector from the options when they open, so replacing it here, before
    // the factory serves its first session, scopes every session. Hibernate offers no other hook
    // that an Integrator can use.
    if (!(options instanceof SessionFactoryOptionsBuilder builder)) {
      throw new CitusHibernateException("citus-hibernate cannot install its statement inspector: the "
          + "session factory options are a " + options.getClass().getName() + ", not Hibernate's own. "
          + "Without it statements would not be scoped to tenants, so the session factory is not started. "
          + "Set " + CitusSettings.ENABLED + "=false to run without citus-hibernate.");
    }
    builder.applyStatementInspector(
        new TenantStatementInspector(rewriter, model.tenantType(), options.getStatementInspector(), bindAsParameter,
            bindingInstalled, onScopingDataSource, metrics));
  }
}
