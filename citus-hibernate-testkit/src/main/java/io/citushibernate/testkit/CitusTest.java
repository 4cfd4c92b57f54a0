package io.citushibernate.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a real database: a fresh schema on the best server available (a Citus
 * cluster from {@code CITUS_TEST_URL}, a local Citus cluster, Citus in Docker, else embedded
 * PostgreSQL), a pooled {@code DataSource} and, for {@link #entities()}, a {@code SessionFactory}
 * with the tables created. Fields and parameters of type {@code DataSource},
 * {@code SessionFactory}, {@code EntityManagerFactory} and {@link CitusDatabase} are injected.
 * Every statement must be single-shard ({@link RoutingCheck}); tables are emptied after each test.
 *
 * <pre>{@code
 * @CitusTest(entities = {Company.class, Campaign.class})
 * class CampaignTest {
 *   SessionFactory sessions;
 *
 *   @Test
 *   void findsRunningCampaigns() { TenantContext.run(1L, () -> ...); }
 * }
 * }</pre>
 *
 * <p><b>Schema mode.</b> With {@code properties = "citus.hibernate.tenancy=schema"} the test
 * schema is the shared schema (its tables are created from the mapping's shared entities), and
 * {@link #tenants()} names the tenants whose schemas are created through {@code CitusTenants}
 * before the class's tests and dropped after; their tables are emptied after each test. The
 * routing check then proves that each statement touches only the current tenant's schema and the
 * shared one, on plain PostgreSQL and on Citus alike: naming another tenant's schema, or a tenant
 * table with no tenant current, fails the statement.
 *
 * <pre>{@code
 * @CitusTest(entities = {Board.class, Card.class}, properties = "citus.hibernate.tenancy=schema",
 *     tenants = {"1", "2", "3"})
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CitusExtension.class)
public @interface CitusTest {
  /** The entity classes of the session factory; none gives a data source only. */
  Class<?>[] entities() default {};

  /** Extra Hibernate properties as {@code key=value}. */
  String[] properties() default {};

  /** Skips the class, with the reason, when no Citus is available; see {@link RequiresCitus}. */
  boolean requireCitus() default false;

  /** Whether statements must be single-shard; see {@link RoutingCheck}. */
  boolean routingCheck() default true;

  /** Whether every table is truncated after each test. */
  boolean cleanup() default true;

  /**
   * Schema mode only: the tenants whose schemas the class gets, as text parsed to the tenant type
   * ({@code "7"} for a {@code long} tenant, a UUID's canonical form, a string as it is).
   */
  String[] tenants() default {};

  /** The maximum size of the connection pool. */
  int poolSize() default 5;
}
