package io.citushibernate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link AstWalker} finds what {@link ReflectiveAstWalker}, which reads every field of every node,
 * finds: the same scopes and tables in the same order, for every statement the SQL tests of this
 * package use (the rewrite cases and each string in the test sources that parses as SQL).
 */
class AstWalkerOracleTest {
  private static final Path TEST_SOURCES = Path.of("src/test/java/io/citushibernate/sql");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  /** Where a statement can start; other strings (names, messages) are not tried. */
  private static final Pattern STATEMENT = Pattern.compile(
      "(?is)\\(*\\s*(select|insert|update|delete|with|merge|values|table|truncate|create|drop|alter|explain|comment)\\b.*");

  @Test
  void findsWhatTheReflectiveWalkFindsForEveryRewriteCase() {
    List<String> differences = new ArrayList<>();
    for (RewriteCases.Case c : RewriteCases.all()) {
      compare(c.in(), differences);
      compare(c.out(), differences);
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void findsWhatTheReflectiveWalkFindsForEveryStatementOfTheSqlTests() throws IOException {
    List<String> differences = new ArrayList<>();
    int parsed = 0;
    for (String sql : sqlOfTheTests()) {
      parsed += compare(sql, differences) ? 1 : 0;
    }
    assertThat(differences).isEmpty();
    assertThat(parsed).as("statements compared").isGreaterThan(300);
  }

  /** Whether {@code sql} parses; a difference between the walks is added to {@code differences}. */
  private static boolean compare(String sql, List<String> differences) {
    Statement statement;
    try {
      statement = StatementRewriter.parse(sql);
    } catch (StatementRewriter.ParseFailure e) {
      return false;
    }
    String difference = ReflectiveAstWalker.difference(statement);
    if (difference != null) {
      differences.add(difference);
    }
    return true;
  }

  /**
   * The string literals of this package's test sources, and the cells of their text blocks (CSV
   * sources separate cells with {@code |}, the rewrite cases start lines with IN and OUT).
   */
  private static Set<String> sqlOfTheTests() throws IOException {
    Set<String> strings = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(TEST_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (String block : source.split("\"\"\"")) {
          for (String line : block.split("\n")) {
            for (String cell : line.split("\\|")) {
              strings.add(cell.strip().replaceFirst("^(IN|OUT) +", ""));
            }
          }
        }
        Matcher literal = STRING.matcher(source);
        while (literal.find()) {
          strings.add(literal.group(1).translateEscapes());
        }
      }
    }
    strings.removeIf(s -> !STATEMENT.matcher(s).matches());
    return strings;
  }
}
