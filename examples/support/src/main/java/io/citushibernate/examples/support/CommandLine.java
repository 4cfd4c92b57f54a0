package io.citushibernate.examples.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An example's arguments, {@code --name value} or {@code --name=value}: the connection options
 * every example takes ({@code --jdbc-url}, else the environment's {@code CITUS_URL}; {@code --user},
 * {@code --password}), {@code --help}, and the example's own options.
 */
public final class CommandLine {
  private static final List<String> CONNECTION = List.of("--jdbc-url", "--user", "--password");

  private final Map<String, String> values;
  private final Map<String, String> env;
  private final boolean help;

  private CommandLine(Map<String, String> values, Map<String, String> env, boolean help) {
    this.values = values;
    this.env = env;
    this.help = help;
  }

  /**
   * Reads {@code args}; {@code options} are the example's own option names. Throws an
   * {@link IllegalArgumentException} for an option without value or one it does not know.
   */
  public static CommandLine parse(String[] args, Map<String, String> env, String... options) {
    List<String> known = List.of(options);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CommandLine(values, env, true);
      }
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Missing value for " + arg);
      }
      if (!CONNECTION.contains(name) && !known.contains(name)) {
        throw new IllegalArgumentException("Unknown option " + name);
      }
      values.put(name, value);
    }
    return new CommandLine(values, env, false);
  }

  /** Whether {@code --help} (or {@code -h}) was given; what follows it is not read. */
  public boolean help() {
    return help;
  }

  /** {@code --jdbc-url}, else {@code CITUS_URL}; {@code null} where neither names a database. */
  public String jdbcUrl() {
    return blankToNull(values.containsKey("--jdbc-url") ? values.get("--jdbc-url") : env.get("CITUS_URL"));
  }

  public String user() {
    return values.get("--user");
  }

  public String password() {
    return values.get("--password");
  }

  /** Whether the option was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The option's value, trimmed, or {@code otherwise}. */
  public String text(String name, String otherwise) {
    return values.containsKey(name) ? values.get(name).trim() : otherwise;
  }

  /** The option's whole number, or {@code otherwise}. */
  public int number(String name, int otherwise) {
    return values.containsKey(name) ? number(name, values.get(name)) : otherwise;
  }

  /** {@code value} as the whole number option {@code name} needs. */
  public static int number(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
