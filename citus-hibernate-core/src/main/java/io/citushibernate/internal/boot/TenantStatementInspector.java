package io.citushibernate.internal.boot;

import io.citushibernate.MissingTenantException;
import io.citushibernate.internal.jdbc.TenantBindingPlan;
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
  /** Puts the tenant in as a bind parameter; {@code null} to put it in as a literal. */
  private final transient Rewrite.Parameterizer parameterizer;
  /**
   * Leaves the tenant to the JDBC layer, which binds it as the statement is prepared and checks
   * the parameters written into tenant columns; {@code null} when connections do not pass through
   * that layer (then Hibernate's write listener alone checks the tenant of the entities it writes).
   */
  private final transient Rewrite.Parameterizer bindWhenPrepared;

  TenantStatementInspector(StatementRewriter rewriter, TenantType tenantType, StatementInspector previous,
      boolean bindAsParameter, boolean bindingInstalled) {
    this.rewriter = rewriter;
    this.crossTenantJoins = new CrossTenantJoins(rewriter.tables());
    this.tenantType = tenantType;
    this.previous = previous;
    this.bindWhenPrepared = bindingInstalled ? (parts, checked) -> TenantBindingPlan.sql(parts, checked, tenantType) : null;
    this.parameterizer = bindAsParameter ? bindWhenPrepared : null;
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
    Rewrite rewrite = rewriter.analyse(input);
    if (!rewrite.touchesTenantTables()) {
      return input;
    }
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isPresent()) {
      String literal = tenantType.literal(tenant.get());
      if (parameterizer != null) {
        return rewrite.renderParameterized(literal, parameterizer);
      }
      String scoped = rewrite.render(literal);
      return bindWhenPrepared == null || !rewrite.hasCheckedParameters() ? scoped
          : bindWhenPrepared.sql(new String[] {scoped}, rewrite.checkedParameters());
    }
    if (TenantContext.isCrossTenant()) {
      return rewrite.renderCrossTenant(crossTenantJoins);
    }
    // No scope: a session opened for a tenant supplies it when the statement is prepared (see
    // SessionStatementCheck); without one the JDBC layer refuses the statement, unsent.
    String unbound = bindWhenPrepared == null ? null : rewrite.renderUnbound(bindWhenPrepared);
    if (unbound != null) {
      return unbound;
    }
    throw new MissingTenantException("No tenant is set for a statement on tenant table(s) "
        + rewrite.tenantTables() + "; it was not sent. Run it inside TenantContext.run(tenantId, ...), "
        + "or in a session opened for the tenant. Statement: " + input);
  }
}
