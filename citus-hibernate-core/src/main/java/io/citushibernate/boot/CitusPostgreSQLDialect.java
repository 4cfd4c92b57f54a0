package io.citushibernate.boot;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.mutation.EntityMutationTarget;
import org.hibernate.sql.model.MutationOperation;
import org.hibernate.sql.model.internal.OptionalTableUpdate;
import org.hibernate.sql.model.jdbc.OptionalTableUpdateOperation;

/**
 * Hibernate's PostgreSQL dialect, writing optional secondary-table rows the way Citus can route.
 *
 * <p>On PostgreSQL 15 and later Hibernate writes the row of an optional {@code @SecondaryTable}
 * with one {@code MERGE ... WHEN MATCHED AND ... THEN DELETE}; Citus does not run MERGE into a
 * distributed table from a constant source, and no single routed statement both deletes and
 * upserts with the row count Hibernate checks. This dialect takes Hibernate's general path
 * instead: an UPDATE, then an INSERT or a DELETE as needed, each an ordinary statement the
 * rewriter scopes to the tenant. Installed in place of {@link PostgreSQLDialect} when Hibernate
 * picks that one by itself; configure it as {@code hibernate.dialect} otherwise.
 */
public class CitusPostgreSQLDialect extends PostgreSQLDialect {
  public CitusPostgreSQLDialect() {
    super();
  }

  public CitusPostgreSQLDialect(DatabaseVersion version) {
    super(version);
  }

  public CitusPostgreSQLDialect(DialectResolutionInfo info) {
    super(info);
  }

  /**
   * Optional tables take Hibernate's general path; an upsert of an entity's own table keeps
   * Hibernate's single statement (which citus-hibernate turns into a routed, atomic
   * {@code INSERT ... ON CONFLICT}).
   */
  @Override
  public MutationOperation createOptionalTableUpdateOperation(EntityMutationTarget mutationTarget,
      OptionalTableUpdate optionalTableUpdate, SessionFactoryImplementor factory) {
    return optionalTableUpdate.getMutatingTable().getTableMapping().isOptional()
        ? new OptionalTableUpdateOperation(mutationTarget, optionalTableUpdate, factory)
        : super.createOptionalTableUpdateOperation(mutationTarget, optionalTableUpdate, factory);
  }
}
