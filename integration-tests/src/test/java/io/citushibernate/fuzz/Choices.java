package io.citushibernate.fuzz;

import java.util.List;

/**
 * The generator's decisions, read from a list of numbers (the "choice sequence" of Hypothesis).
 * jqwik shrinks the list (fewer and smaller numbers), and since choice 0 is always the simplest
 * option and an exhausted list answers 0, a shrunk list is a smaller statement: the failure is
 * reported as a minimal statement without a shrinker written for SQL.
 */
final class Choices {
  private final List<Integer> tape;
  private int next;

  Choices(List<Integer> tape) {
    this.tape = tape;
  }

  /** A number in {@code [0, n)}; 0 once the list is used up. */
  int below(int n) {
    if (n <= 1 || next >= tape.size()) {
      return 0;
    }
    return Math.floorMod(tape.get(next++), n);
  }

  /** {@code true} with about {@code percent} % probability; {@code false} for choice 0. */
  boolean chance(int percent) {
    return below(100) >= 100 - percent;
  }

  <T> T pick(List<T> options) {
    return options.get(below(options.size()));
  }
}
