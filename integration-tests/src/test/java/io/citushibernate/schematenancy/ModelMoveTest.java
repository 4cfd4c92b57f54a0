package io.citushibernate.schematenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.TenantSchemaException;
import io.citushibernate.TenantSchemaException.Problem;
import io.citushibernate.tenancy.TenantInfo;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented procedure that moves a tenant between the two models, with the same entities: a schema-mode session
 * factory (tenants 1 to 3 with the same ids and different values) and a row-mode one whose tables live in a schema of
 * their own. After {@code moveToRowModel}, the row model answers for the tenant exactly what schema mode answered;
 * after {@code moveFromRowModel}, schema mode answers what the row model did, writes made in between included; the
 * other tenants never change.
 */
class ModelMoveTest {
  private SchemaTenants db;
  private CitusTestDatabase rowDb;
  private SessionFactory rows;
  private String rowSchema;

  @BeforeEach
  void bothModels() {
    db = SchemaTenants.open(3);
    TenantData.persistPlans(db.sessionFactory);
    for (long t = 1; t <= 3; t++) {
      db.tenants.create(t);
      long tenant = t;
      TenantContext.run(t, () -> TenantData.persistTenant(db.sessionFactory, tenant));
    }
    // the row model: a schema of its own on the same database, its tables made by the row model's schema export
    rowDb = CitusTestDatabase.create().entities(SchemaTenants.ENTITIES).open();
    rowSchema = rowDb.schema();
    rows = rowDb.sessionFactory();
    TenantData.persistPlans(rows);
  }

  @AfterEach
  void close() {
    try {
      if (rowDb != null) {
        rowDb.close();
      }
    } finally {
      db.close();
    }
  }

  /** The test's own look across every tenant of the row tables: on Citus a multi-shard query, on purpose. */
  private List<Object> acrossTenants(String sql) {
    return RoutingCheck.allowMultiShard(() -> db.column(sql));
  }

  private List<String> schemaReads(long tenant) {
    return TenantContext.get(tenant, () -> TenantData.reads(db.sessionFactory));
  }

  private List<String> rowReads(long tenant) {
    return TenantContext.get(tenant, () -> TenantData.reads(rows));
  }

  @Test
  void aTenantMovesToTheRowModelAndBackWithItsAnswers() {
    Map<Long, List<String>> before = new HashMap<>();
    for (long t = 1; t <= 3; t++) {
      before.put(t, schemaReads(t));
    }

    db.tenants.moveToRowModel(2L, rowSchema);

    assertThat(rowReads(2)).isEqualTo(before.get(2L));
    assertThat(schemaReads(1)).isEqualTo(before.get(1L));
    assertThat(schemaReads(3)).isEqualTo(before.get(3L));
    assertThat(db.tenants.list()).extracting(TenantInfo::tenant).containsExactly(1L, 3L);
    assertThat(acrossTenants("select count(*) from " + rowSchema + ".cards where tenant_id <> 2")).containsExactly(0L);
    // schema mode has no schema for tenant 2 any more, and its path does not reach the row tables: an error, no rows
    assertThatThrownBy(() -> schemaReads(2)).hasStackTraceContaining("does not exist");
    // moved already: nothing to do
    db.tenants.moveToRowModel(2L, rowSchema);

    // the row model's sequence was set past the moved ids: a new card gets an id of its own
    List<String> written = TenantContext.get(2L, () -> TenantData.writes(rows));
    assertThat(written).contains("updated 3", "deleted 1", "jpql [t2-card-1, t2-card-2, t2-card-3, t2-card-y, added]");

    assertThatThrownBy(() -> db.tenants.moveFromRowModel(2L, rowSchema))
        .isInstanceOfSatisfying(TenantSchemaException.class, e -> assertThat(e.problem())
            .isEqualTo(Problem.UNKNOWN_TENANT));
    db.tenants.create(2L);
    db.tenants.moveFromRowModel(2L, rowSchema);

    assertThat(schemaReads(2)).isEqualTo(written.subList(written.size() - 6, written.size()));
    assertThat(acrossTenants("select count(*) from " + rowSchema + ".cards")).containsExactly(0L);
    assertThat(acrossTenants("select count(*) from " + rowSchema + ".boards")).containsExactly(0L);
    assertThat(schemaReads(1)).isEqualTo(before.get(1L));
    assertThat(schemaReads(3)).isEqualTo(before.get(3L));
    // and new cards in the schema do not repeat the ids the row model drew
    TenantContext.run(2L, () -> TenantData.writes(db.sessionFactory));
    db.tenants.moveFromRowModel(2L, rowSchema); // nothing left to move
  }

  @Test
  void refusesTheSharedSchemaAndATenantOnBothSides() {
    assertThatThrownBy(() -> db.tenants.moveToRowModel(1L, db.shared))
        .isInstanceOfSatisfying(TenantSchemaException.class, e -> assertThat(e.problem())
            .isEqualTo(Problem.MODEL_CONFLICT))
        .hasMessageContaining("fall through");
    TenantContext.run(1L, () -> TenantData.persistTenant(rows, 1L));
    List<String> schemaSide = schemaReads(1);
    assertThatThrownBy(() -> db.tenants.moveToRowModel(1L, rowSchema))
        .isInstanceOfSatisfying(TenantSchemaException.class, e -> assertThat(e.problem())
            .isEqualTo(Problem.MODEL_CONFLICT))
        .hasMessageContaining("rows in the row model");
    assertThat(schemaReads(1)).isEqualTo(schemaSide);
    assertThat(db.tenants.list()).extracting(TenantInfo::tenant).contains(1L);
  }
}
