/**
 * Hibernate event listeners that keep what bypasses SQL inside the tenant: filling and checking
 * tenant keys on writes, checking entities from the first- and second-level cache, holding each
 * session to the tenant it was opened for, and refusing ambiguous identities across tenants.
 */
package io.citushibernate.internal.event;
