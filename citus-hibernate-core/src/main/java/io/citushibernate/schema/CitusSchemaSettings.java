package io.citushibernate.schema;

import java.util.Locale;
import java.util.Map;
import org.hibernate.HibernateException;

/** The Hibernate properties of the Citus schema export. */
public final class CitusSchemaSettings {
  /**
   * {@code skip} (default) or {@code fail}: what the schema export does with its Citus statements
   * ({@code create_distributed_table}, {@code create_reference_table})
   * when the target database has no {@code citus} extension. {@code skip} logs one INFO line and
   * exports plain PostgreSQL DDL; {@code fail} stops the export.
   */
  public static final String WHEN_CITUS_MISSING = "citus.hibernate.schema.when_citus_missing";

  private CitusSchemaSettings() {
  }

  /** Whether a missing citus extension fails the export; {@code false} when it is skipped. */
  static boolean failWhenCitusMissing(Map<String, Object> properties) {
    Object raw = properties.get(WHEN_CITUS_MISSING);
    String value = raw == null ? "skip" : raw.toString().trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "skip" -> false;
      case "fail" -> true;
      default -> throw new HibernateException("Invalid value '" + raw + "' for Hibernate property "
          + WHEN_CITUS_MISSING + ": expected skip or fail");
    };
  }
}
