package io.citushibernate.schema;

import io.citushibernate.annotation.DistributedTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citushibernate.CitusMappingException;
import io.citushibernate.annotation.ReferenceTable;
import io.citushibernate.annotation.TenantKey;
import io.citushibernate.annotation.TenantOwned;
import io.citushibernate.testkit.CitusTest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Mappings Citus cannot distribute fail the session factory build with every problem listed. */
@CitusTest
class MappingValidationTest {
  static DataSource pool;

  @Test
  void foreignKeyBetweenTenantTablesThatCannotBeComposite() {
    assertThat(problems(Tenant.class, CrossTenantLink.class)).containsExactly(
        name(CrossTenantLink.class) + ".other: the foreign key from v_links to v_tenants cannot be made composite: "
            + "it joins other_tenant_id to the tenant column id instead of the tenant column tenant_id, so rows "
            + "could point into another tenant's shard. Fix: make it the @TenantKey of the entity, or map the "
            + "value as a plain column without the association.");
  }

  @Test
  void referenceTableReferencingTenantTable() {
    assertThat(problems(Tenant.class, Country.class)).containsExactly(
        name(Country.class) + ".owner: reference table v_countries references tenant table v_tenants; a reference "
            + "table is copied to every node and cannot point into one tenant's shard. Fix: remove the "
            + "association (keep a plain id column), or make " + name(Country.class)
            + " a tenant entity with a @TenantKey.");
  }

  @Test
  void twoTenantKeysOnOneEntity() {
    assertThat(problems(Tenant.class, TwoKeys.class)).singleElement().asString()
        .startsWith(name(TwoKeys.class) + ": more than one tenant key [tenantId, otherTenantId]")
        .endsWith("Keep @TenantKey on one attribute.");
  }

  @Test
  void tenantKeysOfDifferentJavaTypes() {
    assertThat(problems(Tenant.class, StringKey.class)).singleElement().asString()
        .startsWith("Tenant keys of different Java types in one persistence unit")
        .contains(name(Tenant.class) + ".id", name(StringKey.class) + ".code")
        .endsWith("use one type everywhere.");
  }

  @Test
  void nullableTenantKey() {
    assertThat(problems(Tenant.class, NullableKey.class)).containsExactly(
        name(NullableKey.class) + ".tenantId: the tenant key is nullable; Citus needs a distribution column value "
            + "in every row. Fix: @Column(nullable = false) on " + name(NullableKey.class) + ".tenantId.");
  }

  @Test
  void updatableTenantKey() {
    assertThat(problems(Tenant.class, UpdatableKey.class)).containsExactly(
        name(UpdatableKey.class) + ".tenant: the tenant key is updatable; a new value would move the row to "
            + "another shard and break its composite keys. Fix: @JoinColumn(updatable = false) on "
            + name(UpdatableKey.class) + ".tenant.");
  }

  @Test
  void tenantEntityWithoutTenantKeyOnItsId() {
    assertThat(problems(NotATenant.class, KeyToNotATenant.class)).containsExactly(
        name(KeyToNotATenant.class) + ".owner: @TenantKey refers to " + name(NotATenant.class) + ", whose id is "
            + "not a tenant key; the tenant entity is distributed by its own id. Fix: put @TenantKey on the @Id of "
            + name(NotATenant.class) + ".");
  }

  @Test
  void localTableReferencingTenantTable() {
    assertThat(problems(Tenant.class, Item.class, LocalNote.class)).containsExactly(
        name(LocalNote.class) + ".item: local table v_local_notes references tenant table v_items; Citus does not "
            + "allow keys from a local table into a distributed one. Fix: give " + name(LocalNote.class)
            + " a @TenantKey, or remove the association.");
  }

  @Test
  void everyProblemIsListedInOneException() {
    CitusMappingException e = failure(Tenant.class, Item.class, CrossTenantLink.class, Country.class,
        NullableKey.class, UpdatableKey.class, LocalNote.class);
    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage()).startsWith("Citus cannot distribute this mapping (5 problems):")
        .contains(".other:", ".owner:", ".tenantId:", ".tenant:", ".item:");
  }

  @Test
  void shardCountsDifferingInsideAColocationGroup() {
    assertThat(problems(Tenant.class, Item.class, ShardedItem.class)).containsExactly(
        name(ShardedItem.class) + ": @DistributedTable(shardCount = 64) differs from " + name(Item.class)
            + " (32) in colocation group ''; colocated tables share their shards. Fix: set one shard count for "
            + "the group.");
  }

  @Test
  void foreignKeyAcrossColocationGroups() {
    assertThat(problems(Tenant.class, Item.class, SeparateGroup.class)).containsExactly(
        name(SeparateGroup.class) + ": the foreign key from v_separate to v_items crosses colocation groups "
            + "('archive', ''); Citus only allows keys between colocated tables. Fix: put "
            + name(SeparateGroup.class) + " and " + name(Item.class) + " in the same @DistributedTable"
            + "(colocationGroup).");
  }

  @Test
  void tenantOwnedWithoutTenantKeyInTheRowModel() {
    assertThat(problems(Tenant.class, OwnedWithoutKey.class)).containsExactly(
        name(OwnedWithoutKey.class) + ": @TenantOwned entity without a @TenantKey attribute; the row model "
            + "(citus.hibernate.tenancy=row) finds a tenant's rows by their tenant column. Fix: add a @TenantKey "
            + "attribute to " + name(OwnedWithoutKey.class) + ", or use citus.hibernate.tenancy=schema, where the "
            + "tenant is the schema.");
  }

  @Test
  void tenantOwnedReferenceTable() {
    assertThat(problems(Tenant.class, OwnedReference.class)).containsExactly(
        name(OwnedReference.class) + ": @ReferenceTable entity is also @TenantOwned; a reference table is shared by "
            + "all tenants, a tenant-owned one holds one tenant's rows. Remove one of the two.");
  }

  @Test
  void tenantOwnedWithTenantKeyBuilds() {
    try (SessionFactory sf = Units.build(pool, List.of(Tenant.class, OwnedWithKey.class), Map.of())) {
      assertThat(sf.isOpen()).isTrue();
    }
  }

  @Test
  void aValidMappingBuilds() {
    try (SessionFactory sf = Units.build(pool, List.of(Tenant.class, Item.class), Map.of())) {
      assertThat(sf.isOpen()).isTrue();
    }
  }

  private static String name(Class<?> entity) {
    return entity.getName();
  }

  private static List<String> problems(Class<?>... entities) {
    return failure(entities).problems();
  }

  private static CitusMappingException failure(Class<?>... entities) {
    CitusMappingException e = catchThrowableOfType(CitusMappingException.class,
        () -> Units.build(pool, List.of(entities), Map.of()).close());
    assertThat(e).as("the session factory build fails with CitusMappingException").isNotNull();
    return new CitusMappingException(new ArrayList<>(e.problems()));
  }

  @Entity
  @Table(name = "v_owned_without_key")
  @TenantOwned
  static class OwnedWithoutKey {
    @Id
    Long id;
  }

  @Entity
  @Table(name = "v_owned_reference")
  @TenantOwned
  @ReferenceTable
  static class OwnedReference {
    @Id
    Long id;
  }

  @Entity
  @Table(name = "v_owned_with_key")
  @TenantOwned
  static class OwnedWithKey {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;
  }

  @Entity
  @Table(name = "v_tenants")
  static class Tenant {
    @Id
    @TenantKey
    Long id;
  }

  @Entity
  @Table(name = "v_items")
  @DistributedTable(shardCount = 32)
  static class Item {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;
  }

  @Entity
  @Table(name = "v_links")
  static class CrossTenantLink {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;

    @ManyToOne
    @JoinColumn(name = "other_tenant_id")
    Tenant other;
  }

  @Entity
  @Table(name = "v_countries")
  @ReferenceTable
  static class Country {
    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "owner_id")
    Tenant owner;
  }

  @Entity
  @Table(name = "v_two_keys")
  static class TwoKeys {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;

    @TenantKey
    @Column(name = "other_tenant_id", nullable = false, updatable = false)
    Long otherTenantId;
  }

  @Entity
  @Table(name = "v_string_key")
  static class StringKey {
    @Id
    Long id;

    @TenantKey
    @Column(nullable = false, updatable = false)
    String code;
  }

  @Entity
  @Table(name = "v_nullable_key")
  static class NullableKey {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", updatable = false)
    Long tenantId;
  }

  @Entity
  @Table(name = "v_updatable_key")
  static class UpdatableKey {
    @Id
    Long id;

    @TenantKey
    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    Tenant tenant;
  }

  @Entity
  @Table(name = "v_plain")
  static class NotATenant {
    @Id
    Long id;
  }

  @Entity
  @Table(name = "v_key_to_plain")
  static class KeyToNotATenant {
    @Id
    Long id;

    @TenantKey
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    NotATenant owner;
  }

  @Entity
  @Table(name = "v_local_notes")
  static class LocalNote {
    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "item_id")
    Item item;
  }

  @Entity
  @Table(name = "v_sharded")
  @DistributedTable(shardCount = 64)
  static class ShardedItem {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;
  }

  @Entity
  @Table(name = "v_separate")
  @DistributedTable(colocationGroup = "archive")
  static class SeparateGroup {
    @Id
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;

    @ManyToOne
    @JoinColumn(name = "item_id")
    Item item;
  }
}
