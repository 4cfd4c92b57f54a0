/**
 * Spring Boot auto-configuration of citus-hibernate: {@code citus.hibernate.*} properties handed to
 * Hibernate, exception translation, tenant propagation to executors, and (servlet applications) the
 * tenant of each request. Entry points are listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
package io.citushibernate.spring.boot;
