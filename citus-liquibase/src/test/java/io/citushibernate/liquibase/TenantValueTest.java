package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.Test;

/** Tenant values as SQL literals; the last test reads them back through the testkit's database. */
@CitusTest(cleanup = false)
class TenantValueTest {

    @Test
    void numbersAreWrittenBareAndChecked() {
        assertThat(TenantValue.parse("42", null).toSql()).isEqualTo("42");
        assertThat(TenantValue.parse("-7", "number").toSql()).isEqualTo("-7");
        assertThat(TenantValue.parse(" 12.50 ", "NUMBER").toSql()).isEqualTo("12.50");
        assertThatThrownBy(() -> TenantValue.parse("42; DROP TABLE orders", "number"))
                .hasMessage("tenantValue '42; DROP TABLE orders' is not a number;"
                        + " use tenantValueType=\"text\" for a text tenant id");
    }

    @Test
    void uuidsAreParsedAndCast() {
        assertThat(TenantValue.parse("8C69AA0D-3F13-4440-86CA-443566C1FC75", null).toSql())
                .isEqualTo("'8c69aa0d-3f13-4440-86ca-443566c1fc75'::uuid");
        assertThatThrownBy(() -> TenantValue.parse("8c69aa0d-3f13-4440-86ca", "uuid"))
                .hasMessage("tenantValue '8c69aa0d-3f13-4440-86ca' is not a UUID");
        assertThatThrownBy(() -> TenantValue.parse("1-1-1-1-1", "uuid"))
                .hasMessage("tenantValue '1-1-1-1-1' is not a UUID");
    }

    @Test
    void textIsAnEscapedLiteral() {
        assertThat(TenantValue.parse("acme", null).toSql()).isEqualTo("'acme'");
        assertThat(TenantValue.parse("42", "text").toSql()).isEqualTo("'42'");
        assertThat(TenantValue.parse("x'); DROP TABLE orders; --", null).toSql())
                .isEqualTo("'x''); DROP TABLE orders; --'");
        // a backslash means the same whatever standard_conforming_strings is
        assertThat(TenantValue.parse("a\\'b", null).toSql()).isEqualTo("E'a\\\\''b'");
    }

    @Test
    void unknownTypeIsRejected() {
        assertThatThrownBy(() -> TenantValue.parse("1", "integer"))
                .hasMessage("tenantValueType 'integer' is not one of number, text, uuid");
    }

    @Test
    void literalsReadBackAsTheOriginalValueInPostgres(CitusDatabase db) {
        TestSchema schema = TestSchema.emptied(db);
        for (String value : new String[] {"O'Brien", "a\\'b", "x'); DROP TABLE t; --", "tab\tnew\\nline", "ünï"}) {
            assertThat(schema.one("select " + TenantValue.parse(value, "text").toSql())).isEqualTo(value);
        }
        assertThat(schema.one("select " + TenantValue.parse("8C69AA0D-3F13-4440-86CA-443566C1FC75", null).toSql()))
                .isEqualTo("8c69aa0d-3f13-4440-86ca-443566c1fc75");
    }
}
