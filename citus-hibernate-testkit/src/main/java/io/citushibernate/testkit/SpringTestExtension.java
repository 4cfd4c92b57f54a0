package io.citushibernate.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The per-test half of {@link AutoConfigureCitusDatabase}: the Citus requirement, and the routing
 * check's test boundaries ({@link AllowMultiShard}, {@link CitusAssertions}) on the database of
 * the test's Spring context.
 */
final class SpringTestExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return CitusExtension.citusRequirement(context, context.getTestClass()
        .map(c -> TestContextAnnotationUtils.findMergedAnnotation(c, AutoConfigureCitusDatabase.class))
        .map(AutoConfigureCitusDatabase::requireCitus).orElse(false));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    database(context).beginTest(CitusExtension.allowsMultiShard(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    database(context).endTest();
  }

  private static TestDatabase database(ExtensionContext context) {
    return SpringExtension.getApplicationContext(context)
        .getBean(SpringTestDatabaseFactory.BEAN_NAME, TestDatabase.class);
  }
}
