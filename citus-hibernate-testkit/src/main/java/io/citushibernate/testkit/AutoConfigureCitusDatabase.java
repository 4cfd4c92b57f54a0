package io.citushibernate.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Gives a {@code @SpringBootTest} the testkit's database instead of the application's: a fresh
 * schema on the best server available (a Citus cluster from {@code CITUS_TEST_URL}, a local Citus
 * cluster, Citus in Docker, else embedded PostgreSQL; see {@link CitusTest}), with every statement
 * checked to be single-shard ({@link RoutingCheck}).
 *
 * <p>The application's {@code DataSource} bean is replaced (its primary one, when it has several)
 * and {@code spring.datasource.url}, {@code username} and {@code password} point at the schema, so
 * the application's own migrations (Liquibase, Flyway, Hibernate's schema export) build it, and
 * citus-hibernate's Spring Boot starter wraps the replacement like the original. The routing
 * analysis of plain PostgreSQL reads the tables of the application's Hibernate mapping once the
 * context is refreshed; on Citus, Citus itself refuses multi-shard statements. The database lives
 * as long as the Spring context: test classes with the same configuration share both, so the
 * tables are not emptied between tests. Inject it as {@link CitusDatabase} to see the statements
 * or reach its unscoped {@code DataSource}; {@link CitusAssertions} and {@link AllowMultiShard}
 * work as in {@link CitusTest}.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @AutoConfigureCitusDatabase
 * class CampaignApiTest {
 *   @Autowired CitusDatabase database;
 *   ...
 * }
 * }</pre>
 *
 * <p>Needs {@code spring-test} 6.1 or later (Spring Boot 3.2+), which a Spring Boot test has.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ContextCustomizerFactories(SpringTestDatabaseFactory.class)
@ExtendWith(SpringTestExtension.class)
public @interface AutoConfigureCitusDatabase {
  /** Skips the class, with the reason, when no Citus is available; see {@link RequiresCitus}. */
  boolean requireCitus() default false;

  /** Whether statements must be single-shard; see {@link RoutingCheck}. */
  boolean routingCheck() default true;

  /** The maximum size of the connection pool. */
  int poolSize() default 10;
}
