package io.citushibernate.internal.metrics;

import java.util.function.Consumer;

/**
 * The hook through which {@code TenantContext.openCrossTenant}, a static method that knows no
 * session factory, reports each cross-tenant scope: to nothing until {@link MicrometerMeters} is
 * loaded (the first session factory or data source with meters), then to every registry in use.
 */
public final class CrossTenantScopes {
  private static volatile Consumer<String> listener = reason -> {
  };

  private CrossTenantScopes() {
  }

  /** A cross-tenant scope was opened for {@code reason}. */
  public static void opened(String reason) {
    listener.accept(reason);
  }

  static void listen(Consumer<String> scopes) {
    listener = scopes;
  }
}
