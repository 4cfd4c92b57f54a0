/** A schema-per-tenant Spring Boot application for the starter's schema-mode tests: its entities and repository. */
package io.citushibernate.spring.boot.schemaapp;
