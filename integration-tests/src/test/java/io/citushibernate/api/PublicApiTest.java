package io.citushibernate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.CitusSettings;
import io.citushibernate.citus.CitusSql;
import io.citushibernate.liquibase.CreateDistributedTableChange;
import io.citushibernate.testkit.CitusExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when a published artifact's public API changes, with the diff and the command that
 * accepts the change. The signatures are committed under {@code api/}: a change to the API is then
 * a change to those files, seen in review. One file serves both Hibernate lines of core and
 * testkit (same sources, same API): the default build checks the 7.x artifacts against it, the
 * hibernate6 profile the -hibernate-66 ones.
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
  void thePublicApiIsTheCommittedOne(String artifact, Class<?> marker) throws IOException {
    Path file = API_DIR.resolve(artifact + ".api");
    List<String> actual = new ArrayList<>();
    actual.add("# The public API of " + artifact + " (and its -hibernate-66 twin where one exists). Generated: " + UPDATE_COMMAND);
    actual.addAll(ApiSignatures.of(marker));
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(API_DIR);
      Files.write(file, actual);
      return;
    }
    List<String> committed = Files.exists(file) ? Files.readAllLines(file) : List.of();
    assertThat(String.join("\n", actual))
        .withFailMessage(() -> "The public API of " + artifact + " differs from " + file.normalize() + ":\n"
            + diff(committed, actual)
            + "\nIf the change is intended, rewrite the signature files with\n  " + UPDATE_COMMAND
            + "\nand commit them with the change.")
        .isEqualTo(String.join("\n", committed));
  }

  /** The lines only one side has, in file order: enough to read a change in review. */
  private static String diff(List<String> committed, List<String> actual) {
    StringBuilder out = new StringBuilder();
    committed.stream().filter(line -> !actual.contains(line)).forEach(line -> out.append("- ").append(line).append('\n'));
    actual.stream().filter(line -> !committed.contains(line)).forEach(line -> out.append("+ ").append(line).append('\n'));
    return out.length() == 0 ? "(only the order of lines differs)\n" : out.toString();
  }
}
