package io.citushibernate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantContextTest {
  @AfterEach
  void nothingLeft() {
    assertThat(TenantContext.current()).isEmpty();
    assertThat(TenantContext.isCrossTenant()).isFalse();
  }

  @Test
  void runSetsTheTenantOnlyInside() {
    TenantContext.run(5L, () -> assertThat(TenantContext.current()).contains(5L));
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void scopesNestAndRestoreTheOuterOne() {
    try (TenantScope outer = TenantContext.open(1L)) {
      assertThat(outer.tenant()).isEqualTo(1L);
      try (TenantScope inner = TenantContext.open(2L)) {
        assertThat(TenantContext.require()).isEqualTo(2L);
        TenantContext.runCrossTenant("test", () -> {
          assertThat(TenantContext.isCrossTenant()).isTrue();
          assertThat(TenantContext.current()).isEmpty();
        });
        assertThat(TenantContext.require()).isEqualTo(2L);
        assertThat(inner.tenant()).isEqualTo(2L);
      }
      assertThat(TenantContext.require()).isEqualTo(1L);
    }
  }

  @Test
  void anExceptionStillRestoresTheScope() {
    assertThatThrownBy(() -> TenantContext.run(1L, () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
  }

  @Test
  void scopesMustCloseInOrder() {
    TenantScope outer = TenantContext.open(1L);
    TenantScope inner = TenantContext.open(2L);
    assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reverse order");
    inner.close();
    outer.close();
  }

  @Test
  void requireWithoutTenantSaysHowToSetOne() {
    assertThatThrownBy(TenantContext::require).isInstanceOf(MissingTenantException.class)
        .hasMessageContaining("TenantContext.run(tenantId, ...)");
  }

  @Test
  void onlyTenantTypesAreAccepted() {
    assertThat(TenantContext.get(UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75"), TenantContext::current))
        .contains(UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75"));
    assertThat(TenantContext.get("acme", TenantContext::current)).contains("acme");
    assertThat(TenantContext.get(7, TenantContext::current)).contains(7);
    assertThatThrownBy(() -> TenantContext.open(new BigDecimal("1.5"))).isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("java.math.BigDecimal");
    assertThatThrownBy(() -> TenantContext.open("a\0b")).isInstanceOf(InvalidTenantException.class);
    assertThatThrownBy(() -> TenantContext.open(null)).isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> TenantContext.openCrossTenant(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** One rule for whole numbers, in the context, the SQL literal and the scope that keys caches. */
  @Test
  void wholeNumbersOfAnyBoxedTypeAreOneTenant() {
    for (Object seven : List.of((byte) 7, (short) 7, 7, 7L)) {
      assertThat(TenantContext.get(seven, TenantContext::scope)).as("scope of %s", seven.getClass()).isEqualTo(7L);
      assertThat(TenantType.LONG.coerce(seven)).isEqualTo(7L);
      assertThat(TenantType.INTEGER.coerce(seven)).isEqualTo(7);
      assertThat(TenantType.LONG.literal(seven)).isEqualTo("7");
    }
    assertThatThrownBy(() -> TenantType.INTEGER.coerce(1L << 40)).isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> TenantType.UUID.coerce((byte) 7)).isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("java.lang.Byte");
    assertThatThrownBy(() -> TenantType.STRING.coerce("a\0b")).isInstanceOf(InvalidTenantException.class);
  }

  @Test
  void theTenantTravelsWithWrappedTasksAndNeverStaysOnThePoolThread() throws Exception {
    ExecutorService raw = Executors.newSingleThreadExecutor();
    ExecutorService pool = TenantPropagation.wrap(raw);
    try {
      Future<Optional<Object>> seen = TenantContext.call(9L, () -> pool.submit(TenantContext::current));
      assertThat(seen.get()).contains(9L);
      assertThat(raw.submit(TenantContext::current).get()).isEmpty();
      CompletableFuture<Optional<Object>> async = TenantContext.get(4L, () ->
          TenantPropagation.supplyAsync(TenantContext::current, raw));
      assertThat(async.get()).contains(4L);
      assertThat(pool.submit(TenantContext::current).get()).as("submitted without tenant").isEmpty();
      List<Future<Object>> all = TenantContext.call(3L, () -> pool.invokeAll(List.of(TenantContext::require,
          TenantContext::require)));
      for (Future<Object> f : all) {
        assertThat(f.get()).isEqualTo(3L);
      }
      Runnable check = () -> assertThat(TenantContext.current()).contains(6L);
      Runnable wrapped = TenantContext.get(6L, () -> TenantPropagation.wrap(check));
      raw.submit(wrapped).get();
      Object crossTenant = TenantContext.getCrossTenant("test", () -> {
        try {
          return pool.submit(TenantContext::isCrossTenant).get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(crossTenant).isEqualTo(true);
    } finally {
      raw.shutdownNow();
    }
  }
}
