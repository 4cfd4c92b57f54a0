package io.citushibernate.spring.dao;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHandle;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;

/**
 * The JPA provider's dialect with citus-hibernate's exceptions translated first. Spring's
 * {@code JpaTransactionManager} and the entity manager factory translate through the dialect (a
 * flush at commit, for example), not through {@code PersistenceExceptionTranslator} beans, so the
 * translation has to be here too.
 */
public final class CitusJpaDialect implements JpaDialect {
  private static final CitusExceptionTranslator TRANSLATOR = new CitusExceptionTranslator();

  private final JpaDialect delegate;

  public CitusJpaDialect(JpaDialect delegate) {
    this.delegate = delegate;
  }

  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    DataAccessException translated = TRANSLATOR.translateExceptionIfPossible(ex);
    return translated != null ? translated : delegate.translateExceptionIfPossible(ex);
  }

  @Override
  public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
      throws PersistenceException, SQLException, TransactionException {
    return delegate.beginTransaction(entityManager, definition);
  }

  @Override
  public Object prepareTransaction(EntityManager entityManager, boolean readOnly, String name)
      throws PersistenceException {
    return delegate.prepareTransaction(entityManager, readOnly, name);
  }

  @Override
  public void cleanupTransaction(Object transactionData) {
    delegate.cleanupTransaction(transactionData);
  }

  @Override
  public ConnectionHandle getJdbcConnection(EntityManager entityManager, boolean readOnly)
      throws PersistenceException, SQLException {
    return delegate.getJdbcConnection(entityManager, readOnly);
  }

  @Override
  public void releaseJdbcConnection(ConnectionHandle conHandle, EntityManager entityManager)
      throws PersistenceException, SQLException {
    delegate.releaseJdbcConnection(conHandle, entityManager);
  }

  /** The provider's dialect, for code that needs its specific type. */
  public JpaDialect delegate() {
    return delegate;
  }
}
