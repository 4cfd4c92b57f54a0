package io.citushibernate.spring.actuate;

import io.citushibernate.CitusHibernateException;
import java.sql.SQLException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/citus}: the citus extension, the cluster's nodes and whether every table of the
 * Hibernate mapping is distributed as the mapping expects ({@link CitusReport}). Exposed like any
 * endpoint: {@code management.endpoints.web.exposure.include=citus}.
 */
@Endpoint(id = "citus")
public class CitusEndpoint {
  private final CitusInspector inspector;

  CitusEndpoint(CitusInspector inspector) {
    this.inspector = inspector;
  }

  /** The report, read from the database now. */
  @ReadOperation
  public CitusReport citus() {
    try {
      return inspector.inspect();
    } catch (SQLException e) {
      throw new CitusHibernateException("The citus endpoint could not read the database's catalog: " + e.getMessage(),
          e);
    }
  }
}
