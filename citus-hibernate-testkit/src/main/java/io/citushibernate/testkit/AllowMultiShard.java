package io.citushibernate.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lifts the single-shard routing check for a test method or every test of a class: for
 * deliberate multi-tenant analytics. Prefer {@link RoutingCheck#allowMultiShard} around the one
 * statement that needs it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowMultiShard {
  /** Why the test reads or writes several tenants at once, for reviewers. */
  String value() default "";
}
