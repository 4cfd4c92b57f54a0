package io.citushibernate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the pipeline written in {@code io.citushibernate}'s package-info: each step imports only
 * the steps before it, the SQL engine and the tenant context know nothing of Hibernate, and the
 * public API is exactly the types listed here (a new public type outside {@code internal} is an
 * API decision: add it here on purpose).
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      // citus-sql (io.citushibernate.citus) is another module, below all of core: not part of this pin
      .withImportOption(location -> !location.contains("/io/citushibernate/citus/"))
      .importPackages("io.citushibernate");

  @Test
  void eachStepImportsOnlyTheStepsBeforeIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .ensureAllClassesAreContainedInArchitecture()
        .layer("api").definedBy("io.citushibernate", "io.citushibernate.annotation")
        .layer("config").definedBy("io.citushibernate.internal.config")
        .layer("metrics").definedBy("io.citushibernate.internal.metrics")
        .layer("tenant").definedBy("io.citushibernate.tenant")
        .layer("hibernateApi").definedBy("io.citushibernate.boot")
        .layer("mapping").definedBy("io.citushibernate.internal.mapping")
        .layer("sql").definedBy("io.citushibernate.internal.sql")
        .layer("jdbc").definedBy("io.citushibernate.internal.jdbc..")
        .layer("event").definedBy("io.citushibernate.internal.event")
        .layer("schema").definedBy("io.citushibernate.internal.schema", "io.citushibernate.schema")
        .layer("cache").definedBy("io.citushibernate.internal.cache")
        .layer("boot").definedBy("io.citushibernate.internal.boot")
        // the plain-JDBC wrapper: public API on top of the jdbc step, used by applications only
        .layer("jdbcApi").definedBy("io.citushibernate.jdbc")
        // the tenant lifecycle of schema-per-tenant: public API on top of the schema step, used by applications only
        .layer("tenancyApi").definedBy("io.citushibernate.tenancy")
        .whereLayer("boot").mayNotBeAccessedByAnyLayer()
        .whereLayer("jdbcApi").mayNotBeAccessedByAnyLayer()
        .whereLayer("tenancyApi").mayNotBeAccessedByAnyLayer()
        .whereLayer("cache").mayOnlyBeAccessedByLayers("boot")
        .whereLayer("schema").mayOnlyBeAccessedByLayers("cache", "boot", "tenancyApi")
        .whereLayer("event").mayOnlyBeAccessedByLayers("schema", "cache", "boot")
        .whereLayer("jdbc").mayOnlyBeAccessedByLayers("event", "schema", "cache", "boot", "jdbcApi", "tenancyApi")
        .whereLayer("sql").mayOnlyBeAccessedByLayers("jdbc", "event", "schema", "cache", "boot")
        .whereLayer("mapping").mayOnlyBeAccessedByLayers("sql", "jdbc", "event", "schema", "cache", "boot", "jdbcApi")
        .whereLayer("hibernateApi").mayOnlyBeAccessedByLayers("event", "schema", "cache", "boot")
        .whereLayer("metrics").mayOnlyBeAccessedByLayers("tenant", "sql", "jdbc", "boot")
        .whereLayer("tenant").mayOnlyBeAccessedByLayers("hibernateApi", "mapping", "sql", "jdbc", "event", "schema", "cache", "boot",
            "tenancyApi")
        .whereLayer("config").mayOnlyBeAccessedByLayers("metrics", "tenant", "hibernateApi", "mapping", "sql", "jdbc", "event", "schema",
            "cache", "boot")
        .check(CORE);
  }

  @Test
  void theSqlEngineAndTheTenantContextDoNotImportHibernate() {
    noClasses().that().resideInAnyPackage("io.citushibernate.internal.sql..", "io.citushibernate.tenant..",
            "io.citushibernate.internal.config..", "io.citushibernate.internal.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
        .check(CORE);
  }

  /**
   * Micrometer is optional: one class names it, and is loaded only when Micrometer is present
   * (MeterlessClassPathTest runs the library without it).
   */
  @Test
  void onlyMicrometerMetersNamesMicrometer() {
    noClasses().that().doNotHaveFullyQualifiedName("io.citushibernate.internal.metrics.MicrometerMeters")
        .and().doNotHaveFullyQualifiedName("io.citushibernate.internal.metrics.MicrometerMeters$InRegistry")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer.core..")
        .check(CORE);
  }

  @Test
  void thePublicApiIsExactlyTheListedTypes() {
    List<String> publicApi = CORE.that(not(resideInAPackage("io.citushibernate.internal..")))
        .stream()
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
        .map(JavaClass::getName)
        .sorted()
        .toList();
    assertThat(publicApi).containsExactly(
        "io.citushibernate.AmbiguousIdentityException",
        "io.citushibernate.CitusHibernateException",
        "io.citushibernate.CitusMappingException",
        "io.citushibernate.CitusSettings",
        "io.citushibernate.InvalidSettingException",
        "io.citushibernate.InvalidTenantException",
        "io.citushibernate.MissingTenantException",
        "io.citushibernate.TenantMismatchException",
        "io.citushibernate.TenantSchemaException",
        "io.citushibernate.UnscopableStatementException",
        "io.citushibernate.annotation.DistributedTable",
        "io.citushibernate.annotation.ReferenceTable",
        "io.citushibernate.annotation.TenantKey",
        "io.citushibernate.annotation.TenantOwned",
        "io.citushibernate.boot.CitusPostgreSQLDialect",
        "io.citushibernate.boot.TenantContextIdentifierResolver",
        "io.citushibernate.jdbc.TenantScopedDataSource",
        "io.citushibernate.schema.CitusDdl",
        "io.citushibernate.tenancy.CitusTenants",
        "io.citushibernate.tenancy.TenantInfo",
        "io.citushibernate.tenant.TenantContext",
        "io.citushibernate.tenant.TenantFilter",
        "io.citushibernate.tenant.TenantPropagation",
        "io.citushibernate.tenant.TenantSchemaNaming",
        "io.citushibernate.tenant.TenantScope",
        "io.citushibernate.tenant.TenantThreadLocalAccessor",
        "io.citushibernate.tenant.TenantType");
  }
}
