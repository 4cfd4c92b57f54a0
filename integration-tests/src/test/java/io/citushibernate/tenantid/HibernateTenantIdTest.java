package io.citushibernate.tenantid;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Hibernate's @TenantId and its tenant identifier resolver follow the TenantContext. */
@CitusTest(entities = Memo.class,
    properties = "hibernate.tenant_identifier_resolver=io.citushibernate.boot.TenantContextIdentifierResolver")
class HibernateTenantIdTest {
  SessionFactory sessionFactory;
  CitusDatabase db;

  @Test
  void tenantIdAttributesAreFilledAndScoped() {
    TenantContext.run(1L, () -> sessionFactory.inTransaction(s -> s.persist(new Memo("one"))));
    TenantContext.run(2L, () -> sessionFactory.inTransaction(s -> s.persist(new Memo("two"))));
    db.clearStatements();
    List<Memo> seen = TenantContext.get(2L, () -> sessionFactory.fromSession(s ->
        s.createNativeQuery("select * from memos", Memo.class).getResultList()));
    assertThat(seen).extracting(Memo::getText).containsExactly("two");
    assertThat(seen).extracting(Memo::getCompanyId).containsExactly(2L);
    // the default tenant binding: the tenant is a bind parameter, the SQL the same for every tenant
    assertThat(db.statements()).singleElement().asString().contains("memos.company_id = ?");
    // multi-shard on purpose: the cross-tenant scope reads every tenant's memos
    long all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: all memos", () ->
        sessionFactory.fromSession(s -> s.createQuery("select count(m) from Memo m", Long.class).getSingleResult())));
    assertThat(all).isEqualTo(2L);
  }
}
