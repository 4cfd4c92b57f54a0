package io.citushibernate.citus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SqlQuotingTest {

  @Test
  void literalDoublesQuotes() {
    assertEquals("'O''Brien'", SqlQuoting.literal("O'Brien"));
    assertEquals("''''''", SqlQuoting.literal("''"));
  }

  @Test
  void literalWithABackslashIsAnEscapeString() {
    // Read the same with standard_conforming_strings on or off.
    assertEquals("E'a\\\\b'", SqlQuoting.literal("a\\b"));
    assertEquals("E'\\\\'''", SqlQuoting.literal("\\'"));
    assertEquals("E'x\\\\\\\\'", SqlQuoting.literal("x\\\\"));
  }

  @Test
  void literalKeepsUnicodeAndEmpty() {
    assertEquals("''", SqlQuoting.literal(""));
    assertEquals("'Zürich 東京 🚀'", SqlQuoting.literal("Zürich 東京 🚀"));
  }

  @Test
  void identifierIsQuotedKeepingCaseAndReservedWords() {
    assertEquals("\"orders\"", SqlQuoting.identifier("orders"));
    assertEquals("\"Orders\"", SqlQuoting.identifier("Orders"));
    assertEquals("\"select\"", SqlQuoting.identifier("select"));
    assertEquals("\"user\"", SqlQuoting.identifier("user"));
    assertEquals("\"a\"\"b\"", SqlQuoting.identifier("a\"b"));
    assertEquals("\"\"", SqlQuoting.identifier(""));
    assertEquals("\"größe\"", SqlQuoting.identifier("größe"));
    assertEquals("\"a\\b\"", SqlQuoting.identifier("a\\b"));
  }

  @Test
  void qualifiedIdentifier() {
    assertEquals("\"Shop\".\"order\"", SqlQuoting.qualifiedIdentifier("Shop", "order"));
    assertEquals("\"order\"", SqlQuoting.qualifiedIdentifier(null, "order"));
  }

  @Test
  void regclassLiteral() {
    assertEquals("'\"public\".\"Order''s\"'", SqlQuoting.regclassLiteral("public", "Order's"));
    assertEquals("'\"t\"'", SqlQuoting.regclassLiteral(null, "t"));
    assertEquals("E'\"public\".\"a\\\\b\"'", SqlQuoting.regclassLiteral("public", "a\\b"));
  }

  @Test
  void tenantSchemaNamesAreSafeOnlyWhenTheyReadTheSameQuotedAndFit() {
    assertNull(SqlQuoting.tenantSchemaNameProblem("tenant_42"));
    assertNull(SqlQuoting.tenantSchemaNameProblem("tenant_6f1c-2a"));
    assertNull(SqlQuoting.tenantSchemaNameProblem("t".repeat(63)));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem(null));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem("Tenant_1"));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem("1tenant"));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem("tenant\"; drop schema x"));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem("t".repeat(64)));
    assertNotNull(SqlQuoting.tenantSchemaNameProblem("pg_tenant"));
  }
}
