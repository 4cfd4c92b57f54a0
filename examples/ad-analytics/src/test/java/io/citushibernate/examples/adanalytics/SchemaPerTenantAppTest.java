package io.citushibernate.examples.adanalytics;

import static io.citushibernate.examples.adanalytics.AdAnalyticsAppTest.column;
import static io.citushibernate.examples.adanalytics.AdAnalyticsAppTest.commandLine;
import static io.citushibernate.examples.adanalytics.AdAnalyticsAppTest.run;
import static io.citushibernate.examples.adanalytics.AdAnalyticsAppTest.section;
import static io.citushibernate.examples.adanalytics.AdAnalyticsAppTest.tableRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.testkit.CitusTestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential proof of {@code --tenancy schema}: the example runs on the same generated data once with a schema
 * per company and once in the row model, each in a database of its own, and every answer it prints and every row it
 * leaves behind must be the same, company by company. A tenant's schema that held another company's rows, a query
 * that read the shared schema's or another schema's tables, or a modification that reached another company would
 * change one of them.
 */
class SchemaPerTenantAppTest {
  private static final String[] SIZES = {"--tenants", "6", "--rows-per-tenant", "300", "--tenant", "5"};
  private static final List<String> TENANT_TABLES = List.of("companies", "campaigns", "ads", "clicks", "impressions");

  static CitusTestDatabase schemaDb;
  static CitusTestDatabase rowDb;
  static String schemaOutput;
  static String rowOutput;

  @BeforeAll
  static void runBothModels() throws Exception {
    schemaDb = CitusTestDatabase.create().routingCheck(false).open();
    rowDb = CitusTestDatabase.create().routingCheck(false).open();
    schemaOutput = run(args(commandLine(schemaDb, "--tenancy", "schema")));
    rowOutput = run(args(commandLine(rowDb)));
    System.out.println(schemaOutput); // TEMP
  }

  @AfterAll
  static void close() {
    for (CitusTestDatabase db : new CitusTestDatabase[] {schemaDb, rowDb}) {
      if (db != null) {
        db.close();
      }
    }
  }

  private static String[] args(String[] connection) {
    String[] all = new String[connection.length + SIZES.length];
    System.arraycopy(connection, 0, all, 0, connection.length);
    System.arraycopy(SIZES, 0, all, connection.length, SIZES.length);
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"-- 1.", "-- 2.", "-- 3.", "-- 4.", "-- 5.", "-- 6.", "-- 7.", "-- 8."})
  void printsTheSameAnswersAsTheRowModel(String step) {
    List<String> rows = cells(section(schemaOutput, step), "CitusTenants.forEach(companies, ...)");
    List<String> expected = cells(section(rowOutput, step), "TenantContext.runCrossTenant(...)");
    assertThat(rows).as(step).isNotEmpty().isEqualTo(expected);
  }

  /** The rows of a step's table, cells trimmed (column widths follow the labels), the cross-tenant label renamed. */
  private static List<String> cells(String step, String crossTenantLabel) {
    return tableRows(step).stream().map(row -> Arrays.stream(row.split("\\|")).map(String::strip)
        .map(cell -> cell.equals(crossTenantLabel) ? "all companies" : cell)
        .collect(Collectors.joining(" | "))).toList();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void eachSchemaHoldsExactlyItsCompanysRowsAsTheRowModelLeftThem(long company) {
    for (String table : TENANT_TABLES) {
      String tenantKey = table.equals("companies") ? "id" : "company_id";
      List<String> inSchema = column(schemaDb.dataSource(), "select " + tenantKey + " || ':' || md5(t::text) from "
          + "tenant_" + company + "." + table + " t order by id");
      List<String> inRows = column(rowDb.dataSource(), "select " + tenantKey + " || ':' || md5(t::text) from "
          + rowDb.schema() + "." + table + " t where " + tenantKey + " = " + company + " order by id");
      assertThat(inSchema).as("%s of company %d", table, company).isNotEmpty().isEqualTo(inRows);
    }
  }

  @Test
  void sendsTheQueriesAsWrittenWithoutATenantPredicate() {
    String queries = schemaOutput.substring(schemaOutput.indexOf("-- 2."), schemaOutput.indexOf("-- 4."));
    assertThat(queries).contains("SQL>").doesNotContain("company_id");
  }

  @Test
  void createsMigratesAndLoadsEveryTenantSchema() {
    assertThat(schemaOutput).contains("Created 6 schemas (tenant_1 ... tenant_6)", "Ran the changelog's tenant-tables",
        "APPLIED=6", "ran changeset 2-geo-ips").doesNotContain("ran changeset 3-distribute");
    assertThat(column(schemaDb.dataSource(), "select count(*) from " + schemaDb.schema() + ".geo_ips"))
        .isEqualTo(column(rowDb.dataSource(), "select count(*) from " + rowDb.schema() + ".geo_ips"));
    if (schemaDb.isCitus()) {
      assertThat(column(schemaDb.dataSource(), "select count(*) from pg_dist_schema"
          + " where schemaid::regnamespace::text like 'tenant\\_%'")).containsExactly("6");
      assertThat(schemaOutput).contains("Moved company");
    } else {
      assertThat(schemaOutput).contains("Skipped citus_schema_move");
    }
  }
}
