package io.citushibernate.spring.boot;

import io.citushibernate.CitusSettings;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's Micrometer {@code MeterRegistry} bean (Boot's, with Actuator), handed to the
 * library as {@link CitusSettings#METER_REGISTRY}. Looked up by type name, so the starter runs
 * without Micrometer; without a registry bean the library uses Micrometer's global registry.
 */
final class ApplicationMeterRegistry {
  private static final String TYPE = "io.micrometer.core.instrument.MeterRegistry";

  private ApplicationMeterRegistry() {
  }

  /** Adds the registry to {@code settings}, unless they name one already or there is none (or several, none primary). */
  static void addTo(Map<String, Object> settings, BeanFactory beanFactory) {
    ClassLoader loader = ApplicationMeterRegistry.class.getClassLoader();
    if (beanFactory == null || !ClassUtils.isPresent(TYPE, loader)) {
      return;
    }
    Object registry = beanFactory.getBeanProvider(ClassUtils.resolveClassName(TYPE, loader)).getIfUnique();
    if (registry != null) {
      settings.putIfAbsent(CitusSettings.METER_REGISTRY, registry);
    }
  }
}
