package io.citushibernate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.server.Providers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the JUnit engine to see what the extension makes of them. */
class ExtensionBehaviourTest {
  @CitusTest(entities = {Company.class, Campaign.class, Ad.class})
  static class UnscopedQueryInATest {
    SessionFactory sessions;

    @Test
    void forgetsTheTenant() {
      // past citus-hibernate: Hibernate's own JDBC work, which no statement inspector sees
      sessions.inSession(s -> s.doWork(c -> {
        try (java.sql.Statement st = c.createStatement()) {
          st.executeQuery("select count(*) from ads").close();
        }
      }));
    }

    @Test
    void scoped() {
      TenantContext.run(1L, () -> sessions.inSession(
          s -> s.createSelectionQuery("select count(a) from Ad a", Long.class).getSingleResult()));
    }
  }

  @CitusTest
  static class CitusOnlyMethod {
    @Test
    @RequiresCitus
    void onlyOnCitus(DataSource ds) {
      assertThat(ds).isNotNull();
    }

    @Test
    void anywhere(CitusDatabase db) {
      assertThat(db.dataSource()).isNotNull();
    }
  }

  @CitusTest(requireCitus = true)
  static class CitusOnlyClass {
    @Test
    void onlyOnCitus() {
    }
  }

  @CitusTest(routingCheck = false, entities = {Company.class, Campaign.class, Ad.class})
  static class RoutingCheckOff {
    DataSource dataSource;

    @Test
    void unscoped() throws SQLException {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.executeQuery("select count(*) from ads").close();
      }
    }
  }

  @Test
  void unscopedStatementFailsTheTestAndScopedOnePasses() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UnscopedQueryInATest.class))
        .execute().testEvents();
    tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Throwable failure = tests.failed().stream().findFirst().orElseThrow().getRequiredPayload(
        org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    StringBuilder chain = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      chain.append(t.getMessage()).append('\n');
    }
    assertThat(chain.toString()).contains("Multi-shard statement refused", "select count(*) from ads",
        Providers.current().kind().isCitus() ? "multi-task query about to be executed"
            : "distributed table ads is not pinned");
  }

  @Test
  void requiresCitusSkipsWithTheReasonWhereThereIsNone() {
    if (Providers.current().kind().isCitus()) {
      return;
    }
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(CitusOnlyMethod.class)).execute().testEvents()
        .assertStatistics(s -> s.skipped(1).succeeded(1))
        .assertThatEvents().haveExactly(1, event(test("onlyOnCitus"),
            skippedWithReason(r -> r.contains("Requires Citus") && r.contains("CITUS_TEST_URL is not set"))));
    Events classes = EngineTestKit.engine("junit-jupiter").selectors(selectClass(CitusOnlyClass.class)).execute()
        .containerEvents();
    classes.assertThatEvents().haveExactly(1, event(skippedWithReason(r -> r.contains("Requires Citus"))));
  }

  @Test
  void routingCheckCanBeTurnedOffForAClass() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(RoutingCheckOff.class)).execute().testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void failuresAreReportedAsFailures() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(UnscopedQueryInATest.class)).execute().testEvents()
        .assertThatEvents().haveExactly(1, event(test("forgetsTheTenant"),
            finishedWithFailure(message(m -> m.contains("ads")))));
  }
}
