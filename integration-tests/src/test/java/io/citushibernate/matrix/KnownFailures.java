package io.citushibernate.matrix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Version;

/**
 * The one table of matrix cells that fail today, each with why. A listed cell must fail: one that
 * passes fails the build until its row is removed, so a fix is noticed and kept.
 *
 * <p>A cell is {@code shape/operation/cache}, {@code cache} being {@code l2} or {@code nol2}; a
 * {@code *} segment stands for every value. {@link Where} says on which Hibernate line, or
 * database, the cell fails.
 */
final class KnownFailures {
  /** Where a known failure shows. */
  enum Where {
    EVERYWHERE, HIBERNATE_6, HIBERNATE_7, CITUS,
    /** Hibernate 6.6 and 7.2, whose upsert is a MERGE (7.4 sends INSERT ... ON CONFLICT). */
    UPSERT_AS_MERGE;

    boolean holds(boolean citus) {
      return switch (this) {
        case EVERYWHERE -> true;
        case HIBERNATE_6 -> LINE.startsWith("6.");
        case HIBERNATE_7 -> LINE.startsWith("7.");
        case UPSERT_AS_MERGE -> LINE.startsWith("6.") || LINE.equals("7.2");
        case CITUS -> citus;
      };
    }
  }

  /** A failing cell (or cells, with {@code *}) and why. */
  record Known(String cell, Where where, String reason) {
    boolean matches(String id, boolean citus) {
      return names(id) && where.holds(citus);
    }

    /** Whether the row's cell pattern covers {@code id}, wherever the row applies. */
    boolean names(String id) {
      String[] pattern = cell.split("/");
      String[] parts = id.split("/");
      for (int i = 0; i < parts.length; i++) {
        if (!pattern[i].equals("*") && !pattern[i].equals(parts[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /** Why plain Hibernate 6.6 and 7.2 differ on the upsert of shapes whose tenant key is not part of the id. */
  private static final String PLAIN_MERGE_UPSERT = "plain Hibernate's MERGE upsert (6.6, 7.2) leaves a non-updatable "
      + "tenant column out of its INSERT and fails on NOT NULL (ConstraintViolationException); through citus-hibernate "
      + "the tenant is filled and the row written, as plain Hibernate 7.4 does";

  /** The Hibernate ORM line running, e.g. {@code 7.4}. */
  static final String LINE = line(Version.getVersionString());

  /**
   * The table; the first row matching a cell gives its reason. A new failure goes in as
   * {@code new Known("shape/op/*", where, why)}. The rows are a difference, not a citus-hibernate
   * failure: plain Hibernate 6.6 and 7.2 fail their own upsert, which citus-hibernate performs.
   * They hold for the row model only: in schema mode citus-hibernate sends Hibernate's MERGE as
   * written, so it fails as plain Hibernate's does and the cell matches.
   */
  static final List<Known> TABLE = Stream.of("oneToMany", "mapsId", "primaryKeyJoin", "joined", "tablePerClass",
          "secondaryTable", "elementCollection", "orderColumn", "manyToMany", "idClass", "embeddedId", "naturalId")
      .map(shape -> new Known(shape + "/statelessUpsert/*", Where.UPSERT_AS_MERGE, PLAIN_MERGE_UPSERT)).toList();

  private KnownFailures() {
  }

  static Optional<Known> of(String cell, boolean citus) {
    return TABLE.stream().filter(k -> k.matches(cell, citus)).findFirst();
  }

  private static String line(String version) {
    String[] parts = version.split("\\.");
    return (parts[0] + "." + parts[1]).toLowerCase(Locale.ROOT);
  }
}
