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
 * Secondary-table rows of a tenant: Hibernate's MERGE for an optional one is refused with the fix
 * (it has no routable single-statement form), and the fix, a non-optional secondary row, writes
 * exactly what plain Hibernate writes, through the session and the StatelessSession.
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
  void optionalSecondaryRowIsRefusedWithTheFix() {
    assertThatThrownBy(() -> TenantContext.run(PlainComparison.CURRENT, () -> databases.scoped.sessionFactory()
        .inTransaction(s -> s.find(Brand.class, PlainComparison.CURRENT).setSlogan("changed"))))
        .isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("brand_slogans")
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
