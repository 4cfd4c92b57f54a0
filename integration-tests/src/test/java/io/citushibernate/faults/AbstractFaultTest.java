package io.citushibernate.faults;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.fixtures.adanalytics.Impression;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every fault test class has: Citus required (skipped elsewhere), the ad-analytics model with
 * its tenants seeded before each test, a pool of three connections (smaller than the busy tests'
 * threads), and every node a test stopped started again after it, whatever happened.
 */
@CitusTest(requireCitus = true, entities = {Company.class, Campaign.class, Ad.class, Click.class, Impression.class,
    GeoIp.class}, poolSize = 3)
abstract class AbstractFaultTest {
  CitusDatabase db;
  FaultBench bench;

  @BeforeEach
  void seed() {
    bench = FaultBench.seeded(db);
  }

  @AfterEach
  void startStoppedNodes() {
    if (bench != null) {
      bench.startStoppedNodes();
    }
  }
}
