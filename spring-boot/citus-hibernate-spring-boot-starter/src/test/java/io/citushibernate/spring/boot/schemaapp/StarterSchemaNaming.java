package io.citushibernate.spring.boot.schemaapp;

import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.tenant.TenantType;

/**
 * {@code citus.hibernate.schema.naming} by class name: tenant schemas named {@code starter_<tenant>},
 * apart from other tests' {@code tenant_<id>} schemas on the same server.
 */
public class StarterSchemaNaming implements TenantSchemaNaming {
  @Override
  public String schemaName(Object tenant, TenantType type) {
    return "starter_" + type.schemaNamePart(tenant);
  }
}
