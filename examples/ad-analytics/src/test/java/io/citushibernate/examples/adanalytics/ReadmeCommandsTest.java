package io.citushibernate.examples.adanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's two commands are the ones this project really runs: CI runs the test command. */
class ReadmeCommandsTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void ciRunsTheTestCommandOfTheReadme() throws IOException {
    List<String> commands = commandsUnder("## Two commands");
    assertThat(commands).as("the README's set-up commands").hasSize(2);
    String testCommand = commands.get(1);
    assertThat(testCommand).startsWith("./mvnw ").contains("verify");
    List<String> ciLines = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::trim)
        .filter(l -> !l.startsWith("#")).toList();
    assertThat(ciLines).as(".ci/run runs the README's test command").contains(testCommand);
    assertThat(ciLines).contains("set -euo pipefail");
  }

  @Test
  void theMainJobCommandRunsThisExample() throws IOException {
    String mainJob = commandsUnder("## Two commands").get(0);
    assertThat(mainJob).startsWith("./mvnw ").contains("-pl examples/ad-analytics").contains("exec:java");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<exec.mainClass>" + AdAnalyticsApp.class.getName());
  }

  /** The bash code blocks of the README section with {@code heading}, one command per block. */
  private static List<String> commandsUnder(String heading) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<String> commands = new ArrayList<>();
    boolean inSection = false;
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith(heading);
      } else if (inSection && line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inSection && inBlock && !line.isBlank()) {
        commands.add(line.trim());
      }
    }
    return commands;
  }
}
