package io.citushibernate.examples.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A query result laid out the way psql prints it, so examples read like the Citus docs' psql sessions. */
public final class TextTable {
  private final List<String> headers;
  private final List<Object[]> rows = new ArrayList<>();

  public TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  public TextTable row(Object... values) {
    if (values.length != headers.size()) {
      throw new IllegalArgumentException("Expected " + headers.size() + " values, got " + Arrays.toString(values));
    }
    rows.add(values.clone());
    return this;
  }

  public TextTable rows(List<Object[]> values) {
    values.forEach(this::row);
    return this;
  }

  public String render() {
    int[] widths = headers.stream().mapToInt(String::length).toArray();
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], text(row[i]).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      out.append(i == 0 ? " " : " | ").append(center(headers.get(i), widths[i]));
    }
    out.append('\n');
    for (int i = 0; i < widths.length; i++) {
      out.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
    }
    out.append("-\n");
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String cell = text(row[i]);
        String padding = " ".repeat(widths[i] - cell.length());
        out.append(i == 0 ? " " : " | ").append(row[i] instanceof Number ? padding + cell : cell + padding);
      }
      out.append('\n');
    }
    out.append(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)").append('\n');
    return out.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String center(String text, int width) {
    int left = (width - text.length()) / 2;
    return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
  }
}
