package io.citushibernate.internal.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection whose {@code prepareStatement} and {@code prepareCall} bind the current tenant into
 * statements that carry a {@link TenantBindingPlan}, and whose plain statements refuse them.
 * Everything else goes straight to the driver's connection: a written-out delegate rather than a
 * dynamic proxy, because Hibernate calls a connection and its statements a few dozen times per
 * transaction and reflection made each call measurably slower.
 */
final class TenantBindingConnection implements Connection {
  final Connection target;
  private final CrossTenantModifyMode modifyMode = new CrossTenantModifyMode();

  TenantBindingConnection(Connection target) {
    this.target = target;
  }

  /** Prepares a statement of the driver's connection from SQL. */
  private interface Prepare<S extends PreparedStatement> {
    S with(String sql) throws SQLException;
  }

  /** Binds the tenant into a prepared statement: {@link TenantBinding#bound} or {@link TenantBinding#callable}. */
  private interface Bind<S extends PreparedStatement> {
    S bind(S statement, TenantBindingPlan plan, Object tenant) throws SQLException;
  }

  /** {@code sql} prepared as is, or, when it carries a plan, its plan's SQL with the current tenant bound. */
  private <S extends PreparedStatement> S prepare(String sql, Prepare<S> prepare, Bind<S> bind)
      throws SQLException {
    modifyMode.beforeStatement(target);
    TenantBindingPlan plan = TenantBinding.planOf(sql);
    if (plan == null) {
      return prepare.with(sql);
    }
    Object tenant = TenantBinding.tenant(sql); // first: without a tenant, nothing is prepared
    return bind.bind(prepare.with(plan.sql()), plan, tenant);
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    target.abort(executor);
  }

  @Override
  public void beginRequest() throws SQLException {
    target.beginRequest();
  }

  @Override
  public void clearWarnings() throws SQLException {
    target.clearWarnings();
  }

  @Override
  public void close() throws SQLException {
    target.close();
  }

  @Override
  public void commit() throws SQLException {
    target.commit();
    modifyMode.transactionEnded();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return target.createArrayOf(typeName, elements);
  }

  @Override
  public Blob createBlob() throws SQLException {
    return target.createBlob();
  }

  @Override
  public Clob createClob() throws SQLException {
    return target.createClob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return target.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return target.createSQLXML();
  }

  @Override
  public Statement createStatement() throws SQLException {
    return new GuardedStatement<>(target.createStatement());
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return new GuardedStatement<>(target.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return new GuardedStatement<>(target.createStatement(resultSetType, resultSetConcurrency));
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return target.createStruct(typeName, attributes);
  }

  @Override
  public void endRequest() throws SQLException {
    target.endRequest();
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return target.getAutoCommit();
  }

  @Override
  public String getCatalog() throws SQLException {
    return target.getCatalog();
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return target.getClientInfo();
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return target.getClientInfo(name);
  }

  @Override
  public int getHoldability() throws SQLException {
    return target.getHoldability();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return target.getMetaData();
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return target.getNetworkTimeout();
  }

  @Override
  public String getSchema() throws SQLException {
    return target.getSchema();
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return target.getTransactionIsolation();
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return target.getTypeMap();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return target.getWarnings();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return target.isClosed();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return target.isReadOnly();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return target.isValid(timeout);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(target) || target.isWrapperFor(iface);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return target.nativeSQL(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return prepare(sql, s -> target.prepareCall(s, resultSetType, resultSetConcurrency, resultSetHoldability),
        TenantBinding::callable);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepare(sql, s -> target.prepareCall(s, resultSetType, resultSetConcurrency), TenantBinding::callable);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return prepare(sql, target::prepareCall, TenantBinding::callable);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepare(sql, s -> target.prepareStatement(s, columnIndexes), TenantBinding::bound);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepare(sql, s -> target.prepareStatement(s, columnNames), TenantBinding::bound);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return prepare(sql, s -> target.prepareStatement(s, resultSetType, resultSetConcurrency, resultSetHoldability),
        TenantBinding::bound);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepare(sql, s -> target.prepareStatement(s, resultSetType, resultSetConcurrency), TenantBinding::bound);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepare(sql, s -> target.prepareStatement(s, autoGeneratedKeys), TenantBinding::bound);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, target::prepareStatement, TenantBinding::bound);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    target.releaseSavepoint(savepoint);
  }

  @Override
  public void rollback() throws SQLException {
    target.rollback();
    modifyMode.transactionEnded();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    target.rollback(savepoint);
    modifyMode.transactionEnded();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    target.setAutoCommit(autoCommit);
    modifyMode.transactionEnded();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    target.setCatalog(catalog);
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    target.setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    target.setClientInfo(properties);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    target.setHoldability(holdability);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    target.setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    target.setReadOnly(readOnly);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return target.setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return target.setSavepoint(name);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    target.setSchema(schema);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    return target.setShardingKeyIfValid(shardingKey, timeout);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
    return target.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    target.setShardingKey(shardingKey, superShardingKey);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    target.setShardingKey(shardingKey);
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    target.setTransactionIsolation(level);
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    target.setTypeMap(map);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
  }
}
