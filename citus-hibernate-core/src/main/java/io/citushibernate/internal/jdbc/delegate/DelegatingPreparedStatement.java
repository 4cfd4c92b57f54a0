package io.citushibernate.internal.jdbc.delegate;

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
 * A prepared statement that forwards every call to the statement it wraps. Every setter of a
 * parameter by index asks {@link #indexToBind} where the driver takes it, so a subclass that moves,
 * checks or notes parameters overrides that one method.
 *
 * @param <S> the wrapped statement's type
 */
public class DelegatingPreparedStatement<S extends PreparedStatement> extends DelegatingStatement<S>
    implements PreparedStatement {
  public DelegatingPreparedStatement(DelegatingConnection connection, S delegate) {
    super(connection, delegate);
  }

  /**
   * The driver's index for the caller's parameter {@code parameterIndex}, about to be bound to
   * {@code value} ({@code null} for {@code setNull}); the same index here.
   */
  protected int indexToBind(int parameterIndex, Object value) throws SQLException {
    return parameterIndex;
  }

  @Override
  public void addBatch() throws SQLException {
    delegate.addBatch();
  }

  @Override
  public void clearParameters() throws SQLException {
    delegate.clearParameters();
  }

  @Override
  public boolean execute() throws SQLException {
    return delegate.execute();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return delegate.executeLargeUpdate();
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return delegate.executeQuery();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return delegate.executeUpdate();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return delegate.getMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return delegate.getParameterMetaData();
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    delegate.setArray(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setAsciiStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setAsciiStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    delegate.setAsciiStream(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    delegate.setBigDecimal(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setBinaryStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setBinaryStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    delegate.setBinaryStream(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setBlob(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x) throws SQLException {
    delegate.setBlob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    delegate.setBlob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    delegate.setBoolean(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    delegate.setByte(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    delegate.setBytes(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
    delegate.setCharacterStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setCharacterStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
    delegate.setCharacterStream(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setClob(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader x) throws SQLException {
    delegate.setClob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    delegate.setClob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar calendar) throws SQLException {
    delegate.setDate(indexToBind(parameterIndex, x), x, calendar);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    delegate.setDate(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    delegate.setDouble(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    delegate.setFloat(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    delegate.setInt(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    delegate.setLong(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setNCharacterStream(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
    delegate.setNCharacterStream(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setNClob(indexToBind(parameterIndex, x), x, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x) throws SQLException {
    delegate.setNClob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setNClob(int parameterIndex, NClob x) throws SQLException {
    delegate.setNClob(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setNString(int parameterIndex, String x) throws SQLException {
    delegate.setNString(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    delegate.setNull(indexToBind(parameterIndex, null), sqlType, typeName);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    delegate.setNull(indexToBind(parameterIndex, null), sqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    delegate.setObject(indexToBind(parameterIndex, x), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    delegate.setObject(indexToBind(parameterIndex, x), x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    delegate.setObject(indexToBind(parameterIndex, x), x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    delegate.setObject(indexToBind(parameterIndex, x), x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    delegate.setObject(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    delegate.setRef(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    delegate.setRowId(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    delegate.setSQLXML(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    delegate.setShort(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    delegate.setString(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar calendar) throws SQLException {
    delegate.setTime(indexToBind(parameterIndex, x), x, calendar);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    delegate.setTime(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar calendar) throws SQLException {
    delegate.setTimestamp(indexToBind(parameterIndex, x), x, calendar);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    delegate.setTimestamp(indexToBind(parameterIndex, x), x);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    delegate.setURL(indexToBind(parameterIndex, x), x);
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setUnicodeStream(indexToBind(parameterIndex, x), x, length);
  }
}
