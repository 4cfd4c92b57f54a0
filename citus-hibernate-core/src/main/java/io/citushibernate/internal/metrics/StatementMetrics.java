package io.citushibernate.internal.metrics;

import java.util.function.LongSupplier;

/**
 * What one client of one session factory records about its statements (Hibernate's statement
 * inspector, or a {@code TenantScopedDataSource}). Called on every statement: an implementation
 * resolves its meters once, when it is made, and {@link #NONE} does nothing.
 */
public interface StatementMetrics {
  /** Records nothing: Micrometer absent, or {@code citus.hibernate.metrics=false}. */
  StatementMetrics NONE = new StatementMetrics() {
  };

  /** A statement on tenant tables got the tenant predicate or binding. */
  default void scoped() {
  }

  /** A statement named no tenant table and was sent as written. */
  default void passed() {
  }

  /** A statement on tenant tables was sent unpinned, in a cross-tenant scope. */
  default void crossTenant() {
  }

  /** A statement was refused, unsent. */
  default void refused(Refusal reason) {
  }

  /** The rewrite cache had the statement's analysis. */
  default void cacheHit() {
  }

  /** The rewrite cache did not have it: the statement is analysed. */
  default void cacheMiss() {
  }

  /** The rewrite cache dropped an analysis to stay within its size. */
  default void cacheEviction() {
  }

  /** A statement seen for the first time was analysed in {@code nanos}. */
  default void analysed(long nanos) {
  }

  /** Where the size of the rewrite cache in use is read (a data source replaces its cache after a refresh). */
  default void cacheSize(LongSupplier size) {
  }
}
