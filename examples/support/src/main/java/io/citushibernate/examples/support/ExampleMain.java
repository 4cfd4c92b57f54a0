package io.citushibernate.examples.support;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** What an example's {@code main} does around its steps: options, usage, quiet libraries, exit status. */
public final class ExampleMain {
  private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private ExampleMain() {
  }

  /**
   * Parses {@code args} with {@code parse} (the environment supplies {@code CITUS_URL}) and runs
   * {@code steps}, printing to {@code out}; prints {@code usage} instead on {@code --help} and on
   * bad arguments. Returns the process exit status: 0, or 2 for bad arguments.
   */
  public static <O extends ExampleOptions> int run(String[] args, PrintStream out, String usage,
      BiFunction<String[], Map<String, String>, O> parse, BiConsumer<O, Report> steps) {
    quietLibraries();
    O options;
    try {
      options = parse.apply(args, System.getenv());
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.print(usage);
      return 2;
    }
    if (options.help()) {
      out.print(usage);
      return 0;
    }
    steps.accept(options, new Report(out));
    return 0;
  }

  /** Ends the process with {@code status} unless it is 0, when the JVM ends by itself. */
  public static void exit(int status) {
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Hibernate logs through JBoss Logging, which would pick java.util.logging and print INFO lines;
   * routed to slf4j-simple they follow simplelogger.properties (warnings only), like everything else.
   */
  private static void quietLibraries() {
    if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
      System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
    }
  }
}
