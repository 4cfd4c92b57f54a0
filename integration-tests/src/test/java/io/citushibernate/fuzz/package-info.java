/**
 * Differential SQL fuzzing of the statement rewriter (issue #20): generated statements over a
 * schema of tenant, reference and local tables, each run unscoped on a database holding one
 * tenant's rows and scoped by the library on the database holding every tenant's rows; the two
 * answers must be the same.
 */
package io.citushibernate.fuzz;
