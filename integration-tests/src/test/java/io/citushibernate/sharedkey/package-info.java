/**
 * Mappings that share keys between tables ({@code @MapsId}, {@code @PrimaryKeyJoinColumn},
 * JOINED inheritance), where the composite keys of the schema export must not change the columns
 * Hibernate joins on.
 */
package io.citushibernate.sharedkey;
