package io.citushibernate.stateless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.UnscopableStatementException;
import io.citushibernate.tenant.TenantContext;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Secondary-table rows of a tenant, optional or not, are written exactly as plain Hibernate writes
 * them, through the session and the StatelessSession. Hibernate's MERGE for an optional row (sent by
 * its own PostgreSQL dialect) has no routable single-statement form and is refused with the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondaryTableWriteTest {
  private PlainComparison databases;
  private Map<Long, Map<String, String>> before;

  @BeforeAll
  void open() {
    databases = new PlainComparison("parameter", List.of(Brand.class, SolidBrand.class),
        List.of(new PlainComparison.Compared("brands", "id, name", "id"),
            new PlainComparison.Compared("brand_slogans", "id, slogan", "id"),
            new PlainComparison.Compared("solid_brands", "id, name", "id"),
            new PlainComparison.Compared("solid_brand_slogans", "id, slogan", "id")),
        SecondaryTableWriteTest::seed);
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @BeforeEach
  void seed() {
    databases.seed();
    before = databases.scopedChecksums();
  }

  private static void seed(Session s, long t) {
    s.persist(new Brand(t, "brand" + t, "slogan" + t));
    s.persist(new SolidBrand(t, "solid" + t, "slogan" + t));
  }

  @Test
  void optionalSecondaryRowIsChangedAndRemovedLikePlainHibernate() {
    // Hibernate's own PostgreSQL dialect would send MERGE ... THEN DELETE; CitusPostgreSQLDialect,
    // put in its place, sends UPDATE then INSERT or DELETE, each scoped to the tenant
    databases.onBoth((s, plainTenant) -> s.find(Brand.class, PlainComparison.CURRENT).setSlogan("changed"));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
    databases.onBoth((s, plainTenant) -> s.find(Brand.class, PlainComparison.CURRENT).setSlogan(null));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
    databases.onBoth((s, plainTenant) -> s.find(Brand.class, PlainComparison.CURRENT).setSlogan("again"));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
  }

  @Test
  void hibernatesMergeForAnOptionalRowIsRefusedWithTheFix() {
    String merge = "MERGE INTO brand_slogans AS t USING (SELECT cast(? AS bigint) id, cast(? AS varchar (255)) slogan) "
        + "AS s ON (t.id = s.id) WHEN NOT MATCHED THEN INSERT (id, slogan) VALUES (s.id, s.slogan) "
        + "WHEN MATCHED AND s.slogan IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET slogan = s.slogan";
    assertThatThrownBy(() -> TenantContext.run(PlainComparison.CURRENT, () -> databases.scoped.sessionFactory()
        .inTransaction(s -> s.createNativeMutationQuery(merge).setParameter(1, PlainComparison.CURRENT)
            .setParameter(2, "x").executeUpdate())))
        .isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("brand_slogans")
        .hasMessageContaining("CitusPostgreSQLDialect")
        .hasMessageContaining("@org.hibernate.annotations.SecondaryRow(table = \"brand_slogans\", optional = false)")
        .hasMessageNotContaining("runCrossTenant");
    assertThat(databases.scopedChecksums()).isEqualTo(before);
  }

  @Test
  void nonOptionalSecondaryRowIsUpdatedLikePlainHibernate() {
    databases.onBoth((s, plainTenant) -> s.find(SolidBrand.class, PlainComparison.CURRENT).setSlogan("changed"));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
    databases.onBoth((s, plainTenant) -> s.find(SolidBrand.class, PlainComparison.CURRENT).setSlogan(null));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
  }

  @Test
  void nonOptionalSecondaryRowIsUpsertedAndUpdatedStatelesslyLikePlainHibernate() {
    databases.statelessOnBoth((s, plainTenant) -> s.upsert(new SolidBrand(PlainComparison.CURRENT, "upserted",
        "upserted")));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
    databases.statelessOnBoth((s, plainTenant) -> s.update(new SolidBrand(PlainComparison.CURRENT, "updated", null)));
    databases.assertCurrentIsPlainAndOthersUnchanged(before);
  }
}
