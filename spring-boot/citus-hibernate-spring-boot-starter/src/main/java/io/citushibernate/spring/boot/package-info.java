/**
 * Spring Boot auto-configuration of citus-hibernate: {@code citus.hibernate.*} properties handed to
 * Hibernate, exception translation, tenant propagation to executors, and (servlet applications) the
 * tenant of each request. Entry points are listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>The same sources are built against Spring Boot 4 ({@code citus-hibernate-spring-boot-starter}) and
 * Spring Boot 3.5 ({@code citus-hibernate-spring-boot3-starter}): they use only types both lines keep in
 * the same place, and name the classes that moved (Hibernate's auto-configuration) by string. The one
 * exception, the Actuator health contributor, has a small copy per line (see {@code io.citushibernate.spring.actuate}).
 */
package io.citushibernate.spring.boot;
