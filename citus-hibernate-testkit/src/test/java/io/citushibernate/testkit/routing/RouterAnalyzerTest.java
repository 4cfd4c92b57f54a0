package io.citushibernate.testkit.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterAnalyzerTest {
  private final RouterAnalyzer analyzer = new RouterAnalyzer(RoutingTable.CATALOG);

  static Stream<Arguments> table() {
    return RoutingTable.ROWS.stream().map(r -> Arguments.of(r.sql(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void agreesWithCitusRouterRules(String sql, RoutingTable.Row row) {
    Verdict v = analyzer.analyze(sql, row.parameters());
    assertThat(v.kind()).as("%s: %s", sql, v.problems()).isEqualTo(row.verdict());
    if (row.verdict() == Verdict.Kind.SINGLE_SHARD) {
      assertThat(v.problems()).isEmpty();
    } else if (row.verdict() != Verdict.Kind.NO_DISTRIBUTED_TABLE) {
      assertThat(v.problems()).isNotEmpty();
    }
  }

  @Test
  void tableIsLargeAndItsCitusColumnFollowsTheVerdicts() {
    assertThat(RoutingTable.ROWS).hasSizeGreaterThanOrEqualTo(30);
    List<String> inconsistent = new ArrayList<>();
    for (RoutingTable.Row r : RoutingTable.ROWS) {
      boolean rejects = r.verdict() == Verdict.Kind.MULTI_SHARD;
      // a recorded difference is always the analyzer refusing what Citus runs
      boolean consistent = r.citusDiffers() == null ? rejects == r.citusRejects() : rejects && !r.citusRejects();
      if (!consistent) {
        inconsistent.add(r.sql());
      }
    }
    assertThat(inconsistent).isEmpty();
    assertThat(RoutingTable.ROWS).filteredOn(r -> r.verdict() == Verdict.Kind.MULTI_SHARD).hasSizeGreaterThan(10);
    assertThat(RoutingTable.ROWS).filteredOn(r -> r.verdict() == Verdict.Kind.SINGLE_SHARD).hasSizeGreaterThan(10);
  }

  @Test
  void quotedMixedCaseTablesAreFoundInTheCatalog() {
    // the SQL fuzzer on Citus: "Events" was taken for an unknown table, so any statement on it was routable
    RouterAnalyzer quoted = new RouterAnalyzer(new Catalog(Map.of("\"Events\"", "org_id"), Set.of(), Set.of()));

    assertThat(quoted.analyze("select * from \"Events\"", Map.of()).kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(quoted.analyze("select * from \"Events\" e where e.org_id = 1", Map.of()).kind())
        .isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(quoted.analyze("select * from events", Map.of()).kind()).isEqualTo(Verdict.Kind.NO_DISTRIBUTED_TABLE);
  }

  @Test
  void failureNamesTheUnpinnedTable() {
    Verdict v = analyzer.analyze("SELECT c.name, a.name FROM campaigns c JOIN ads a ON a.campaign_id = c.id "
        + "WHERE c.company_id = 1", Map.of());
    assertThat(v.problems()).singleElement().asString().contains("ads a").contains("a.company_id");
  }

  @Test
  void pinnedValueComesFromBoundParameters() {
    assertThat(analyzer.analyze("select * from ads a where a.company_id = ? and a.id = ?", Map.of(1, 7L, 2, 3L))
        .tenant()).isEqualTo("7");
    Verdict two = analyzer.analyze("select * from ads a join campaigns c on c.id = a.campaign_id "
        + "where a.company_id = ? and c.company_id = ?", Map.of(1, 7L, 2, 8L));
    assertThat(two.kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(two.problems()).anyMatch(p -> p.contains("different values"));
    Verdict same = analyzer.analyze("select * from ads a join campaigns c on c.id = a.campaign_id "
        + "where a.company_id = ? and c.company_id = ?", Map.of(1, 7L, 2, 7));
    assertThat(same.kind()).isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(same.tenant()).isEqualTo("7");
  }

  @Test
  void anyArrayParameterCountsItsElements() {
    assertThat(analyzer.analyze("select * from ads where company_id = any(?)", Map.of(1, new Long[] {4L}))
        .kind()).isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(analyzer.analyze("select * from ads where company_id = any(?)", Map.of(1, new Long[] {4L, 5L}))
        .kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
  }

  @Test
  void subplansArePinnedOnlyByTheirOwnConstantsAndAntiJoinsTakeValuesButGiveNone() {
    // Citus 13.2 runs this correlated scalar subquery as a multi-shard subplan: nothing flows into it.
    Verdict scalar = analyzer.analyze("SELECT c.id, (SELECT count(*) FROM ads a WHERE a.campaign_id = c.id "
        + "AND a.company_id = c.company_id) FROM campaigns c WHERE c.company_id = 1", Map.of());
    assertThat(scalar.kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(scalar.problems()).singleElement().asString().contains("ads a");
    Verdict notExists = analyzer.analyze("SELECT * FROM campaigns c WHERE NOT EXISTS (SELECT 1 FROM ads a "
        + "WHERE a.company_id = c.company_id AND a.company_id = 1)", Map.of());
    assertThat(notExists.kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(notExists.problems()).singleElement().asString().contains("campaigns c");
  }

  @Test
  void leftJoinConditionPinsOnlyTheNullableSide() {
    Verdict v = analyzer.analyze("SELECT * FROM campaigns c LEFT JOIN ads a ON a.company_id = c.company_id "
        + "AND c.company_id = 1", Map.of());
    assertThat(v.problems()).anyMatch(p -> p.contains("campaigns c"));
  }

  @Test
  void multiRowInsertNamesTheTenants() {
    Verdict v = analyzer.analyze("insert into ads (company_id, id, name) values (?, ?, ?), (?, ?, ?)",
        Map.of(1, 1L, 2, 10L, 3, "a", 4, 2L, 5, 11L, 6, "b"));
    assertThat(v.kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(v.problems()).singleElement().asString().contains("[1, 2]");
    assertThat(v.write()).isTrue();
  }

  @Test
  void cornersCheckedOnCitus() {
    assertThat(analyzer.analyze("WITH x AS (SELECT * FROM ads) SELECT 1", Map.of()).kind())
        .as("PostgreSQL drops an unreferenced CTE").isEqualTo(Verdict.Kind.NO_DISTRIBUTED_TABLE);
    assertThat(analyzer.analyze("INSERT INTO companies (id, name) VALUES (DEFAULT, 'x')", Map.of()).kind())
        .as("Citus refuses an INSERT without a partition column value").isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(analyzer.analyze("SELECT * FROM campaigns WHERE (company_id, id) = (1, 5) OR (company_id, id) = (1, 6)",
        Map.of()).kind()).isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(analyzer.analyze("SELECT * FROM campaigns WHERE (company_id, id) IN ((?, ?), (?, ?))",
        Map.of(1, 1L, 2, 5L, 3, 1L, 4, 6L)).tenant()).isEqualTo("1");
    assertThat(analyzer.analyze("WITH u AS (UPDATE ads SET name = 'n' WHERE company_id = 1 RETURNING company_id) "
        + "SELECT * FROM u", Map.of()).kind()).isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(analyzer.analyze("SELECT * FROM campaigns c FULL JOIN ads a ON a.company_id = c.company_id "
        + "AND a.campaign_id = c.id WHERE c.company_id = 1", Map.of()).kind())
        .as("the WHERE makes it a LEFT JOIN").isEqualTo(Verdict.Kind.SINGLE_SHARD);
    assertThat(analyzer.analyze("SELECT * FROM campaigns c LEFT JOIN ads a ON a.company_id = c.company_id "
        + "WHERE a.id = 5", Map.of()).kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
  }

  @Test
  void utilityStatementsAndUnparseableOnes() {
    assertThat(analyzer.analyze("TRUNCATE campaigns, ads RESTART IDENTITY CASCADE", Map.of()).kind())
        .isEqualTo(Verdict.Kind.NOT_A_QUERY);
    assertThat(analyzer.analyze("select nextval('ads_seq')", Map.of()).kind())
        .isEqualTo(Verdict.Kind.NO_DISTRIBUTED_TABLE);
    Verdict broken = analyzer.analyze("SELECT FROM WHERE campaigns ((", Map.of());
    assertThat(broken.kind()).isEqualTo(Verdict.Kind.UNPARSEABLE);
    assertThat(broken.routable()).isFalse();
  }

  /** The analyzer reads unparseable SQL with the library's lexer: comments and literals are not SQL. */
  @Test
  void unparseableStatementsAreReadWithTheLibrarysLexer() {
    assertThat(analyzer.analyze("/* a leading comment */ SELECT FROM WHERE campaigns ((", Map.of()).kind())
        .as("a leading comment does not hide the query").isEqualTo(Verdict.Kind.UNPARSEABLE);
    assertThat(analyzer.analyze("SELECT FROM WHERE \"campaigns\" ((", Map.of()).kind())
        .as("a quoted name is a name").isEqualTo(Verdict.Kind.UNPARSEABLE);
    assertThat(analyzer.analyze("SELECT FROM WHERE 'campaigns' ((", Map.of()).kind())
        .as("a literal names no table").isEqualTo(Verdict.Kind.NOT_A_QUERY);
  }

  @Test
  void updateOfTheDistributionColumnIsRefused() {
    Verdict v = analyzer.analyze("update campaigns set company_id = 2 where company_id = 1", Map.of());
    assertThat(v.kind()).isEqualTo(Verdict.Kind.MULTI_SHARD);
    assertThat(v.problems()).singleElement().asString().contains("distribution column");
  }
}
