package io.citushibernate.internal.metrics;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.citushibernate.internal.config.SettingValues;
import java.util.Map;

/**
 * Chooses the {@link StatementMetrics} of a session factory or data source from its settings: the
 * Micrometer ones when Micrometer is on the class path and {@link CitusSettings#METRICS} is not
 * {@code false}, else {@link StatementMetrics#NONE}. {@link MicrometerMeters} is named only behind
 * the class-path check, so without Micrometer it is never loaded.
 */
public final class Meters {
  /** The {@code client} tag of Hibernate's statements. */
  public static final String HIBERNATE = "hibernate";
  /** The {@code client} tag of the statements of plain JDBC clients on a {@code TenantScopedDataSource}. */
  public static final String JDBC = "jdbc";
  /** The {@code session.factory} tag when no name is known. */
  public static final String DEFAULT_UNIT = "default";

  private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

  private Meters() {
  }

  /**
   * The meters of {@code client}'s statements in the session factory (or persistence unit) named
   * {@code unit}; {@code null} or blank is {@value #DEFAULT_UNIT}.
   */
  public static StatementMetrics statements(Map<String, ?> settings, String unit, String client) {
    boolean on = SettingValues.bool(settings, CitusSettings.METRICS, true);
    Object registry = settings.get(CitusSettings.METER_REGISTRY);
    if (!MICROMETER_PRESENT) {
      if (registry != null) {
        throw new InvalidSettingException(CitusSettings.METER_REGISTRY, registry,
            "a io.micrometer.core.instrument.MeterRegistry, with Micrometer (io.micrometer:micrometer-core) on the "
                + "class path");
      }
      return StatementMetrics.NONE;
    }
    return on ? MicrometerMeters.statements(registry, unit == null || unit.isBlank() ? DEFAULT_UNIT : unit, client)
        : StatementMetrics.NONE;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Meters.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
