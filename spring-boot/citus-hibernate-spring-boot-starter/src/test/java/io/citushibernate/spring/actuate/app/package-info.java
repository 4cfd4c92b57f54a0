/** The Actuator tests' Spring Boot application and its mapping: three tenant tables and a reference table. */
package io.citushibernate.spring.actuate.app;
