package io.citushibernate.tenantid;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.testing.Postgres;
import io.citushibernate.testing.RecordingDataSource;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantContextIdentifierResolver;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hibernate's @TenantId and its tenant identifier resolver follow the TenantContext. */
class HibernateTenantIdTest {
  static HikariDataSource pool;
  static RecordingDataSource dataSource;
  static SessionFactory sessionFactory;

  @BeforeAll
  static void boot() {
    pool = Postgres.newDatabase(2);
    dataSource = new RecordingDataSource(pool);
    Map<String, Object> settings = Map.of(
        "hibernate.connection.datasource", dataSource,
        "hibernate.hbm2ddl.auto", "create",
        "hibernate.tenant_identifier_resolver", new TenantContextIdentifierResolver());
    sessionFactory = new MetadataSources(new StandardServiceRegistryBuilder().applySettings(settings).build())
        .addAnnotatedClass(Memo.class).buildMetadata().buildSessionFactory();
  }

  @AfterAll
  static void close() {
    sessionFactory.close();
    pool.close();
  }

  @Test
  void tenantIdAttributesAreFilledAndScoped() {
    TenantContext.run(1L, () -> sessionFactory.inTransaction(s -> s.persist(new Memo("one"))));
    TenantContext.run(2L, () -> sessionFactory.inTransaction(s -> s.persist(new Memo("two"))));
    dataSource.clear();
    List<Memo> seen = TenantContext.get(2L, () -> sessionFactory.fromSession(s ->
        s.createNativeQuery("select * from memos", Memo.class).getResultList()));
    assertThat(seen).extracting(Memo::getText).containsExactly("two");
    assertThat(seen).extracting(Memo::getCompanyId).containsExactly(2L);
    // the default tenant binding: the tenant is a bind parameter, the SQL the same for every tenant
    assertThat(dataSource.statements()).singleElement().asString().contains("memos.company_id = ?");
    long all = TenantContext.getCrossTenant("test: all memos", () -> sessionFactory.fromSession(s ->
        s.createQuery("select count(m) from Memo m", Long.class).getSingleResult()));
    assertThat(all).isEqualTo(2L);
  }
}
