package io.citushibernate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.jdbc.TenantScopedDataSource;
import io.citushibernate.spring.actuate.CitusEndpoint;
import io.citushibernate.spring.actuate.CitusReport;
import io.citushibernate.spring.boot.schemaapp.Note;
import io.citushibernate.spring.boot.schemaapp.NoteRepository;
import io.citushibernate.spring.boot.schemaapp.SchemaTestApplication;
import io.citushibernate.spring.boot.schemaapp.StarterSchemaNaming;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenancy.TenantInfo;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter in schema mode ({@code citus.hibernate.tenancy=schema}): a Spring Boot application
 * whose two tenants hold notes with the same ids and different texts. Each tenant's repository and
 * entity manager reads equal what its schema holds; the {@link CitusTenants} bean creates, lists
 * and drops tenants; no tenant fails closed; plain JDBC on the unwrapped pool runs in the tenant's
 * schema inside a JPA transaction and reaches no tenant table outside one. On embedded PostgreSQL,
 * and on Citus where the testkit finds it (CITUS_PG_BIN, CITUS_TEST_URL or Docker).
 */
@CitusTest(routingCheck = false)
class SchemaTenancyStarterTest {
  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";

  CitusDatabase db;

  @Test
  void eachTenantsRepositoryAndEntityManagerReadExactlyWhatItsSchemaHolds() {
    try (ConfigurableApplicationContext app = application()) {
      withTwoTenants(app, () -> {
        NoteRepository notes = app.getBean(NoteRepository.class);
        EntityManager em = SharedEntityManagerCreator.createSharedEntityManager(
            app.getBean(EntityManagerFactory.class));
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CitusTenants tenants = app.getBean(CitusTenants.class);
        // the differential's inputs differ per tenant, and each schema holds its own tenant's rows only
        assertThat(rowsOf(tenants.schemaOf(ACME))).containsExactly("1:acme one", "2:acme two");
        assertThat(rowsOf(tenants.schemaOf(GLOBEX))).containsExactly("1:globex one", "2:globex two", "3:globex three");
        for (String tenant : List.of(ACME, GLOBEX)) {
          List<String> schemaRows = rowsOf(tenants.schemaOf(tenant));
          List<String> repository = TenantContext.get(tenant, () -> texts(notes.findAllByOrderByIdAsc()));
          assertThat(repository).as("repository of %s", tenant).containsExactlyElementsOf(schemaRows);
          List<String> query = TenantContext.get(tenant, () -> tx.execute(s -> texts(
              em.createQuery("select n from Note n order by n.id", Note.class).getResultList())));
          assertThat(query).as("entity manager query of %s", tenant).containsExactlyElementsOf(schemaRows);
          String found = TenantContext.get(tenant, () -> tx.execute(s -> {
            Note note = em.find(Note.class, 1L);
            return note.getId() + ":" + note.getText();
          }));
          assertThat(found).as("find of %s", tenant).isEqualTo(schemaRows.get(0));
          long count = TenantContext.get(tenant, notes::count);
          assertThat(count).isEqualTo(schemaRows.size());
        }
      });
    }
  }

  @Test
  void theCitusTenantsBeanCreatesListsAndDropsTenants() {
    try (ConfigurableApplicationContext app = application()) {
      CitusTenants tenants = app.getBean(CitusTenants.class);
      String initech = "initech";
      try {
        tenants.create(initech);
        assertThat(tenants.schemaOf(initech)).isEqualTo("starter_initech");
        TenantInfo info = tenants.list().stream().filter(t -> t.tenant().equals(initech)).findFirst().orElseThrow();
        assertThat(info.schema()).isEqualTo("starter_initech");
        assertThat(info.distributed()).isEqualTo(db.isCitus());
        NoteRepository notes = app.getBean(NoteRepository.class);
        TenantContext.run(initech, () -> notes.save(new Note(1L, "initech one")));
        assertThat(rowsOf("starter_initech")).containsExactly("1:initech one");

        tenants.drop(initech);
        assertThat(tenants.list()).extracting(TenantInfo::tenant).doesNotContain(initech);
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject(
            "select count(*) from pg_namespace where nspname = 'starter_initech'", Long.class)).isZero();
      } finally {
        tenants.drop(initech);
      }
    }
  }

  @Test
  void withoutATenantRepositoryCallsFailClosedUnsent() {
    try (ConfigurableApplicationContext app = application()) {
      withTwoTenants(app, () -> {
        NoteRepository notes = app.getBean(NoteRepository.class);
        assertThat(TenantContext.current()).isEmpty();
        assertThatThrownBy(notes::findAll).satisfies(e -> assertCausedBy(e, MissingTenantException.class));
        assertThatThrownBy(() -> notes.save(new Note(9L, "nobody's"))).satisfies(e ->
            assertCausedBy(e, MissingTenantException.class));
        assertThat(rowsOf(app.getBean(CitusTenants.class).schemaOf(ACME))).hasSize(2);
        assertThat(rowsOf(app.getBean(CitusTenants.class).schemaOf(GLOBEX))).hasSize(3);
      });
    }
  }

  @Test
  void plainJdbcRunsInTheTenantsSchemaInsideAJpaTransactionAndReachesNoTenantTableOutsideOne() {
    try (ConfigurableApplicationContext app = application()) {
      withTwoTenants(app, () -> {
        DataSource dataSource = app.getBean(DataSource.class);
        // schema mode leaves the pool unwrapped: TenantScopedDataSource scopes by the row model only
        assertThat(dataSource).isSameAs(db.dataSource()).isNotInstanceOf(TenantScopedDataSource.class);
        // so the Actuator's check has no mapped tables to compare: the nodes only, and no problem
        CitusReport report = app.getBean(CitusEndpoint.class).citus();
        assertThat(report.tables()).isEmpty();
        assertThat(report.problems()).isEmpty();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CitusTenants tenants = app.getBean(CitusTenants.class);
        String rows = "select id || ':' || text from notes order by id";

        // inside a JPA transaction JdbcTemplate shares Hibernate's connection: the tenant's schema
        for (String tenant : List.of(ACME, GLOBEX)) {
          List<String> read = TenantContext.get(tenant, () -> tx.execute(s -> jdbc.queryForList(rows, String.class)));
          assertThat(read).as("JdbcTemplate in a transaction of %s", tenant)
              .containsExactlyElementsOf(rowsOf(tenants.schemaOf(tenant)));
        }
        // a transaction without a tenant: refused unsent, as Hibernate's own statements are
        assertThatThrownBy(() -> tx.execute(s -> jdbc.queryForList(rows, String.class)))
            .satisfies(e -> assertCausedBy(e, MissingTenantException.class));

        // outside a transaction: a pool connection on the shared schema, where no tenant table exists
        for (int i = 0; i < 10; i++) {
          assertThatThrownBy(() -> TenantContext.run(ACME, () -> jdbc.queryForList(rows, String.class)))
              .isInstanceOf(BadSqlGrammarException.class).hasMessageContaining("notes");
          assertThatThrownBy(() -> jdbc.queryForList(rows, String.class)).isInstanceOf(BadSqlGrammarException.class);
          // no pool connection keeps a tenant's search_path after Hibernate used it
          TenantContext.run(GLOBEX, () -> tx.execute(s -> app.getBean(NoteRepository.class).count()));
          assertThat(jdbc.queryForObject("show search_path", String.class)).isEqualTo(db.schema());
        }
      });
    }
  }

  /** Tenants acme (notes 1, 2) and globex (notes 1, 2, 3: the same ids, other texts) for the duration of {@code test}. */
  private static void withTwoTenants(ConfigurableApplicationContext app, Runnable test) {
    CitusTenants tenants = app.getBean(CitusTenants.class);
    NoteRepository notes = app.getBean(NoteRepository.class);
    try {
      tenants.create(ACME);
      tenants.create(GLOBEX);
      TenantContext.run(ACME, () -> notes.saveAll(List.of(new Note(1L, "acme one"), new Note(2L, "acme two"))));
      TenantContext.run(GLOBEX, () -> notes.saveAll(List.of(new Note(1L, "globex one"), new Note(2L, "globex two"),
          new Note(3L, "globex three"))));
      test.run();
    } finally {
      tenants.drop(ACME);
      tenants.drop(GLOBEX);
    }
  }

  /** Plain JDBC on the pool, naming the schema: what the tenant's schema holds. */
  private List<String> rowsOf(String schema) {
    return new JdbcTemplate(db.dataSource()).queryForList(
        "select id || ':' || text from \"" + schema + "\".notes order by id", String.class);
  }

  private static List<String> texts(List<Note> notes) {
    return notes.stream().map(n -> n.getId() + ":" + n.getText()).toList();
  }

  private static void assertCausedBy(Throwable thrown, Class<? extends Throwable> type) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    assertThat(chain).as("causes of %s", thrown).hasAtLeastOneElementOfType(type);
  }

  private ConfigurableApplicationContext application() {
    DataSource dataSource = db.dataSource();
    return new SpringApplicationBuilder(SchemaTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.jpa.hibernate.ddl-auto=none", "spring.liquibase.enabled=false",
            "citus.hibernate.tenancy=schema",
            "citus.hibernate.schema.shared=" + db.schema(),
            "citus.hibernate.schema.naming=" + StarterSchemaNaming.class.getName(),
            "citus.hibernate.schema.tenant-type=string",
            "management.endpoints.web.exposure.include=citus")
        .initializers(context -> ((GenericApplicationContext) context)
            .registerBean("dataSource", DataSource.class, () -> dataSource))
        .run();
  }
}
