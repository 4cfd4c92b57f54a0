package io.citushibernate.schema;

import io.citushibernate.CitusSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.schema.CitusTables.Placement;
import io.citushibernate.schema.lifecycle.Country;
import io.citushibernate.schema.lifecycle.LifecycleModel;
import io.citushibernate.schema.lifecycle.Note;
import io.citushibernate.schema.lifecycle.Review;
import io.citushibernate.schema.lifecycle.Shop;
import io.citushibernate.schema.lifecycle.Tag;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's schema actions booted again and again on one schema, with data written between the
 * boots, as an application restarted with {@code ddl-auto} does. On Citus every table must end up
 * distributed (or a reference table) after each create and update, every drop must leave nothing,
 * and no schema statement may fail: the tests set {@code hibernate.hbm2ddl.halt_on_error}, so a
 * failed statement fails the boot. The pool runs the testkit's routing check
 * ({@code citus.multi_task_query_log_level = error}) on every connection, as applications' tests do.
 */
class SchemaLifecycleTest {
  private static final int BOOTS = 3;
  private static final long SHOP_A = 1L;
  private static final long SHOP_B = 2L;

  /** The two settings that choose Hibernate's schema action, with their names for each action. */
  enum Setting {
    HBM2DDL("hibernate.hbm2ddl.auto", "create"),
    JAKARTA("jakarta.persistence.schema-generation.database.action", "drop-and-create");

    final String key;
    /** The value that drops and creates ({@code create} means create-only in the JPA setting). */
    final String create;

    Setting(String key, String create) {
      this.key = key;
      this.create = create;
    }
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void createGivesFreshDistributedTablesOnEveryBoot(Setting setting) {
    try (CitusTestDatabase db = CitusTestDatabase.create().open()) {
      for (int boot = 1; boot <= BOOTS; boot++) {
        try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, setting.create)) {
          assertThat(CitusTables.described(db.dataSource(), db.schema())).as("boot %d", boot)
              .isEqualTo(expected(db, LifecycleModel.ENTITIES));
          assertThat(notes(sf, SHOP_A)).as("boot %d starts empty", boot).isEmpty();
          assertThat(notes(sf, SHOP_B)).as("boot %d starts empty", boot).isEmpty();
          writeNotes(sf, "boot " + boot);
          assertThat(notes(sf, SHOP_A)).containsExactly("A: boot " + boot);
          assertThat(notes(sf, SHOP_B)).containsExactly("B: boot " + boot);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void updateKeepsTablesAndDataAndNeverRedistributes(Setting setting) {
    try (CitusTestDatabase db = CitusTestDatabase.create().open()) {
      Map<String, Placement> first = null;
      for (int boot = 1; boot <= BOOTS; boot++) {
        try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, "update")) {
          Map<String, Placement> placements = CitusTables.of(db.dataSource(), db.schema());
          assertThat(CitusTables.described(db.dataSource(), db.schema())).as("boot %d", boot)
              .isEqualTo(expected(db, LifecycleModel.ENTITIES));
          if (first == null) {
            first = placements;
          } else {
            assertThat(placements).as("boot %d keeps the shards of boot 1", boot).isEqualTo(first);
          }
          List<String> before = expectedNotes(boot - 1);
          assertThat(notes(sf, SHOP_A)).as("boot %d keeps the data", boot).containsExactlyElementsOf(
              before.stream().map(n -> "A: " + n).toList());
          writeNotes(sf, "boot " + boot);
          assertThat(notes(sf, SHOP_B)).last().isEqualTo("B: boot " + boot);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void createDropLeavesNothingBehind(Setting setting) {
    try (CitusTestDatabase db = CitusTestDatabase.create().open()) {
      for (int boot = 1; boot <= BOOTS; boot++) {
        try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, "create-drop")) {
          assertThat(CitusTables.described(db.dataSource(), db.schema())).as("boot %d", boot)
              .isEqualTo(expected(db, LifecycleModel.ENTITIES));
          assertThat(notes(sf, SHOP_A)).isEmpty();
          writeNotes(sf, "boot " + boot);
        }
        assertThat(CitusTables.of(db.dataSource(), db.schema())).as("after boot %d", boot).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void dropLeavesNothingAndValidateKeepsEverything(Setting setting) {
    try (CitusTestDatabase db = CitusTestDatabase.create().open()) {
      try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, setting.create)) {
        writeNotes(sf, "created");
      }
      for (int boot = 1; boot <= BOOTS; boot++) {
        try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, "validate")) {
          assertThat(CitusTables.described(db.dataSource(), db.schema())).as("validate %d", boot)
              .isEqualTo(expected(db, LifecycleModel.ENTITIES));
          assertThat(notes(sf, SHOP_A)).containsExactly("A: created");
          assertThat(notes(sf, SHOP_B)).containsExactly("B: created");
        }
      }
      for (int boot = 1; boot <= BOOTS; boot++) {
        boot(db, LifecycleModel.ENTITIES, setting.key, "drop").close();
        assertThat(CitusTables.of(db.dataSource(), db.schema())).as("after drop %d", boot).isEmpty();
      }
    }
  }

  /**
   * A release adds a table without keys ({@code tags}, integer identity) and one with keys to the
   * distributed tables ({@code reviews}): update distributes both, colocated with the tables of
   * the first boot, adds the keys, and leaves the shards of the first boot's tables alone.
   */
  @ParameterizedTest
  @EnumSource(Setting.class)
  void updateDistributesTablesAddedByALaterRelease(Setting setting) {
    try (CitusTestDatabase db = CitusTestDatabase.create().open()) {
      Map<String, Placement> first;
      try (SessionFactory sf = boot(db, LifecycleModel.ENTITIES, setting.key, "update")) {
        writeNotes(sf, "v1");
        first = CitusTables.of(db.dataSource(), db.schema());
      }
      for (int boot = 2; boot <= BOOTS; boot++) {
        try (SessionFactory sf = boot(db, LifecycleModel.GROWN, setting.key, "update")) {
          assertThat(CitusTables.described(db.dataSource(), db.schema())).as("boot %d", boot)
              .isEqualTo(expected(db, LifecycleModel.GROWN));
          Map<String, Placement> now = CitusTables.of(db.dataSource(), db.schema());
          assertThat(now).as("boot %d keeps the shards of boot 1", boot).containsAllEntriesOf(first);
          if (db.isCitus()) {
            assertThat(now.get("tags").colocationId()).isEqualTo(now.get("notes").colocationId());
            assertThat(now.get("reviews").colocationId()).isEqualTo(now.get("notes").colocationId());
          }
          assertThat(Catalog.keys(db.dataSource(), "reviews")).contains(
              "FOREIGN KEY (shop_id) REFERENCES shops (id)",
              "FOREIGN KEY (shop_id, note_id) REFERENCES notes (shop_id, id)",
              "FOREIGN KEY (country_code) REFERENCES countries (code)");
          assertThat(notes(sf, SHOP_A)).containsExactly("A: v1");
          int stars = boot;
          TenantContext.run(SHOP_A, () -> sf.inTransaction(s -> {
            Note note = s.createQuery("from Note", Note.class).getSingleResult();
            s.persist(new Tag(SHOP_A, "tag " + stars));
            s.persist(new Review(s.getReference(Shop.class, SHOP_A), note, s.getReference(Country.class, "NL"),
                stars));
          }));
          List<String> labels = TenantContext.get(SHOP_A, () -> sf.fromTransaction(s -> s.createQuery(
              "select t.label from Tag t order by t.id", String.class).getResultList()));
          assertThat(labels).containsExactlyElementsOf(IntStream.rangeClosed(2, boot).mapToObj(b -> "tag " + b)
              .toList());
        }
      }
    }
  }

  private static SessionFactory boot(CitusTestDatabase db, List<Class<?>> entities, String key, String action) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("hibernate.hbm2ddl.auto", "none");
    settings.put(key, action);
    // Hibernate only logs a failed schema statement; here it fails the boot.
    settings.put("hibernate.hbm2ddl.halt_on_error", "true");
    settings.put("citus.hibernate.tenant_binding", "parameter");
    if (db.isCitus()) {
      settings.put(CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "fail");
    }
    return Units.build(db.dataSource(), entities, settings);
  }

  /** Every table of {@code entities} as Citus must hold it; all local on plain PostgreSQL. */
  private static Map<String, String> expected(CitusTestDatabase db, List<Class<?>> entities) {
    Map<String, String> tables = new TreeMap<>();
    tables.put("shops", "hash(id)");
    tables.put("countries", "reference");
    tables.put("notes", "hash(shop_id)");
    if (entities.contains(Tag.class)) {
      tables.put("tags", "hash(shop_id)");
      tables.put("reviews", "hash(shop_id)");
    }
    if (!db.isCitus()) {
      tables.replaceAll((table, placement) -> "local");
    }
    return tables;
  }

  /** Two shops, a shared country, and one note per shop with a text telling the shops apart. */
  private static void writeNotes(SessionFactory sf, String text) {
    TenantContext.runCrossTenant("test fixture: shops and countries", () -> sf.inTransaction(s -> {
      for (long shop : List.of(SHOP_A, SHOP_B)) {
        if (s.find(Shop.class, shop) == null) {
          s.persist(new Shop(shop, "shop " + shop));
        }
      }
      if (s.find(Country.class, "NL") == null) {
        s.persist(new Country("NL"));
      }
    }));
    for (long shop : List.of(SHOP_A, SHOP_B)) {
      String owner = shop == SHOP_A ? "A: " : "B: ";
      TenantContext.run(shop, () -> sf.inTransaction(s -> s.persist(new Note(s.getReference(Shop.class, shop),
          s.getReference(Country.class, "NL"), owner + text))));
    }
  }

  private static List<String> expectedNotes(int boots) {
    return IntStream.rangeClosed(1, boots).mapToObj(b -> "boot " + b).toList();
  }

  private static List<String> notes(SessionFactory sf, long shop) {
    return TenantContext.get(shop, () -> sf.fromTransaction(s -> s.createQuery(
        "select n.text from Note n order by n.id", String.class).getResultList()));
  }
}
