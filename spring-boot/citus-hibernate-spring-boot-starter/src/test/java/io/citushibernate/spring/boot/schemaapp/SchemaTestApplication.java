package io.citushibernate.spring.boot.schemaapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The schema-mode tests' application: its package holds the entity and repository; each test supplies the DataSource. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SchemaTestApplication {
}
