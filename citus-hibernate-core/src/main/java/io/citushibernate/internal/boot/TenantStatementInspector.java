package io.citushibernate.internal.boot;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.internal.jdbc.InspectedStatements;
import io.citushibernate.internal.jdbc.TenantBindingPlan;
import io.citushibernate.internal.metrics.StatementMetrics;
import io.citushibernate.internal.sql.CrossTenantJoins;
import io.citushibernate.internal.sql.Rewrite;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import java.util.Optional;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Scopes every statement Hibernate prepares to the current tenant. Runs after any inspector the
 * application configured, so it sees the final SQL.
 */
final class TenantStatementInspector implements StatementInspector {
  private static final long serialVersionUID = 1L;

  private final transient StatementRewriter rewriter;
  private final transient CrossTenantJoins crossTenantJoins;
  private final TenantType tenantType;
  private final StatementInspector previous;
  /** Puts the tenant in as a bind parameter rather than a literal (needs {@link #bindingInstalled}). */
  private final boolean bindAsParameter;
  /**
   * Whether connections pass through the JDBC binding layer, which binds the tenant as the
   * statement is prepared and checks the parameters written into tenant columns (without it,
   * Hibernate's write listener alone checks the tenant of the entities it writes).
   */
  private final boolean bindingInstalled;
  /** Leaves the tenant to the JDBC layer, as the statement is prepared; {@code null} without that layer. */
  private final transient Rewrite.Parameterizer bindWhenPrepared;
  /**
   * Whether the connections come from a tenant-scoping data source, which must be told which
   * statements this inspector scoped already ({@link InspectedStatements}) so it does not scope
   * them twice.
   */
  private final boolean onScopingDataSource;
  /** Counts each statement's outcome. */
  private final transient StatementMetrics metrics;

  TenantStatementInspector(StatementRewriter rewriter, TenantType tenantType, StatementInspector previous,
      boolean bindAsParameter, boolean bindingInstalled, boolean onScopingDataSource, StatementMetrics metrics) {
    this.rewriter = rewriter;
    this.crossTenantJoins = new CrossTenantJoins(rewriter.tables());
    this.tenantType = tenantType;
    this.previous = previous;
    this.bindAsParameter = bindAsParameter;
    this.bindingInstalled = bindingInstalled;
    this.bindWhenPrepared = bindingInstalled ? (parts, checked) -> TenantBindingPlan.sql(parts, checked, tenantType) : null;
    this.onScopingDataSource = onScopingDataSource;
    this.metrics = metrics;
  }

  /**
   * The rewriter and its cache of analysed statements; package-private, for the tests that watch
   * the cache's size over a long run (integration-tests' {@code io.citushibernate.boot.RewriteCache}).
   */
  StatementRewriter rewriter() {
    return rewriter;
  }

  @Override
  public String inspect(String sql) {
    String input = previous == null ? sql : previous.inspect(sql);
    try {
      return scope(input);
    } catch (CitusHibernateException refused) {
      metrics.refused(StatementRewriter.refusalOf(refused));
      throw refused;
    }
  }

  private String scope(String input) {
    Rewrite rewrite = rewriter.analyse(input);
    if (!rewrite.touchesTenantTables()) {
      metrics.passed();
      return input;
    }
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isPresent()) {
      String scoped = inspected(TenantBindingPlan.scoped(rewrite, tenantType, tenant.get(), bindAsParameter,
          bindingInstalled));
      metrics.scoped();
      return scoped;
    }
    if (TenantContext.isCrossTenant()) {
      metrics.crossTenant();
      return inspected(rewrite.renderCrossTenant(crossTenantJoins));
    }
    // No scope: a session opened for a tenant supplies it when the statement is prepared (see
    // SessionStatementCheck); without one the JDBC layer refuses the statement, unsent, and counts
    // the refusal. Which of the two happens is not known here, so neither is counted here.
    String unbound = bindWhenPrepared == null ? null : rewrite.renderUnbound(bindWhenPrepared);
    if (unbound != null) {
      return inspected(unbound);
    }
    throw new MissingTenantException("No tenant is set for a statement on tenant table(s) "
        + rewrite.tenantTables() + "; it was not sent. Run it inside TenantContext.run(tenantId, ...), "
        + "or in a session opened for the tenant. Statement: " + input);
  }

  /** {@code sql}, which this inspector scoped, noted for a tenant-scoping data source underneath. */
  private String inspected(String sql) {
    if (onScopingDataSource) {
      InspectedStatements.inspected(sql);
    }
    return sql;
  }
}
