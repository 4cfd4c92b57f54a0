package io.citushibernate.tenant;

/** A tenant, or a reason for working across tenants: exactly one is set. */
record TenantState(Object tenant, String crossTenantReason) {
  boolean isCrossTenant() {
    return crossTenantReason != null;
  }
}
