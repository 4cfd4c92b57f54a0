package io.citushibernate.internal.boot;

import io.citushibernate.internal.event.SessionStatementCheck;
import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.tenant.TenantType;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;
import org.hibernate.tool.schema.internal.exec.JdbcContext;

/**
 * The application's transaction coordinator builder, which also sees every session open: Hibernate
 * asks it for each new session's transaction coordinator, with the session itself as the options,
 * once the session knows its tenant and has its event listener manager. That is where the
 * {@link SessionStatementCheck} is installed on the sessions of citus-hibernate's factories.
 * Sessions that share another session's transaction coordinator are not seen here; they are held
 * to their tenant by the event listeners alone.
 */
final class TenantSessionCoordinatorBuilder implements TransactionCoordinatorBuilder {
  private static final long serialVersionUID = 1L;

  private final TransactionCoordinatorBuilder delegate;
  /** The factories citus-hibernate integrated into, with their tenant type; a registry may serve several. */
  private final transient Map<SessionFactoryImplementor, TenantType> factories = new ConcurrentHashMap<>();

  TenantSessionCoordinatorBuilder(TransactionCoordinatorBuilder delegate) {
    this.delegate = delegate;
  }

  /** Checks the statements of {@code factory}'s sessions from now on. */
  void checkSessionsOf(SessionFactoryImplementor factory, TenantType type) {
    factories.put(factory, type);
  }

  void forget(SessionFactoryImplementor factory) {
    factories.remove(factory);
  }

  @Override
  public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
    if (options instanceof SharedSessionContractImplementor session) {
      TenantType type = factories.get(session.getFactory());
      if (type != null) {
        SessionStatementCheck.install(session, type);
      }
    }
    return delegate.buildTransactionCoordinator(owner, options);
  }

  @Override
  public boolean isJta() {
    return delegate.isJta();
  }

  @Override
  public PhysicalConnectionHandlingMode getDefaultConnectionHandlingMode() {
    return delegate.getDefaultConnectionHandlingMode();
  }

  @Override
  public DdlTransactionIsolator buildDdlTransactionIsolator(JdbcContext jdbcContext) {
    return new LibraryWorkIsolator(delegate.buildDdlTransactionIsolator(jdbcContext));
  }

  /**
   * Hibernate's schema work (export, update, validation, and citus-hibernate's Citus calls in its
   * script) runs on the isolator's connection: it is citus-hibernate's own work, so it is not
   * scoped to a tenant and runs with the routing guard lifted ({@link TenantBinding#markLibraryWork}).
   */
  private static final class LibraryWorkIsolator implements DdlTransactionIsolator {
    private final DdlTransactionIsolator delegate;

    LibraryWorkIsolator(DdlTransactionIsolator delegate) {
      this.delegate = delegate;
    }

    @Override
    public JdbcContext getJdbcContext() {
      return delegate.getJdbcContext();
    }

    @Override
    public Connection getIsolatedConnection() {
      return marked(delegate.getIsolatedConnection());
    }

    @Override
    public Connection getIsolatedConnection(boolean autocommit) {
      return marked(delegate.getIsolatedConnection(autocommit));
    }

    @Override
    public void release() {
      delegate.release();
    }

    private static Connection marked(Connection connection) {
      TenantBinding.markLibraryWork(connection);
      return connection;
    }
  }
}
