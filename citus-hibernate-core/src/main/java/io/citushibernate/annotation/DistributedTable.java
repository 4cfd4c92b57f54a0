package io.citushibernate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the schema export distributes a tenant entity's tables: its colocation group and the
 * group's shard count. Without it every tenant table is colocated with the tenant entity's table
 * ({@code companies}), in Citus' default shard count.
 *
 * <p>The entity's secondary tables and its {@code @ManyToMany}/{@code @ElementCollection} tables
 * follow it. Tables of one group are colocated with the group's first table; foreign keys between
 * tenant tables must stay inside a group.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DistributedTable {
  /**
   * The colocation group; {@code ""} (default) is the persistence unit's tenant group. Another
   * name starts a separate group ({@code colocate_with => 'none'} for its first table).
   */
  String colocationGroup() default "";

  /**
   * The number of shards of the group, {@code 0} (default) for Citus' {@code citus.shard_count}.
   * Tables of one group share it; set it on one entity of the group, or the same value on each.
   */
  int shardCount() default 0;
}
