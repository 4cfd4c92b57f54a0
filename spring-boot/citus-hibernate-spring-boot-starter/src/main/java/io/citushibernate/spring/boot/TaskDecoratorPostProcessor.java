package io.citushibernate.spring.boot;

import io.citushibernate.spring.task.TenantTaskDecorator;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;

/**
 * Puts the tenant around every other {@link TaskDecorator} bean, so an application's own decorator
 * (MDC, security context) and the tenant both apply: Spring Boot gives its executors one decorator.
 */
final class TaskDecoratorPostProcessor implements BeanPostProcessor {
  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof TaskDecorator decorator && !(bean instanceof TenantTaskDecorator)) {
      return new TenantTaskDecorator(decorator);
    }
    return bean;
  }
}
