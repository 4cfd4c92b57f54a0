package io.citushibernate.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.spring.actuate.CitusReport.Node;
import io.citushibernate.spring.actuate.CitusReport.TableReport;
import io.citushibernate.spring.actuate.DistributionCheck.Expected;
import io.citushibernate.spring.actuate.DistributionCheck.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping against catalog rows built here, as {@code pg_dist_partition} would hold them. */
class DistributionCheckTest {
  private static final Expected COMPANIES = new Expected(null, "companies", "id");
  private static final Expected CAMPAIGNS = new Expected(null, "campaigns", "company_id");
  private static final Expected ADS = new Expected(null, "ads", "company_id");
  private static final Expected COUNTRIES = new Expected(null, "countries", null);
  private static final List<Expected> MAPPING = List.of(ADS, CAMPAIGNS, COMPANIES, COUNTRIES);

  private static Recorded hash(String column, int group) {
    return new Recorded(true, "h", "s", column, group);
  }

  private static final Recorded REFERENCE = new Recorded(true, "n", "t", null, 1);
  private static final Recorded LOCAL = new Recorded(true, null, null, null, null);

  @Test
  void tablesDistributedAsMappedAndColocatedHaveNoProblem() {
    DistributionCheck.Result result = DistributionCheck.compare(MAPPING, Map.of("companies", hash("id", 2),
        "campaigns", hash("company_id", 2), "ads", hash("company_id", 2), "countries", REFERENCE));
    assertThat(result.problems()).isEmpty();
    assertThat(result.tables()).containsExactly(
        new TableReport("ads", "distributed by company_id", "distributed by company_id", 2, true),
        new TableReport("campaigns", "distributed by company_id", "distributed by company_id", 2, true),
        new TableReport("companies", "distributed by id", "distributed by id", 2, true),
        new TableReport("countries", "reference table", "reference table", 1, true));
  }

  @Test
  void aLocalTableAndAWrongColumnAreNamedWithTheirFix() {
    DistributionCheck.Result result = DistributionCheck.compare(MAPPING, Map.of("companies", hash("id", 2),
        "campaigns", LOCAL, "ads", hash("id", 2), "countries", REFERENCE));
    assertThat(result.problems()).containsExactly(
        "ads is distributed by id, the mapping expects company_id: "
            + "alter_distributed_table('ads', distribution_column => 'company_id')",
        "campaigns is a local table on the coordinator: distribute it by company_id "
            + "(create_distributed_table('campaigns', 'company_id'))");
    assertThat(result.tables()).extracting(TableReport::table, TableReport::citusHas, TableReport::colocationGroup,
            TableReport::asMapped)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ads", "distributed by id", 2, false),
            org.assertj.core.groups.Tuple.tuple("campaigns", "local table", null, false),
            org.assertj.core.groups.Tuple.tuple("companies", "distributed by id", 2, true),
            org.assertj.core.groups.Tuple.tuple("countries", "reference table", 1, true));
  }

  @Test
  void aMissingTableIsAProblemToo() {
    DistributionCheck.Result result = DistributionCheck.compare(List.of(CAMPAIGNS, COUNTRIES), Map.of());
    assertThat(result.problems()).containsExactly(
        "campaigns does not exist: create it (schema export or migration) and distribute it by company_id",
        "countries does not exist: create it (schema export or migration) and make it a reference table");
    assertThat(result.tables()).extracting(TableReport::citusHas).containsExactly("missing", "missing");
  }

  @Test
  void referenceTablesMustBeReferenceTablesNotDistributedNorCitusLocal() {
    Expected currencies = new Expected("shared", "currencies", null);
    DistributionCheck.Result result = DistributionCheck.compare(List.of(COUNTRIES, currencies, CAMPAIGNS),
        Map.of("countries", hash("code", 3), "shared.currencies", new Recorded(true, "n", "s", null, 0),
            "campaigns", REFERENCE));
    assertThat(result.problems()).containsExactly(
        "countries is distributed by code, the mapping makes it a reference table: undistribute_table('countries'), "
            + "then create_reference_table('countries')",
        "shared.currencies is a Citus local table, the mapping makes it a reference table: "
            + "undistribute_table('shared.currencies'), then create_reference_table('shared.currencies')",
        "campaigns is a reference table, the mapping expects it distributed by company_id: "
            + "undistribute_table('campaigns'), then create_distributed_table('campaigns', 'company_id')");
  }

  @Test
  void tenantTablesInSeveralColocationGroupsAreAProblem() {
    DistributionCheck.Result result = DistributionCheck.compare(List.of(COMPANIES, CAMPAIGNS, ADS),
        Map.of("companies", hash("id", 2), "campaigns", hash("company_id", 2), "ads", hash("company_id", 5)));
    assertThat(result.tables()).allMatch(TableReport::asMapped);
    assertThat(result.problems()).containsExactly("the tenant tables are in 2 colocation groups "
        + "{2=[companies, campaigns], 5=[ads]}: a join between tables of different groups is not a single-shard "
        + "query. Colocate them: create_distributed_table(table, column, colocate_with => 'companies')");
  }

  @Test
  void anInactiveNodeIsAProblemAnActiveOneIsNot() {
    assertThat(DistributionCheck.nodeProblems(List.of(new Node("coordinator", 5432, 0, "primary", true, false),
        new Node("worker-1", 5433, 1, "primary", false, true)))).containsExactly(
        "node worker-1:5433 (group 1, primary) is not active: its shards are unreachable. Bring it back and run "
            + "citus_activate_node('worker-1', 5433)");
  }
}
