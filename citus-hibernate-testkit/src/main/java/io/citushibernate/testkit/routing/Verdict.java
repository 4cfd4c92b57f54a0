package io.citushibernate.testkit.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the routing analyzer concludes about one statement.
 *
 * @param kind the verdict
 * @param tenant the distribution column value every distributed table is pinned to, as text
 *     ({@link #tenantText}); {@code null} when there is none or it is not known (an unbound parameter)
 * @param tables the distributed tables the statement references
 * @param write whether the statement writes a distributed table
 * @param problems why the statement is not single-shard, naming the table; empty when it is
 */
public record Verdict(Kind kind, String tenant, Set<String> tables, boolean write, List<String> problems) {
  /** The verdicts, from best to worst. */
  public enum Kind {
    /** Utility or DDL: Citus does not plan it as a query. */
    NOT_A_QUERY,
    /** A query on no distributed table. */
    NO_DISTRIBUTED_TABLE,
    /** Every distributed table pinned to one tenant: Citus' router planner sends it to one shard. */
    SINGLE_SHARD,
    /** At least one distributed table is not pinned, or tables are pinned to different tenants. */
    MULTI_SHARD,
    /** A local table in a statement on distributed tables. */
    LOCAL_TABLE_MIX,
    /** The parser cannot read it; nothing is proven. */
    UNPARSEABLE
  }

  /** Copies {@code tables} and {@code problems}. */
  public Verdict {
    tables = Set.copyOf(tables);
    problems = List.copyOf(problems);
  }

  /** Whether Citus runs it on one shard (or on none). */
  public boolean routable() {
    return kind == Kind.NOT_A_QUERY || kind == Kind.NO_DISTRIBUTED_TABLE || kind == Kind.SINGLE_SHARD;
  }

  /**
   * A tenant value in the form {@link #tenant()} holds it, for comparisons: numbers without
   * formatting differences ({@code 7}, {@code 7L} and {@code 7.0} are {@code "7"}), UUIDs in lower
   * case, anything else as its text.
   */
  public static String tenantText(Object value) {
    return Value.canonical(value);
  }

  static Verdict notAQuery() {
    return new Verdict(Kind.NOT_A_QUERY, null, Set.of(), false, List.of());
  }

  /**
   * The verdict on a walked statement whose tables {@code pinning} decided: single-shard when
   * every distributed table is pinned to the same tenant and nothing else is wrong.
   */
  static Verdict judge(Walk walk, PinSolver.Pinning pinning) {
    Set<String> tables = new TreeSet<>();
    Set<String> locals = new TreeSet<>();
    for (TableRef ref : walk.refs()) {
      if (ref.kind == Catalog.Kind.LOCAL && ref.derived == null) {
        locals.add(ref.table);
      }
      if (ref.distributed()) {
        tables.add(ref.table);
      }
    }
    if (tables.isEmpty()) {
      return new Verdict(Kind.NO_DISTRIBUTED_TABLE, null, tables, false, List.of());
    }
    List<String> problems = new ArrayList<>(walk.problems());
    problems.addAll(pinning.problems());
    Set<String> tenants = new TreeSet<>();
    pinning.pinnedTo().values().forEach(t -> {
      if (t != null) {
        tenants.add(t);
      }
    });
    if (tenants.size() > 1) {
      problems.add("distributed tables are pinned to different values " + printable(pinning.pinnedTo())
          + ", so the statement spans several shards");
    }
    Walk.ReferenceTableWrite referenceWrite = walk.referenceTableWrite();
    if (referenceWrite != null) {
      problems.add(referenceWrite.statement() + " of reference table " + referenceWrite.table().table
          + " reads distributed table(s) " + tables
          + ": Citus refuses to modify a reference table in a statement that reads a distributed table");
    }
    Kind kind = problems.isEmpty() ? Kind.SINGLE_SHARD : Kind.MULTI_SHARD;
    if (!locals.isEmpty()) {
      problems.add("local table(s) " + locals + " in a statement on distributed table(s) " + tables
          + ": Citus must pull one side to the coordinator");
      if (kind == Kind.SINGLE_SHARD) {
        kind = Kind.LOCAL_TABLE_MIX;
      }
    }
    String tenant = tenants.size() == 1 ? tenants.iterator().next() : null;
    return new Verdict(kind, kind == Kind.MULTI_SHARD ? null : tenant, tables, walk.write(), problems);
  }

  private static String printable(Map<TableRef, String> pinnedTo) {
    StringBuilder sb = new StringBuilder();
    pinnedTo.forEach((ref, value) -> sb.append(sb.length() == 0 ? "" : ", ").append(ref.display).append(" = ")
        .append(value == null ? "?" : value));
    return "(" + sb + ")";
  }

  /** One verdict for several statements sent at once: the worst kind, all tables and problems. */
  static Verdict combine(List<Verdict> verdicts) {
    Kind worst = Kind.NOT_A_QUERY;
    Set<String> tables = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Set<String> tenants = new HashSet<>();
    boolean write = false;
    for (Verdict v : verdicts) {
      if (v.kind().ordinal() > worst.ordinal()) {
        worst = v.kind();
      }
      tables.addAll(v.tables());
      problems.addAll(v.problems());
      write |= v.write();
      if (v.tenant() != null) {
        tenants.add(v.tenant());
      }
    }
    return new Verdict(worst, tenants.size() == 1 ? tenants.iterator().next() : null, tables, write, problems);
  }
}
