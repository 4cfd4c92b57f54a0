package io.citushibernate.internal.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A prepared statement with the tenant bound to its tenant placeholders: the application's
 * parameter indexes are shifted past them, and {@code clearParameters} binds the tenant again. A
 * parameter the statement writes into a tenant column must be bound to the current tenant.
 */
final class TenantBoundStatement extends GuardedStatement<PreparedStatement> implements PreparedStatement {
  private final TenantBindingPlan plan;
  private final Object tenant;

  TenantBoundStatement(PreparedStatement target, TenantBindingPlan plan, Object tenant) {
    super(target);
    this.plan = plan;
    this.tenant = tenant;
  }

  @Override
  public void addBatch() throws SQLException {
    target.addBatch();
  }

  @Override
  public void clearParameters() throws SQLException {
    target.clearParameters();
    plan.bind(target, tenant);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return target.executeLargeUpdate();
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return target.executeQuery();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return target.executeUpdate();
  }

  @Override
  public boolean execute() throws SQLException {
    return target.execute();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return target.getMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return target.getParameterMetaData();
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    target.setArray(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    target.setAsciiStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    target.setAsciiStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    target.setAsciiStream(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    target.setBigDecimal(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    target.setBinaryStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    target.setBinaryStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    target.setBinaryStream(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    target.setBlob(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x) throws SQLException {
    target.setBlob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    target.setBlob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    target.setBoolean(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    target.setByte(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    target.setBytes(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
    target.setCharacterStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    target.setCharacterStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
    target.setCharacterStream(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
    target.setClob(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader x) throws SQLException {
    target.setClob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    target.setClob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar calendar) throws SQLException {
    target.setDate(plan.actualIndex(parameterIndex), x, calendar);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    target.setDate(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    target.setDouble(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    target.setFloat(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    target.setInt(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    target.setLong(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    target.setNCharacterStream(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
    target.setNCharacterStream(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
    target.setNClob(plan.actualIndex(parameterIndex), x, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x) throws SQLException {
    target.setNClob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setNClob(int parameterIndex, NClob x) throws SQLException {
    target.setNClob(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setNString(int parameterIndex, String x) throws SQLException {
    target.setNString(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    target.setNull(plan.actualIndex(parameterIndex, null, tenant), sqlType, typeName);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    target.setNull(plan.actualIndex(parameterIndex, null, tenant), sqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    target.setObject(plan.actualIndex(parameterIndex, x, tenant), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    target.setObject(plan.actualIndex(parameterIndex, x, tenant), x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    target.setObject(plan.actualIndex(parameterIndex, x, tenant), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    target.setObject(plan.actualIndex(parameterIndex, x, tenant), x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    target.setObject(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    target.setRef(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    target.setRowId(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    target.setSQLXML(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    target.setShort(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    target.setString(plan.actualIndex(parameterIndex, x, tenant), x);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar calendar) throws SQLException {
    target.setTime(plan.actualIndex(parameterIndex), x, calendar);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    target.setTime(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar calendar) throws SQLException {
    target.setTimestamp(plan.actualIndex(parameterIndex), x, calendar);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    target.setTimestamp(plan.actualIndex(parameterIndex), x);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    target.setURL(plan.actualIndex(parameterIndex), x);
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    target.setUnicodeStream(plan.actualIndex(parameterIndex), x, length);
  }
}
