package io.citushibernate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.citus.CitusSql;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table argument of the distributor's Citus calls names a table with a backslash in its name
 * whatever {@code standard_conforming_strings} is (the distributor used to write a plain literal,
 * which that setting off reads as an escape).
 */
class CitusDistributorQuotingTest {

  @Test
  void aTableNameWithABackslashResolvesUnderEitherStringSetting() throws SQLException {
    String table = "geo\\ips";
    try (CitusTestDatabase db = CitusTestDatabase.create().entities(GeoIp.class).open();
        Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      String qualified = SqlQuoting.qualifiedIdentifier(db.schema(), table);
      String argument = SqlQuoting.regclassLiteral(db.schema(), table);
      assertThat(CitusSql.createReferenceTable(qualified)).isEqualTo("create_reference_table(" + argument + ")");
      s.execute("CREATE TABLE " + qualified + " (id int)");
      try {
        for (String setting : List.of("on", "off")) {
          s.execute("SET standard_conforming_strings = " + setting);
          try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c WHERE c.oid = " + argument
              + "::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(table);
          }
        }
      } finally {
        s.execute("RESET standard_conforming_strings");
      }
    }
  }
}
