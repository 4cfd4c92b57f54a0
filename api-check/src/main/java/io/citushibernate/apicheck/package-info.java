/**
 * The build's public-API check (an unpublished module): {@link io.citushibernate.apicheck.ApiSignatures}
 * writes an artifact's public API as sorted text, {@link io.citushibernate.apicheck.ApiFile} compares
 * it with the file committed under {@code api/}. Stands in for japicmp until a released baseline
 * exists (the parent's {@code api-baseline} profile runs japicmp against one).
 */
package io.citushibernate.apicheck;
