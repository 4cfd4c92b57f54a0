package io.citushibernate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their effect on the thread
class TenantThreadLocalAccessorTest {
  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor();
  private static ContextSnapshotFactory snapshots;

  @BeforeAll
  static void registry() {
    // loadThreadLocalAccessors() reads META-INF/services: proves the registration, not only the class
    ContextRegistry registry = new ContextRegistry().loadThreadLocalAccessors();
    assertThat(registry.getThreadLocalAccessors()).anyMatch(a -> a instanceof TenantThreadLocalAccessor);
    snapshots = ContextSnapshotFactory.builder().contextRegistry(registry).clearMissing(true).build();
  }

  @AfterAll
  static void stop() {
    WORKER.shutdownNow();
  }

  @Test
  void theCallersTenantTravelsAndTheWorkersIsRestored() throws Exception {
    ContextSnapshot ofTenant7 = TenantContext.get(7L, () -> snapshots.captureAll());
    AtomicReference<Optional<Object>> seen = new AtomicReference<>();
    AtomicReference<Optional<Object>> after = new AtomicReference<>();
    WORKER.submit(() -> {
      try (TenantScope leftover = TenantContext.open(3L)) {
        try (ContextSnapshot.Scope scope = ofTenant7.setThreadLocals()) {
          seen.set(TenantContext.current());
        }
        after.set(TenantContext.current());
      }
    }).get(10, TimeUnit.SECONDS);
    assertThat(seen.get()).contains(7L);
    assertThat(after.get()).contains(3L);
  }

  @Test
  void aSnapshotWithoutTenantClearsTheWorkersTenant() throws Exception {
    ContextSnapshot none = snapshots.captureAll();
    AtomicReference<Optional<Object>> seen = new AtomicReference<>();
    AtomicReference<Boolean> crossTenantSeen = new AtomicReference<>();
    WORKER.submit(() -> {
      try (TenantScope leftover = TenantContext.open(3L)) {
        try (ContextSnapshot.Scope scope = none.setThreadLocals()) {
          seen.set(TenantContext.current());
          crossTenantSeen.set(TenantContext.isCrossTenant());
        }
        assertThat(TenantContext.current()).contains(3L);
      }
    }).get(10, TimeUnit.SECONDS);
    assertThat(seen.get()).isEmpty();
    assertThat(crossTenantSeen.get()).isFalse();
  }

  @Test
  void aCrossTenantScopeTravelsAsCrossTenant() throws Exception {
    ContextSnapshot crossTenant = TenantContext.getCrossTenant("report", () -> snapshots.captureAll());
    AtomicReference<Boolean> seen = new AtomicReference<>();
    WORKER.submit(() -> {
      try (ContextSnapshot.Scope scope = crossTenant.setThreadLocals()) {
        seen.set(TenantContext.isCrossTenant());
      }
    }).get(10, TimeUnit.SECONDS);
    assertThat(seen.get()).isTrue();
  }
}
