package io.citushibernate.internal.schema;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.CitusMappingException;
import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.jdbc.SchemaTenancy;
import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.internal.mapping.TenantTable;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * What the tenant lifecycle API needs of a session factory in schema-per-tenant mode: its
 * {@link SchemaTenancy}, the DDL of one tenant's tables (Hibernate's create script restricted to
 * the tenant tables and their sequences, unqualified, so it lands in the schema first on the
 * {@code search_path}), and connections for citus-hibernate's own work. Registered by the
 * integrator for each factory it configures for schemas, forgotten when the factory closes.
 */
public final class TenantSchemas {
  private static final Map<SessionFactory, TenantSchemas> REGISTERED = new ConcurrentHashMap<>();
  /** The comment of a tenant schema citus-hibernate created, before the tenant value: how its schemas are told from others'. */
  public static final String MARK = "citus-hibernate tenant ";

  private final SessionFactoryImplementor sessionFactory;
  private final Metadata metadata;
  private final SchemaTenancy tenancy;
  private final List<TenantTable> tables;
  private final Set<String> tenantTables;
  private final Map<String, Object> properties;
  private final boolean failWhenCitusMissing;
  private volatile List<String> tenantDdl;
  private volatile List<String> sharedDdl;

  private TenantSchemas(SessionFactoryImplementor sessionFactory, Metadata metadata, TenantModel model,
      SchemaTenancy tenancy, Map<String, Object> properties) {
    this.sessionFactory = sessionFactory;
    this.metadata = metadata;
    this.tenancy = tenancy;
    this.tables = List.copyOf(model.tenantTables());
    this.tenantTables = tables.stream().map(TenantTable::name).collect(Collectors.toSet());
    this.properties = Collections.unmodifiableMap(new HashMap<>(properties)); // values may be null
    this.failWhenCitusMissing = SettingValues.failWhenCitusMissing(properties);
  }

  /**
   * Registers {@code sessionFactory}'s tenant tables for the lifecycle API.
   *
   * @throws CitusMappingException when a tenant table names its own schema, which would keep it
   *     out of the tenants' schemas
   */
  public static void register(SessionFactoryImplementor sessionFactory, Metadata metadata, TenantModel model,
      SchemaTenancy tenancy, Map<String, Object> properties) {
    List<String> problems = new ArrayList<>();
    for (TenantTable table : model.tenantTables()) {
      if (table.schema() != null) {
        problems.add(table.schema() + "." + table.name() + ": a tenant table names its schema, so with "
            + CitusSettings.TENANCY + "=schema it would not live in each tenant's schema. Fix: remove the schema "
            + "from its @Table (and hibernate.default_schema).");
      }
    }
    if (!problems.isEmpty()) {
      throw new CitusMappingException(problems);
    }
    REGISTERED.put(sessionFactory, new TenantSchemas(sessionFactory, metadata, model, tenancy, properties));
  }

  /** Forgets {@code sessionFactory}, which is closing. */
  public static void forget(SessionFactory sessionFactory) {
    REGISTERED.remove(sessionFactory);
  }

  /**
   * The schema tenancy of {@code sessionFactory}.
   *
   * @throws CitusHibernateException when it does not run in schema-per-tenant mode
   */
  public static TenantSchemas of(SessionFactory sessionFactory) {
    TenantSchemas schemas = REGISTERED.get(sessionFactory);
    if (schemas == null) {
      // a proxy of the factory (Spring's EntityManagerFactory bean implements SessionFactory and
      // unwraps SessionFactory to itself) reaches the native factory through its implementor type
      schemas = REGISTERED.get(sessionFactory.unwrap(SessionFactoryImplementor.class));
    }
    if (schemas == null) {
      throw new CitusHibernateException("This session factory does not run schema-per-tenant: set "
          + CitusSettings.TENANCY + "=schema (with citus-hibernate enabled and @TenantKey or @TenantOwned entities mapped) to "
          + "manage tenant schemas.");
    }
    return schemas;
  }

  /**
   * The tenant tables of the mapping, each with its tenant column ({@code null} for a
   * {@code @TenantOwned} table without one), both as the catalog names them.
   */
  public Map<String, String> tenantColumns() {
    Map<String, String> columns = new LinkedHashMap<>();
    tables.forEach(table -> columns.put(table.name(),
        TenantTable.SCHEMA_SCOPED.equals(table.column()) ? null : TenantTable.normalize(table.column())));
    return columns;
  }

  public SchemaTenancy tenancy() {
    return tenancy;
  }

  /** Whether a missing citus extension fails the Citus steps ({@link CitusSettings#SCHEMA_WHEN_CITUS_MISSING}) rather than skips them. */
  public boolean failWhenCitusMissing() {
    return failWhenCitusMissing;
  }

  /** The statements that create one tenant's tables and sequences in the first schema of the {@code search_path}. */
  public List<String> tenantDdl() {
    List<String> ddl = tenantDdl;
    if (ddl == null) {
      ddl = generateDdl(true);
      tenantDdl = ddl;
    }
    return ddl;
  }

  /**
   * The statements that create the shared tables and sequences (everything but the tenant
   * objects) in the first schema of the {@code search_path}: what an application's migration of
   * the shared schema holds; tests use it in place of the refused {@code hbm2ddl}.
   */
  public List<String> sharedDdl() {
    List<String> ddl = sharedDdl;
    if (ddl == null) {
      ddl = generateDdl(false);
      sharedDdl = ddl;
    }
    return ddl;
  }

  /** Hibernate's create script of the tenant objects ({@code tenant}), or of all the others. */
  private List<String> generateDdl(boolean tenant) {
    Set<String> sequences = tenantSequences();
    SchemaFilter tenantObjects = new SchemaFilter() {
      @Override
      public boolean includeNamespace(Namespace namespace) {
        return true;
      }

      @Override
      public boolean includeTable(Table table) {
        return tenantTables.contains(catalogName(table)) == tenant;
      }

      @Override
      public boolean includeSequence(Sequence sequence) {
        return sequences.contains(sequence.getName().getSequenceName().getText().toLowerCase(Locale.ROOT)) == tenant;
      }
    };
    SchemaFilterProvider filters = new SchemaFilterProvider() {
      @Override
      public SchemaFilter getCreateFilter() {
        return tenantObjects;
      }

      @Override
      public SchemaFilter getDropFilter() {
        return tenantObjects;
      }

      @Override
      public SchemaFilter getTruncatorFilter() {
        return tenantObjects;
      }

      @Override
      public SchemaFilter getMigrateFilter() {
        return tenantObjects;
      }

      @Override
      public SchemaFilter getValidateFilter() {
        return tenantObjects;
      }
    };
    StringWriter out = new StringWriter();
    Map<String, Object> export = new HashMap<>(properties);
    export.keySet().removeIf(key -> key.contains("hbm2ddl") || key.contains("schema-generation"));
    export.put("jakarta.persistence.schema-generation.database.action", "none");
    export.put("jakarta.persistence.schema-generation.scripts.action", "create");
    export.put("jakarta.persistence.schema-generation.scripts.create-target", out);
    export.put("hibernate.hbm2ddl.schema_filter_provider", filters);
    export.put("hibernate.hbm2ddl.delimiter", ";");
    export.put("hibernate.format_sql", "false");
    SchemaManagementToolCoordinator.process(metadata, sessionFactory.getServiceRegistry(), export,
        DelayedDropRegistryNotAvailableImpl.INSTANCE);
    List<String> statements = new ArrayList<>();
    for (String line : out.toString().split("\\R")) {
      String statement = line.strip();
      if (statement.endsWith(";")) {
        statement = statement.substring(0, statement.length() - 1).strip();
      }
      if (!statement.isEmpty()) {
        statements.add(statement);
      }
    }
    return List.copyOf(statements);
  }

  /** The sequences the tenant entities' ids are drawn from: each tenant has its own, beside its tables. */
  private Set<String> tenantSequences() {
    Set<String> names = new HashSet<>();
    sessionFactory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
      if (tenantTables.contains(tableOf(persister.getEntityName()))
          && persister.getGenerator() instanceof SequenceStyleGenerator generator
          && generator.getDatabaseStructure().isPhysicalSequence()) {
        names.add(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText()
            .toLowerCase(Locale.ROOT));
      }
    });
    return names;
  }

  private String tableOf(String entityName) {
    return catalogName(metadata.getEntityBinding(entityName).getTable());
  }

  /** The table's name as PostgreSQL's catalog holds it, as {@link TenantTable#name()} is: unquoted names fold to lower case. */
  private static String catalogName(Table table) {
    return table.isQuoted() ? table.getName() : table.getName().toLowerCase(Locale.ROOT);
  }

  /** A connection for citus-hibernate's own work, past the tenant binding layer: give it back with {@link #release}. */
  public Connection connection() throws SQLException {
    Connection connection = provider().getConnection();
    TenantBinding.markLibraryWork(connection);
    return connection;
  }

  /** The driver connection of {@link #connection()}'s {@code connection}, on which citus-hibernate sets its own search path. */
  public static Connection unwrapped(Connection connection) {
    return TenantBinding.unwrap(connection);
  }

  public void release(Connection connection) throws SQLException {
    provider().closeConnection(connection);
  }

  private ConnectionProvider provider() {
    return sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class);
  }
}
