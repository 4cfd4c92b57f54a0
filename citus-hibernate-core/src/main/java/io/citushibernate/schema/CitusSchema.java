package io.citushibernate.schema;

import io.citushibernate.mapping.TenantModel;
import java.util.Map;
import org.hibernate.boot.Metadata;

/**
 * Makes the schema Hibernate exports Citus-ready. Called by the integrator once the tenant model
 * is known and before Hibernate's schema management runs.
 */
public final class CitusSchema {
  private CitusSchema() {
  }

  /** Adjusts {@code metadata}'s tables and registers the Citus statements for export. */
  public static void apply(Metadata metadata, TenantModel model, Map<String, Object> properties) {
    // filled in by the schema export work (issue #5)
  }
}
