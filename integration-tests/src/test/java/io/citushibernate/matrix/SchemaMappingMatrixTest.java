package io.citushibernate.matrix;

/**
 * The differential mapping matrix in schema mode ({@code citus.hibernate.tenancy=schema}): the same shapes, operations
 * and tenants, with each tenant's rows in a schema of its own, against plain Hibernate on a database holding only
 * that tenant's rows. Shapes the row model refuses at boot (ids without the tenant) are run too: in schema mode each
 * tenant has its own tables, so their ids need not include it.
 */
class SchemaMappingMatrixTest extends MappingMatrixTest {
  @Override
  ShapeDatabases.Tenancy tenancy() {
    return ShapeDatabases.Tenancy.SCHEMA;
  }
}
