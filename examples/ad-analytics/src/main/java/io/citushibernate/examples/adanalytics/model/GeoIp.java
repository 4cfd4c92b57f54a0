package io.citushibernate.examples.adanalytics.model;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A network and its location, shared by all tenants: a Citus reference table, so statements on it
 * are never scoped. Loaded by COPY and only read here, hence immutable and the textual forms of
 * PostgreSQL's cidr and point types.
 */
@Entity
@Table(name = "geo_ips")
@ReferenceTable
@Immutable
public class GeoIp {
  @Id
  @Column(columnDefinition = "cidr")
  private String addrs;

  @Column(nullable = false, columnDefinition = "point")
  private String latlon;

  protected GeoIp() {
  }

  public String getAddrs() {
    return addrs;
  }

  public String getLatlon() {
    return latlon;
  }
}
