package io.citushibernate.model;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tutorial's geo_ips: shared by all tenants, a Citus reference table. */
@Entity
@Table(name = "geo_ips")
@ReferenceTable
public class GeoIp {
  @Id
  private String addrs;

  @Column(nullable = false)
  private double latitude;

  @Column(nullable = false)
  private double longitude;

  protected GeoIp() {
  }

  public GeoIp(String addrs, double latitude, double longitude) {
    this.addrs = addrs;
    this.latitude = latitude;
    this.longitude = longitude;
  }

  public String getAddrs() {
    return addrs;
  }
}
