package io.citushibernate.spring.boot;

import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.util.ClassUtils;

/**
 * Liquibase's Spring bean, named only here and only once Liquibase is known to be on the
 * classpath, so that applications without Liquibase never load it.
 */
final class LiquibaseMigrations {
  private static final boolean PRESENT = ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase",
      LiquibaseMigrations.class.getClassLoader());

  private LiquibaseMigrations() {
  }

  static boolean isMigration(Object bean) {
    return PRESENT && bean instanceof SpringLiquibase;
  }

  /** Points the migration at the pool under its tenant-scoping wrapper, if it was given one. */
  static void runOnPool(Object bean, Map<DataSource, DataSource> pools) {
    SpringLiquibase liquibase = (SpringLiquibase) bean;
    DataSource pool = liquibase.getDataSource() == null ? null : pools.get(liquibase.getDataSource());
    if (pool != null) {
      liquibase.setDataSource(pool);
    }
  }
}
