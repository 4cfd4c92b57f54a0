package io.citushibernate.internal.schema;

import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;

/**
 * Makes the exported keys composite at the moment a schema export starts, not at boot.
 *
 * <p>Hibernate builds its runtime model (the columns it joins on, reads discriminators from and
 * binds ids to) from the boot model's keys after the integrators have run. Rewriting the keys at
 * boot therefore changed Hibernate's own joins: a {@code @MapsId} one-to-one or a joined
 * subclass matched its id against the tenant column, because the referenced primary key had
 * gained the tenant column as its first column. Schema tools run only once the runtime model is
 * built, and every one of them (create, update, script) asks the auxiliary objects that come
 * "before the tables" for their SQL first, so this object rewrites the keys there, once, and
 * contributes no SQL of its own. The runtime model never sees the composite keys.
 */
final class CompositeKeys implements AuxiliaryDatabaseObject {
  private static final long serialVersionUID = 1L;
  static final String EXPORT_IDENTIFIER = "citus-hibernate:composite-keys";

  private final transient Layout layout;
  private transient boolean rewritten;

  CompositeKeys(Layout layout) {
    this.layout = layout;
  }

  /** Rewrites the boot model's keys the first time it is called; later calls do nothing. */
  synchronized void apply() {
    if (!rewritten && layout != null) {
      KeyRewriter.rewrite(layout);
      rewritten = true;
    }
  }

  @Override
  public String getExportIdentifier() {
    return EXPORT_IDENTIFIER;
  }

  @Override
  public boolean appliesToDialect(Dialect dialect) {
    return true;
  }

  @Override
  public boolean beforeTablesOnCreation() {
    return true;
  }

  @Override
  public String[] sqlCreateStrings(SqlStringGenerationContext context) {
    apply();
    return new String[0];
  }

  @Override
  public String[] sqlDropStrings(SqlStringGenerationContext context) {
    apply();
    return new String[0];
  }
}
