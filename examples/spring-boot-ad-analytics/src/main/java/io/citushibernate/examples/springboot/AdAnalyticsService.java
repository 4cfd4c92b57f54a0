package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The Citus tutorial's ad analytics as a REST service. The tenant is the company: each request
 * names it in the {@code X-Tenant-ID} header (set by a trusted gateway), and the citus-hibernate
 * starter scopes every statement of the request (Spring Data repositories, JPQL, native SQL,
 * {@code JdbcTemplate}, {@code @Async} work) to it.
 */
@SpringBootApplication
@EnableAsync
// the tutorial's entities live in the fixtures package; an auto-configuration package, not @EntityScan,
// because @EntityScan moved package in Spring Boot 4 and this example runs on Boot 3.5 too
@AutoConfigurationPackage(basePackageClasses = {AdAnalyticsService.class, AdAnalyticsModel.class})
public class AdAnalyticsService {
  public static void main(String[] args) {
    SpringApplication.run(AdAnalyticsService.class, args);
  }
}
