/**
 * The project's one JDBC delegation base: a connection, its statements and a data source that
 * forward every call to what they wrap, with protected hooks where a subclass sees or changes
 * SQL, parameters and the statements handed out. Used by core's tenant binding layer and by the
 * testkit, the examples and the benchmarks to intercept statements; not user API.
 */
package io.citushibernate.internal.jdbc.delegate;
