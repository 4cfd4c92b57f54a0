package io.citushibernate.examples.support;

import java.io.PrintStream;
import java.util.List;

/** Everything the example prints goes through here, so tests can read it and the layout stays uniform. */
public final class Report {
  private final PrintStream out;

  public Report(PrintStream out) {
    this.out = out;
  }

  /** A numbered part of the walk-through. */
  public void section(String title) {
    out.println();
    out.println("== " + title + " " + "=".repeat(Math.max(3, 76 - title.length())));
  }

  public void line(String text) {
    out.println(text);
  }

  public void table(TextTable table) {
    out.print(table.render());
  }

  /** The statements that reached the database, as citus-hibernate rewrote them. */
  public void sql(List<String> statements) {
    if (statements.isEmpty()) {
      out.println("SQL: (none)");
      return;
    }
    for (String sql : statements) {
      out.println("SQL> " + sql);
    }
  }
}
