package io.citushibernate.examples.support;

/**
 * What every example's command line has: the database, and whether to print the usage only.
 * Without a JDBC URL the example starts its own PostgreSQL, so that it runs on a machine with
 * nothing but Java.
 */
public interface ExampleOptions {
  /** The database to use, e.g. a Citus coordinator; {@code null} for the embedded PostgreSQL. */
  String jdbcUrl();

  /** The user for {@link #jdbcUrl()}; {@code null} to take it from the URL. */
  String user();

  /** The password for {@link #jdbcUrl()}; {@code null} to take it from the URL. */
  String password();

  /** Whether to print the usage only. */
  boolean help();
}
