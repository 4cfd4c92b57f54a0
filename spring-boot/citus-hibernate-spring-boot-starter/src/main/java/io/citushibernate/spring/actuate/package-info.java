/**
 * Spring Boot Actuator support: the {@code citus} endpoint ({@link io.citushibernate.spring.actuate.CitusEndpoint})
 * and health contributor report the Citus nodes and whether every table of the Hibernate mapping is
 * distributed as the mapping expects. Applications without Actuator never load these classes.
 *
 * <p>The endpoint and the comparison of mapping and catalog are shared by both Spring Boot lines. The
 * health contributor is not: Boot 4 moved the health API to its own module and package, so
 * {@code CitusHealthIndicator} and {@code CitusHealthContributorAutoConfiguration} have one small copy per
 * line, in each starter's {@code src/main/boot3} or {@code src/main/boot4}, delegating to
 * {@link io.citushibernate.spring.actuate.CitusReport}.
 */
package io.citushibernate.spring.actuate;
