package io.citushibernate.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.spring.actuate.CitusReport.TableReport;
import io.citushibernate.spring.actuate.app.ActuatorTestApplication;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The endpoint and the health contributor against Citus' real catalog: a mapping whose tables are
 * partly distributed wrongly is DOWN with the problems named, and UP once they are fixed. Runs only
 * where the testkit finds Citus (CITUS_TEST_URL, a local installation via CITUS_PG_BIN, or Docker).
 */
@CitusTest(requireCitus = true, routingCheck = false)
class CitusActuatorOnCitusTest {
  CitusDatabase db;

  @Test
  void reportsEachMappedTableAsCitusHasItAndTheFixedClusterIsUp() throws SQLException {
    run("create table companies (id bigint primary key, name text)",
        "create table campaigns (id bigint not null, company_id bigint not null, primary key (company_id, id))",
        "create table ads (id bigint not null, company_id bigint not null, primary key (id, company_id))",
        "create table countries (code text primary key)",
        "select create_distributed_table('companies', 'id')",
        "select create_distributed_table('ads', 'id')",
        "select create_reference_table('countries')");
    try (ConfigurableApplicationContext context = application()) {
      CitusReport report = context.getBean(CitusEndpoint.class).citus();
      assertThat(report.citus()).isEqualTo("present");
      assertThat(report.version()).isNotBlank();
      assertThat(report.nodes()).isNotEmpty().allMatch(CitusReport.Node::active);
      assertThat(report.problems()).containsExactly(
          "ads is distributed by id, the mapping expects company_id: "
              + "alter_distributed_table('ads', distribution_column => 'company_id')",
          "campaigns is a local table on the coordinator: distribute it by company_id "
              + "(create_distributed_table('campaigns', 'company_id'))");
      assertThat(report.tables()).extracting(TableReport::table, TableReport::citusHas, TableReport::asMapped)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ads", "distributed by id", false),
              org.assertj.core.groups.Tuple.tuple("campaigns", "local table", false),
              org.assertj.core.groups.Tuple.tuple("companies", "distributed by id", true),
              org.assertj.core.groups.Tuple.tuple("countries", "reference table", true));
      var down = context.getBean(CitusHealthIndicator.class).health();
      assertThat(down.getStatus().getCode()).isEqualTo("DOWN");
      assertThat(down.getDetails()).containsEntry("problems", report.problems());

      run("select alter_distributed_table('ads', distribution_column => 'company_id', colocate_with => 'companies')",
          "select create_distributed_table('campaigns', 'company_id', colocate_with => 'companies')");
      CitusReport fixed = context.getBean(CitusEndpoint.class).citus();
      assertThat(fixed.problems()).isEmpty();
      assertThat(fixed.tables()).allMatch(TableReport::asMapped);
      assertThat(fixed.tables().stream().filter(t -> t.mappedAs().startsWith("distributed"))
          .map(TableReport::colocationGroup).distinct()).hasSize(1);
      var up = context.getBean(CitusHealthIndicator.class).health();
      assertThat(up.getStatus().getCode()).isEqualTo("UP");
      assertThat(up.getDetails()).containsEntry("citus", "present").doesNotContainKey("problems");
    }
  }

  private ConfigurableApplicationContext application() {
    DataSource dataSource = db.dataSource();
    return new SpringApplicationBuilder(ActuatorTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.jpa.hibernate.ddl-auto=none", "spring.liquibase.enabled=false",
            "management.endpoints.web.exposure.include=citus")
        .initializers(context -> ((GenericApplicationContext) context)
            .registerBean("dataSource", DataSource.class, () -> dataSource))
        .run();
  }

  private void run(String... statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
