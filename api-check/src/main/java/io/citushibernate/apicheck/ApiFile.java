package io.citushibernate.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed signature file of one artifact: a change to the public API is a change to that
 * file, seen in review. With {@code -Dapi.update=true} the file is rewritten instead of compared.
 */
public final class ApiFile {
  private final Path file;
  private final String artifact;
  private final String updateCommand;

  /**
   * @param directory where the signature files are committed ({@code api/} at the project's root)
   * @param artifact the published artifact, the file's name
   * @param updateCommand the command that rewrites the file, shown when it differs
   */
  public ApiFile(Path directory, String artifact, String updateCommand) {
    this.file = directory.resolve(artifact + ".api");
    this.artifact = artifact;
    this.updateCommand = updateCommand;
  }

  /** Fails with the differing lines and the command that accepts them, unless the API of {@code marker}'s artifact is the committed one. */
  public void assertMatches(Class<?> marker) {
    List<String> actual = new ArrayList<>();
    actual.add("# The public API of " + artifact + ". Generated: "
        + updateCommand);
    actual.addAll(ApiSignatures.of(marker));
    try {
      if (Boolean.getBoolean("api.update")) {
        Files.createDirectories(file.getParent());
        Files.write(file, actual);
        return;
      }
      List<String> committed = Files.exists(file) ? Files.readAllLines(file) : List.of();
      assertThat(String.join("\n", actual))
          .withFailMessage(() -> "The public API of " + artifact + " differs from " + file.normalize() + ":\n"
              + diff(committed, actual)
              + "\nIf the change is intended, rewrite the signature files with\n  " + updateCommand
              + "\nand commit them with the change.")
          .isEqualTo(String.join("\n", committed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines only one side has, in file order: enough to read a change in review. */
  private static String diff(List<String> committed, List<String> actual) {
    StringBuilder out = new StringBuilder();
    committed.stream().filter(line -> !actual.contains(line)).forEach(line -> out.append("- ").append(line).append('\n'));
    actual.stream().filter(line -> !committed.contains(line)).forEach(line -> out.append("+ ").append(line).append('\n'));
    return out.length() == 0 ? "(only the order of lines differs)\n" : out.toString();
  }
}
