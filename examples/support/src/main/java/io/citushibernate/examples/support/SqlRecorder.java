package io.citushibernate.examples.support;

import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import io.citushibernate.internal.jdbc.delegate.DelegatingDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A data source in front of the pool that notes the SQL text of each statement prepared or executed
 * while {@link #record} runs. Hibernate hands it the SQL after citus-hibernate's rewrite, so this is
 * what the database really received, tenant predicate included.
 */
public final class SqlRecorder extends DelegatingDataSource {
  private List<String> recording;

  public SqlRecorder(DataSource delegate) {
    super(delegate);
  }

  /** A result together with the statements that produced it. */
  public record Traced<T>(T result, List<String> sql) {
  }

  /** Runs {@code work} and returns its result with the SQL sent meanwhile. Not for concurrent use. */
  public synchronized <T> Traced<T> record(Supplier<T> work) {
    recording = new ArrayList<>();
    try {
      T result = work.get();
      return new Traced<>(result, List.copyOf(recording));
    } finally {
      recording = null;
    }
  }

  private synchronized void note(String sql) {
    if (recording != null) {
      recording.add(sql);
    }
  }

  @Override
  protected Connection wrap(Connection connection) {
    return new DelegatingConnection(connection) {
      @Override
      protected String sqlToPrepare(String sql) {
        note(sql);
        return sql;
      }

      @Override
      protected String sqlToExecute(String sql) {
        note(sql);
        return sql;
      }
    };
  }
}
