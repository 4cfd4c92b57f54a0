/**
 * Wiring only, the last step of the pipeline: the integrator (found through
 * {@code META-INF/services}) reads the settings, builds the tenant model, the rewriter and the
 * binding, and hooks them into Hibernate with the statement inspector, the service contributors,
 * the session coordinator and the Citus dialect. Nothing here decides what SQL means.
 */
package io.citushibernate.internal.boot;
