package io.citushibernate.spring.actuate.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The Actuator tests' application: its package holds the entities JPA scans; each test supplies the DataSource. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ActuatorTestApplication {
}
