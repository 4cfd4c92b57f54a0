package io.citushibernate.benchmarks;

import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import io.citushibernate.internal.jdbc.delegate.DelegatingDataSource;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a data source to record the SQL text of every statement prepared on its connections:
 * what reaches the driver after every inspector ran. Used only to show the SQL of the variants
 * ({@link ShowSql}), never while measuring.
 */
final class RecordingDataSource extends DelegatingDataSource {
  private final List<String> statements = new CopyOnWriteArrayList<>();

  RecordingDataSource(DataSource target) {
    super(target);
  }

  /** The statements recorded since the last call, and forgets them. */
  List<String> drain() {
    List<String> copy = List.copyOf(statements);
    statements.clear();
    return copy;
  }

  @Override
  protected Connection wrap(Connection connection) {
    return new DelegatingConnection(connection) {
      @Override
      protected String sqlToPrepare(String sql) {
        statements.add(sql);
        return sql;
      }
    };
  }
}
