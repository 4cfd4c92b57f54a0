package io.citushibernate.internal.boot;

import org.hibernate.SessionFactory;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * A session factory's cache of analysed statements, for tests that watch its size over a long
 * run. It lives in core's package to reach the package-private statement inspector: the
 * published API has no reason to show the cache.
 */
public final class RewriteCache {
  private RewriteCache() {
  }

  /** How many statements the rewriter of {@code sessionFactory} keeps analysed now. */
  public static int cachedStatements(SessionFactory sessionFactory) {
    StatementInspector inspector =
        sessionFactory.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions().getStatementInspector();
    if (!(inspector instanceof TenantStatementInspector tenantInspector)) {
      throw new IllegalStateException("citus-hibernate's statement inspector is not installed: " + inspector);
    }
    return tenantInspector.rewriter().cachedStatements();
  }

  /** The most statements it may keep: {@value CitusSettings#REWRITE_CACHE_SIZE} as the integrator read it. */
  public static int configuredSize(SessionFactory sessionFactory) {
    return BootSettings.from(sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
        .requireService(ConfigurationService.class).getSettings()).rewriteCacheSize();
  }
}
