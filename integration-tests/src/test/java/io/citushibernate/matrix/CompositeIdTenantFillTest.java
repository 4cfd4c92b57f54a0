package io.citushibernate.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.matrix.CompositeIdShapes.TenantEmbeddedHeader;
import io.citushibernate.matrix.CompositeIdShapes.TenantEmbeddedLine;
import io.citushibernate.matrix.CompositeIdShapes.TenantIdClassHeader;
import io.citushibernate.matrix.CompositeIdShapes.TenantIdClassLine;
import io.citushibernate.matrix.CompositeIdShapes.TenantNumberKey;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant inside a composite id is filled from the tenant context when it is left empty, and
 * checked when it is set, like any tenant key (the matrix always sets it, to compare with plain
 * Hibernate).
 */
class CompositeIdTenantFillTest {
  private static CitusTestDatabase db;
  private static SessionFactory sf;

  @BeforeAll
  static void open() {
    db = CitusTestDatabase.create().entities(Account.class, TenantIdClassHeader.class, TenantIdClassLine.class,
        TenantEmbeddedHeader.class, TenantEmbeddedLine.class).open();
    sf = db.sessionFactory();
    for (long t = 1; t <= 2; t++) {
      long tenant = t;
      TenantContext.run(t, () -> sf.inTransaction(s -> s.persist(new Account(tenant))));
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void persistFillsTheTenantOfAnIdClassId() {
    TenantIdClassHeader h = new TenantIdClassHeader();
    h.number = 7L;
    h.title = "filled";
    TenantContext.run(2L, () -> sf.inTransaction(s -> s.persist(h)));
    assertThat(h.accountId).isEqualTo(2L);
    assertThat(tenantOf("tic_headers", 7L)).isEqualTo(2L);
  }

  @Test
  void persistFillsTheTenantOfAnEmbeddedId() {
    TenantEmbeddedHeader h = new TenantEmbeddedHeader();
    h.id = new TenantNumberKey();
    h.id.number = 7L;
    h.title = "filled";
    TenantContext.run(2L, () -> sf.inTransaction(s -> s.persist(h)));
    assertThat(h.id.accountId).isEqualTo(2L);
    assertThat(tenantOf("tei_headers", 7L)).isEqualTo(2L);
  }

  @Test
  void anotherTenantsIdIsRefusedAndAMissingEmbeddedIdNamesTheFix() {
    TenantIdClassHeader other = new TenantIdClassHeader();
    other.accountId = 1L;
    other.number = 8L;
    assertThatThrownBy(() -> TenantContext.run(2L, () -> sf.inTransaction(s -> s.persist(other))))
        .isInstanceOf(TenantMismatchException.class).hasMessageContaining("tenant 1");
    TenantEmbeddedHeader noId = new TenantEmbeddedHeader();
    assertThatThrownBy(() -> TenantContext.run(2L, () -> sf.inTransaction(s -> s.persist(noId))))
        .isInstanceOf(MissingTenantException.class).hasMessageContaining("@EmbeddedId");
    assertThat(tenantOf("tic_headers", 8L)).isNull();
  }

  private static Long tenantOf(String table, long number) {
    return TenantContext.getCrossTenant("test: read the stored tenant", () -> sf.fromSession(s ->
        s.createNativeQuery("select account_id from " + table + " where number = " + number, Long.class)
            .uniqueResult()));
  }
}
