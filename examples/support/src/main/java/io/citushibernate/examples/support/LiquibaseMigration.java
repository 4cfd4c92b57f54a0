package io.citushibernate.examples.support;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies an example's Liquibase changelog: its tables, keys and indexes, and the citus-liquibase
 * changes that distribute them. Liquibase's own chatter is dropped; what matters here (changesets
 * run, Citus changes skipped and why) is printed.
 */
public final class LiquibaseMigration {
  private LiquibaseMigration() {
  }

  /**
   * Applies {@code changelog}, a class path resource, under the section "{@code title}: Liquibase
   * {@code changelog}".
   */
  public static void apply(DataSource dataSource, Report report, String title, String changelog) {
    apply(dataSource, report, title, changelog, null);
  }

  /**
   * Runs {@code work}, Liquibase work of the example's own (e.g. citus-liquibase's tenant schema migrations), with
   * Liquibase's console chatter dropped, as {@link #apply} drops it.
   */
  public static <T> T quietly(Supplier<T> work) {
    try {
      return Scope.child(quietScope(new Collected()), work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Liquibase work failed: " + e.getMessage(), e);
    }
  }

  /**
   * Applies the changesets of {@code changelog} that {@code labelFilter} selects (Liquibase's
   * {@code --label-filter}; {@code null} for all).
   */
  public static void apply(DataSource dataSource, Report report, String title, String changelog, String labelFilter) {
    report.section(title + ": Liquibase " + changelog + (labelFilter == null ? "" : " (labels " + labelFilter + ")"));
    Collected log = new Collected();
    Map<String, Object> scope = quietScope(log);
    scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LiquibaseMigration.class.getClassLoader()));
    try (Connection connection = dataSource.getConnection()) {
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
          .addArgumentValue("changelogFile", changelog)
          .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labelFilter)
          .setOutput(OutputStream.nullOutputStream())
          .execute());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect for the schema migration", e);
    } catch (LiquibaseException e) {
      throw new IllegalStateException("Liquibase update failed: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Liquibase update failed", e);
    }
    List<String> lines = log.lines();
    if (lines.isEmpty()) {
      report.line("Up to date: every changeset ran before.");
    }
    lines.forEach(line -> report.line("  " + line));
  }

  /** A Liquibase scope whose log goes to {@code log}, whose console output goes to the log, and that does not phone home. */
  private static Map<String, Object> quietScope(Collected log) {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.logService.name(), log);
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    // An example should not phone home.
    scope.put("liquibase.analytics.enabled", false);
    return scope;
  }

  /** Keeps the log lines worth showing: changesets that ran, and citus-liquibase's skip notices. */
  private static final class Collected extends AbstractLogService {
    private final List<String> lines = new ArrayList<>();

    @Override
    public int getPriority() {
      return PRIORITY_SPECIALIZED;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's LogService declares a raw Class
    public Logger getLog(Class clazz) {
      return new AbstractLogger() {
        @Override
        public void log(Level level, String message, Throwable e) {
          if (message == null) {
            return;
          }
          if (message.startsWith("citus-liquibase:")) {
            add("  " + message);
          } else if (message.startsWith("ChangeSet ") && message.contains(" ran successfully")) {
            // "ChangeSet <changelog>::<id>::<author> ran successfully in 12ms" -> "ran <id>"
            String[] name = message.substring("ChangeSet ".length()).split("::");
            add("ran changeset " + (name.length == 3 ? name[1] : name[0]));
          } else if (level.intValue() >= Level.WARNING.intValue() && !message.contains("analytics")) {
            add(message);
          }
        }

        @Override
        public void close() {
          // nothing to release
        }
      };
    }

    private synchronized void add(String line) {
      lines.add(line);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
