package io.citushibernate.fuzz;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Runs a property only when {@code -Dfuzz.long=true} asks for it: hours of fuzzing are not for CI. */
public final class LongRunOnly implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return Boolean.getBoolean("fuzz.long") ? SkipResult.doNotSkip() : SkipResult.skip("run with -Dfuzz.long=true");
  }
}
