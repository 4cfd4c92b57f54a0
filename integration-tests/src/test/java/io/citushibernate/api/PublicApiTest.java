package io.citushibernate.api;

import io.citushibernate.CitusSettings;
import io.citushibernate.apicheck.ApiFile;
import io.citushibernate.citus.CitusSql;
import io.citushibernate.liquibase.CreateDistributedTableChange;
import io.citushibernate.testkit.CitusExtension;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when a published artifact's public API changes, with the diff and the command that
 * accepts the change. The signatures are committed under {@code api/}: a change to the API is then
 * a change to those files, seen in review. One file serves both Hibernate lines of core and
 * testkit (same sources, same API): the default build checks the 7.x artifacts against it, the
 * hibernate6 profile the -hibernate-66 ones. The Spring Boot starters check theirs in their own
 * modules ({@code StarterApiTest}), where Spring is on the class path.
 *
 * <p>Stands in for japicmp until a released baseline exists.
 */
class PublicApiTest {
  static final String UPDATE_COMMAND = "./mvnw -B verify -pl integration-tests -am -Dtest=PublicApiTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";
  private static final Path API_DIR = Path.of(System.getProperty("api.dir", "../api"));

  /** Each published artifact, by one of its classes. */
  static Stream<Arguments> artifacts() {
    return Stream.of(
        Arguments.of("citus-sql", CitusSql.class),
        Arguments.of("citus-hibernate-core", CitusSettings.class),
        Arguments.of("citus-hibernate-testkit", CitusExtension.class),
        Arguments.of("citus-liquibase", CreateDistributedTableChange.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artifacts")
  void thePublicApiIsTheCommittedOne(String artifact, Class<?> marker) {
    new ApiFile(API_DIR, artifact, UPDATE_COMMAND).assertMatches(marker);
  }
}
