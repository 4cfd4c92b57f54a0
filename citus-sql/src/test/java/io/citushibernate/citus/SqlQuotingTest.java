package io.citushibernate.citus;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
