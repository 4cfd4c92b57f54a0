/**
 * Cross-tenant scopes on data whose ids repeat across tenants: joins carry tenant equality,
 * entities with assigned ids are refused, and writes to reference tables after multi-shard work
 * run in Citus's sequential mode.
 */
package io.citushibernate.crosstenant;
