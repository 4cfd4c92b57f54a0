package io.citushibernate.spring.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskDecorator;

class TenantTaskDecoratorTest {
  @Test
  void theSubmittersTenantRunsAroundTheApplicationsOwnDecorator() throws Exception {
    List<String> calls = new ArrayList<>();
    TaskDecorator mdc = runnable -> () -> {
      calls.add("mdc sees " + TenantContext.current().orElse("none"));
      runnable.run();
    };
    TenantTaskDecorator decorator = new TenantTaskDecorator(mdc);
    List<Optional<Object>> seen = new ArrayList<>();
    Runnable task = TenantContext.get(4L, () -> decorator.decorate(() -> seen.add(TenantContext.current())));
    Runnable withoutTenant = decorator.decorate(() -> seen.add(TenantContext.current()));
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      worker.submit(task).get(10, TimeUnit.SECONDS);
      worker.submit(withoutTenant).get(10, TimeUnit.SECONDS);
    } finally {
      worker.shutdownNow();
    }
    assertThat(seen).containsExactly(Optional.of(4L), Optional.empty());
    assertThat(calls).containsExactly("mdc sees 4", "mdc sees none");
  }
}
