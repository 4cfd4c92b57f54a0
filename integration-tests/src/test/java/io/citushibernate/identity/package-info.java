/**
 * The identity contract: a session serves the tenant it was opened for, and ids that repeat
 * across tenants never meet in the first- or second-level cache.
 */
package io.citushibernate.identity;
