/**
 * citus-hibernate's exceptions as Spring {@code DataAccessException}s: for repositories
 * ({@link io.citushibernate.spring.dao.CitusExceptionTranslator}) and for the transaction manager
 * ({@link io.citushibernate.spring.dao.CitusJpaDialect}).
 */
package io.citushibernate.spring.dao;
