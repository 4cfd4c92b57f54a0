package io.citushibernate.stateless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.tenant.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.UnresolvableObjectException;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A StatelessSession writes and reads only the current tenant's rows, as the stateful session
 * does: after each operation the current shop's rows equal what plain Hibernate leaves on a
 * database holding only that shop, and the other shops' rows are unchanged. Run in both tenant
 * binding modes.
 */
class StatelessSessionScopingTest {
  @Nested
  class BoundAsParameter extends Cases {
    BoundAsParameter() {
      super("parameter");
    }
  }

  @Nested
  class BoundAsLiteral extends Cases {
    BoundAsLiteral() {
      super("literal");
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Cases {
    private final String binding;
    private PlainComparison databases;
    private Map<Long, Map<String, String>> before;

    Cases(String binding) {
      this.binding = binding;
    }

    @BeforeAll
    void open() {
      databases = new PlainComparison(binding, List.of(Shop.class, Item.class, Tag.class),
          List.of(new PlainComparison.Compared("items", "id, name, price", "shop_id"),
              new PlainComparison.Compared("tags", "id, label", "shop_id")), Cases::seed);
    }

    @AfterAll
    void close() {
      databases.close();
    }

    @BeforeEach
    void seed() {
      databases.seed();
      before = databases.scopedChecksums();
    }

    /** Shop t's item and tag i are named after t and i; shop 3 alone has an id 4. */
    private static void seed(Session s, long t) {
      Shop shop = new Shop(t, "shop" + t);
      s.persist(shop);
      for (long i = 1; i <= (t == 3 ? 4 : 3); i++) {
        Item item = new Item(i, "item" + t + "-" + i, (int) (10 * t + i));
        item.setShopId(t);
        s.persist(item);
        Tag tag = new Tag(i, "tag" + t + "-" + i);
        tag.setShop(shop);
        s.persist(tag);
      }
    }

    @Test
    void insertFillsABasicTenantKey() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Item item = new Item(10L, "new", 7);
        item.setShopId(plainTenant);
        s.insert(item);
        assertThat(item.getShopId()).isEqualTo(PlainComparison.CURRENT);
      });
    }

    @Test
    void insertFillsAManyToOneTenantKey() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Tag tag = new Tag(10L, "new");
        tag.setShop(plainTenant == null ? null : s.get(Shop.class, plainTenant));
        s.insert(tag);
      });
    }

    @Test
    void upsertOfAnExistingIdUpdatesTheTenantsRowOnly() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Item item = new Item(1L, "upserted", 99);
        item.setShopId(plainTenant);
        s.upsert(item);
        Tag tag = new Tag(2L, "upserted");
        tag.setShop(plainTenant == null ? null : s.get(Shop.class, plainTenant));
        s.upsert(tag);
      });
    }

    /**
     * Compared with plain Hibernate's insert: plain Hibernate 7.2's upsert leaves a non-updatable
     * column (as tenant keys are) out of the row it inserts, and fails on NOT NULL.
     */
    @Test
    void upsertOfANewIdInsertsIt() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Item item = new Item(10L, "upserted", 99);
        Tag tag = new Tag(10L, "upserted");
        if (plainTenant == null) {
          s.upsert(item);
          s.upsert(tag);
        } else {
          item.setShopId(plainTenant);
          s.insert(item);
          tag.setShop(s.get(Shop.class, plainTenant));
          s.insert(tag);
        }
      });
    }

    @Test
    void updateChangesTheTenantsRowOnly() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Item item = new Item(2L, "updated", 42);
        item.setShopId(plainTenant);
        s.update(item);
        Tag tag = s.get(Tag.class, 3L);
        tag.setLabel("updated");
        s.update(tag);
      });
    }

    @Test
    void deleteRemovesTheTenantsRowOnly() {
      sameAsPlainHibernate((s, plainTenant) -> {
        Item item = new Item(3L, "whatever", 0);
        item.setShopId(plainTenant);
        s.delete(item);
        s.delete(s.get(Tag.class, 1L));
      });
    }

    @Test
    void readsSeeTheTenantsRowsOnly() {
      databases.statelessOnScoped(s -> {
        assertThat(s.get(Item.class, 1L).getName()).isEqualTo("item2-1");
        assertThat(s.get(Item.class, 4L)).as("shop 3's item 4").isNull();
        Item stale = new Item(1L, "stale", 0);
        stale.setShopId(PlainComparison.CURRENT);
        s.refresh(stale);
        assertThat(stale.getName()).isEqualTo("item2-1");
        Tag tag = s.get(Tag.class, 1L);
        s.fetch(tag.getShop());
        assertThat(tag.getShop().getName()).isEqualTo("shop2");
      });
      Item othersOnly = new Item(4L, "stale", 0);
      othersOnly.setShopId(3L);
      assertThatThrownBy(() -> databases.statelessOnScoped(s -> s.refresh(othersOnly)))
          .as("shop 3's row does not exist for shop 2")
          .isInstanceOf(UnresolvableObjectException.class)
          .hasMessageContaining("Item");
      assertThat(othersOnly.getName()).isEqualTo("stale");
      assertThat(databases.scopedChecksums()).isEqualTo(before);
    }

    @Test
    void anotherTenantsEntityIsRefusedBeforeAnySql() {
      Item foreign = new Item(1L, "stolen", 0);
      foreign.setShopId(1L);
      refused(s -> s.update(foreign), "update");
      refused(s -> s.upsert(foreign), "upsert");
      refused(s -> s.delete(foreign), "delete");
      Item foreignNew = new Item(7L, "x", 0);
      foreignNew.setShopId(3L);
      refused(s -> s.insert(foreignNew), "insert");
      assertThat(databases.scopedChecksums()).isEqualTo(before);
    }

    @Test
    void insertWithoutItsTenantInACrossTenantScopeNamesTheFix() {
      assertThatThrownBy(() -> TenantContext.runCrossTenant("test: an insert without its tenant",
          () -> databases.scoped.sessionFactory().inStatelessTransaction(s -> s.insert(new Item(12L, "x", 0)))))
          .isInstanceOf(MissingTenantException.class)
          .hasMessageContaining("Cannot insert io.citushibernate.stateless.Item in a cross-tenant scope")
          .hasMessageContaining("set shopId explicitly");
      assertThat(databases.scopedChecksums()).isEqualTo(before);
    }

    @Test
    void nativeOnConflictOnTheIdGetsTheTenantColumn() {
      sameAsPlainHibernate((s, plainTenant) -> s.createNativeMutationQuery(plainTenant == null
          ? "insert into items (id, name, price) values (1, 'native', 5), (11, 'native', 6) "
              + "on conflict (id) do update set name = excluded.name, price = excluded.price"
          : "insert into items (id, shop_id, name, price) values (1, 2, 'native', 5), (11, 2, 'native', 6) "
              + "on conflict (id) do update set name = excluded.name, price = excluded.price").executeUpdate());
    }

    private void refused(Consumer<StatelessSession> work, String operation) {
      databases.scoped.clearStatements();
      assertThatThrownBy(() -> databases.statelessOnScoped(work))
          .isInstanceOf(TenantMismatchException.class)
          .hasMessageContaining("Item")
          .hasMessageContaining("cannot " + operation + " it")
          .hasMessageContaining("TenantContext.run(")
          .hasMessageNotContaining("run(null");
      assertThat(databases.scoped.statements()).noneMatch(sql -> sql.contains("items"));
    }

    /** Runs the operation on both databases and compares the rows. */
    private void sameAsPlainHibernate(PlainComparison.Operation<StatelessSession> operation) {
      databases.statelessOnBoth(operation);
      databases.assertCurrentIsPlainAndOthersUnchanged(before);
    }
  }
}
