package io.citushibernate.spring.boot;

import io.citushibernate.apicheck.ApiFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails when this starter's public API changes, with the diff and the command that accepts it.
 * Both starters run it, each against its own file: they share their sources, but a starter's API
 * names the types of its Spring Boot line.
 */
class StarterApiTest {
  @Test
  void thePublicApiIsTheCommittedOne() {
    String artifact = System.getProperty("api.artifact");
    String module = "spring-boot/" + artifact;
    new ApiFile(Path.of(System.getProperty("api.dir")), artifact, "./mvnw -B verify -pl " + module + " -am "
        + "-Dtest=StarterApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true")
        .assertMatches(CitusHibernateAutoConfiguration.class);
  }
}
