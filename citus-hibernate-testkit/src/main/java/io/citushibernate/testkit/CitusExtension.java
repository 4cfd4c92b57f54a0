package io.citushibernate.testkit;

import io.citushibernate.testkit.server.Providers;
import io.citushibernate.testkit.server.Server;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CitusTest}: one {@link CitusDatabase} per test class,
 * injection, the routing check per test, cleanup after each test, and the Citus requirement of
 * {@link RequiresCitus}.
 */
public final class CitusExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CitusExtension.class);
  private static final List<Class<?>> INJECTABLE = List.of(DataSource.class, SessionFactory.class,
      EntityManagerFactory.class, CitusDatabase.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return citusRequirement(context, context.getTestClass().flatMap(CitusExtension::config)
        .map(CitusTest::requireCitus).orElse(false));
  }

  /**
   * Enabled unless Citus is required ({@link RequiresCitus} on the test or its class, or
   * {@code requiredByConfig}) and none is available.
   */
  static ConditionEvaluationResult citusRequirement(ExtensionContext context, boolean requiredByConfig) {
    boolean required = requiredByConfig
        || context.getElement().map(e -> AnnotationSupport.isAnnotated(e, RequiresCitus.class)).orElse(false)
        || context.getTestClass().map(c -> AnnotationSupport.isAnnotated(c, RequiresCitus.class)).orElse(false);
    if (!required) {
      return ConditionEvaluationResult.enabled("Citus not required");
    }
    Providers.Choice choice = Providers.current();
    return choice.kind().isCitus() ? ConditionEvaluationResult.enabled("Citus available: " + choice.detail())
        : ConditionEvaluationResult.disabled("Requires Citus, but none is available: " + choice.summary());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    TestDatabase db = database(context);
    injectFields(context.getRequiredTestClass(), null, db);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
    injectFields(testInstance.getClass(), testInstance, database(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    database(context).beginTest(allowsMultiShard(context));
  }

  /** Whether the test or its class is annotated {@link AllowMultiShard}. */
  static boolean allowsMultiShard(ExtensionContext context) {
    return context.getElement().map(e -> AnnotationSupport.isAnnotated(e, AllowMultiShard.class)).orElse(false)
        || AnnotationSupport.isAnnotated(context.getRequiredTestClass(), AllowMultiShard.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestDatabase db = database(context);
    db.endTest();
    if (config(context.getRequiredTestClass()).map(CitusTest::cleanup).orElse(true)) {
      db.truncateAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (classContext(context) != context) {
      return; // a nested class: the enclosing @CitusTest class owns the database
    }
    TestDatabase db = classContext(context).getStore(NAMESPACE).remove(key(context), TestDatabase.class);
    if (db != null) {
      db.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return value(parameter.getParameter().getType(), database(context));
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private static Object value(Class<?> type, TestDatabase db) {
    if (type == DataSource.class) {
      return db.dataSource();
    }
    if (type == CitusDatabase.class) {
      return db;
    }
    return db.sessionFactory();
  }

  /** Sets null, non-final fields of an injectable type: static ones when {@code instance} is null. */
  private static void injectFields(Class<?> type, Object instance, TestDatabase db) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (!INJECTABLE.contains(f.getType()) || Modifier.isFinal(mod) || Modifier.isStatic(mod) != (instance == null)
            || f.isSynthetic()) {
          continue;
        }
        if ((f.getType() == SessionFactory.class || f.getType() == EntityManagerFactory.class)
            && !db.hasSessionFactory()) {
          continue;
        }
        f.setAccessible(true);
        if (f.get(instance) == null) {
          f.set(instance, value(f.getType(), db));
        }
      }
    }
  }

  private static TestDatabase database(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> create(classContext),
        TestDatabase.class);
  }

  private static TestDatabase create(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    CitusTest config = config(testClass).orElseThrow(() -> new ExtensionConfigurationException(
        testClass.getName() + " uses CitusExtension without @CitusTest"));
    Map<String, Object> properties = new HashMap<>();
    for (String p : config.properties()) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException("@CitusTest(properties): expected key=value, got " + p);
      }
      properties.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    Server server = Providers.server();
    TestDatabase db = TestDatabase.create(server, List.of(config.entities()), properties, config.poolSize(),
        config.routingCheck(), Map.of());
    try {
      db.createTenants(List.of(config.tenants()));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    System.out.println("[citus-hibernate-testkit] " + testClass.getSimpleName() + ": schema " + db.schema() + " on "
        + db.description());
    return db;
  }

  private static String key(ExtensionContext context) {
    return classContext(context).getRequiredTestClass().getName();
  }

  /** The context of the test class (the innermost {@code @CitusTest} class for nested classes). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    ExtensionContext found = c;
    while (c != null && c.getTestClass().isPresent()) {
      if (AnnotationSupport.isAnnotated(c.getRequiredTestClass(), CitusTest.class)) {
        return c;
      }
      c = c.getParent().orElse(null);
    }
    return found;
  }

  private static Optional<CitusTest> config(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<CitusTest> found = AnnotationSupport.findAnnotation(c, CitusTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
