package io.citushibernate.testing;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.util.function.Supplier;

/**
 * Exemptions from the testkit's routing check that are not deliberate multi-tenant work, but
 * statements the testkit's router analysis (embedded PostgreSQL only) misjudges: on Citus they
 * stay checked, by Citus itself.
 */
public final class Routing {
  private Routing() {
  }

  /**
   * Runs {@code action} with the routing check lifted on embedded PostgreSQL only.
   *
   * @param why what the analysis misjudges, for readers
   */
  public static <T> T analyzerBlindSpot(CitusDatabase db, String why, Supplier<T> action) {
    if (why.isBlank()) {
      throw new IllegalArgumentException("say why the analysis misjudges the statement");
    }
    return db.isCitus() ? action.get() : RoutingCheck.allowMultiShard(action);
  }

  /** As {@link #analyzerBlindSpot(CitusDatabase, String, Supplier)}, for a block without result. */
  public static void analyzerBlindSpot(CitusDatabase db, String why, Runnable action) {
    analyzerBlindSpot(db, why, () -> {
      action.run();
      return null;
    });
  }
}
