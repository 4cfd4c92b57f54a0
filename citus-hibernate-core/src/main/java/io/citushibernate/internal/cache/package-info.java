/**
 * Second-level and query cache regions keyed by tenant scope, so a cached entry or result never
 * crosses tenants. Above the event listeners (which check entities read from these regions),
 * below the boot wiring that installs the region factory.
 */
package io.citushibernate.internal.cache;
