package io.citushibernate.internal.jdbc;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.metrics.Refusal;
import io.citushibernate.internal.metrics.StatementMetrics;
import io.citushibernate.tenant.TenantContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The current tenant, bound to the tenant placeholders of one statement by its plan: binds it,
 * binds it again once the application cleared the parameters, and tells where the application's
 * own parameters moved to.
 */
final class BoundTenant {
  private final TenantBindingPlan plan;
  private final Object tenant;
  /** Where a refused parameter is counted. */
  private final StatementMetrics metrics;

  private BoundTenant(TenantBindingPlan plan, Object tenant, StatementMetrics metrics) {
    this.plan = plan;
    this.tenant = tenant;
    this.metrics = metrics;
  }

  /** The current tenant, for a statement prepared from {@code sql}; {@code null} when its SQL carries no plan. */
  static BoundTenant of(String sql, StatementMetrics metrics) {
    TenantBindingPlan plan = TenantBindingPlans.planOf(sql);
    return plan == null ? null : of(plan, metrics);
  }

  /** The current tenant, for a statement with {@code plan}; refused (and counted in {@code metrics}) when there is none. */
  static BoundTenant of(TenantBindingPlan plan, StatementMetrics metrics) {
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isEmpty()) {
      metrics.refused(Refusal.MISSING_TENANT);
      throw new MissingTenantException("No tenant is set for a statement on tenant tables; it was not sent. "
          + "Run it inside TenantContext.run(tenantId, ...), or in a session opened for the tenant "
          + "(sessionFactory.withOptions().tenantIdentifier(tenantId)): " + plan.sql());
    }
    return new BoundTenant(plan, tenant.get(), metrics);
  }

  /** {@code statement}, prepared from the plan's SQL, with the tenant bound; closed if binding fails. */
  <S extends PreparedStatement> S bindInto(S statement) throws SQLException {
    try {
      plan.bind(statement, tenant);
      return statement;
    } catch (RuntimeException | SQLException e) {
      try {
        statement.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Binds the tenant again into {@code statement}, whose parameters were just cleared. */
  void bindAgain(PreparedStatement statement) throws SQLException {
    plan.bind(statement, tenant);
  }

  /**
   * Where the application's parameter {@code index} sits, for binding {@code value}; a parameter
   * the statement writes into a tenant column must be the tenant.
   */
  int indexToBind(int index, Object value) {
    try {
      return plan.actualIndex(index, value, tenant);
    } catch (TenantMismatchException refused) {
      metrics.refused(Refusal.TENANT_MISMATCH);
      throw refused;
    }
  }

  /** Where the application's OUT parameter {@code index} sits. */
  int outParameterIndex(int index) {
    return plan.shift(index);
  }
}
