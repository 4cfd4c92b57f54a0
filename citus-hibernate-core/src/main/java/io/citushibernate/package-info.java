/**
 * citus-hibernate: multi-tenant Hibernate/JPA applications on Citus. This package holds the typed
 * exceptions every refusal raises (all {@link io.citushibernate.CitusHibernateException}s); the
 * pipeline runs mapping, tenant, sql, jdbc, event, schema, and boot ties them into Hibernate.
 */
package io.citushibernate;
