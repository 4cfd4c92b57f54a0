package io.citushibernate;

import java.util.List;

/** The entity mappings cannot be distributed by Citus; lists every problem with its fix. */
public class CitusMappingException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CitusMappingException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem: entity, attribute, what is wrong and the fix. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder sb = new StringBuilder("Citus cannot distribute this mapping (")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
