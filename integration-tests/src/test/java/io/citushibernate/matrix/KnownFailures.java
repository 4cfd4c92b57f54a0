package io.citushibernate.matrix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    EVERYWHERE, HIBERNATE_6, HIBERNATE_7, CITUS;

    boolean holds(boolean citus) {
      return switch (this) {
        case EVERYWHERE -> true;
        case HIBERNATE_6 -> LINE.startsWith("6.");
        case HIBERNATE_7 -> LINE.startsWith("7.");
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

  /** The Hibernate ORM line running, e.g. {@code 7.4}. */
  static final String LINE = line(Version.getVersionString());

  private static final String MAPS_ID = "@OneToOne @MapsId: the user is loaded through the wrong column "
      + "(profile 2 gets user 1)";
  private static final String PRIMARY_KEY_JOIN = "@OneToOne @PrimaryKeyJoinColumn: the passport is loaded through "
      + "the wrong column (person 2, without one, gets passport 1)";
  private static final String STATELESS_INSERT = "StatelessSession.insert does not fill the tenant key "
      + "(TenantMismatchException: belongs to tenant null)";
  private static final String STATELESS_UPSERT = "StatelessSession.upsert: PostgreSQL refuses the statement "
      + "(42P10, no unique constraint matching the ON CONFLICT/MERGE key: the key is composite now)";
  private static final String UNPARSEABLE_NUMBER = "a statement naming the column 'number' (delete/update ... where "
      + "code=? and number=?) is refused: JSqlParser cannot parse it (UnscopableStatementException)";
  private static final String JOINED_66 = "JOINED inheritance on Hibernate 6.6: loads fail with 'Duplicate row was "
      + "found and ASSERT was specified' (a subclass join likely matches every tenant's row of the id)";
  private static final String UNION_DELETE_66 = "TABLE_PER_CLASS bulk delete on Hibernate 6.6: reports 1 row, but the "
      + "tenant's cat 2 is still there";
  private static final String L2_LEAK = "LEAK: with the second-level cache, StatelessSession.get returns the row "
      + "another tenant put in the cache";
  private static final String L2_READ = "second-level cache, an id another tenant cached: the tenant's own row "
      + "reads as null";
  private static final String L2_REFERENCE = "second-level cache, an id another tenant cached: getReference "
      + "throws ObjectNotFoundException";
  private static final String L2_MERGE = "second-level cache, an id another tenant cached: merge throws "
      + "OptimisticLockException";
  private static final String L2_PERSIST = "second-level cache, an id another tenant cached: persist throws "
      + "EntityExistsException";
  private static final String L2_REFRESH = "second-level cache, an id another tenant cached: refresh throws "
      + "NullPointerException";

  /** The table; the first row matching a cell gives its reason. */
  static final List<Known> TABLE = List.of(
      known("joined/*/*", Where.HIBERNATE_6, JOINED_66),
      known("tablePerClass/bulkDelete/*", Where.HIBERNATE_6, UNION_DELETE_66),
      known("mapsId/*/*", MAPS_ID),
      known("primaryKeyJoin/*/*", PRIMARY_KEY_JOIN),
      known("idClass/merge/*", UNPARSEABLE_NUMBER),
      known("idClass/remove/*", UNPARSEABLE_NUMBER),
      known("idClass/statelessUpdate/*", UNPARSEABLE_NUMBER),
      known("idClass/statelessDelete/*", UNPARSEABLE_NUMBER),
      known("embeddedId/merge/*", UNPARSEABLE_NUMBER),
      known("embeddedId/remove/*", UNPARSEABLE_NUMBER),
      known("embeddedId/statelessUpdate/*", UNPARSEABLE_NUMBER),
      known("embeddedId/statelessDelete/*", UNPARSEABLE_NUMBER),
      known("*/statelessInsert/*", STATELESS_INSERT),
      known("*/statelessUpsert/*", STATELESS_UPSERT),
      known("*/statelessGet/l2", L2_LEAK),
      known("*/find/l2", L2_READ),
      known("*/findOtherTenantsId/l2", L2_READ),
      known("*/getReference/l2", L2_REFERENCE),
      known("*/jpql/l2", L2_READ),
      known("*/criteria/l2", L2_READ),
      known("*/nativeQuery/l2", L2_READ),
      known("*/naturalId/l2", L2_READ),
      known("*/lock/l2", L2_READ),
      known("*/merge/l2", L2_MERGE),
      known("*/mergeNew/l2", L2_MERGE),
      known("*/persist/l2", L2_PERSIST),
      known("*/refresh/l2", L2_REFRESH),
      known("*/remove/l2", L2_READ),
      known("*/statelessUpdate/l2", L2_READ),
      known("*/statelessDelete/l2", L2_READ));

  private KnownFailures() {
  }

  private static Known known(String cell, String reason) {
    return new Known(cell, Where.EVERYWHERE, reason);
  }

  private static Known known(String cell, Where where, String reason) {
    return new Known(cell, where, reason);
  }

  static Optional<Known> of(String cell, boolean citus) {
    return TABLE.stream().filter(k -> k.matches(cell, citus)).findFirst();
  }

  private static String line(String version) {
    String[] parts = version.split("\\.");
    return (parts[0] + "." + parts[1]).toLowerCase(Locale.ROOT);
  }
}
