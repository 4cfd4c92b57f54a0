package io.citushibernate.jdbc;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.sql.TenantType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * How a statement carries the tenant as bind parameters: the SQL to prepare, which placeholders
 * take the tenant, and where the application's own parameters moved to.
 *
 * <p>The statement inspector writes the plan into the SQL as a trailing comment that starts with
 * {@code /*citus-tenant:} and holds a type code and the 1-based placeholder positions, so the SQL
 * text does not depend on the tenant and PostgreSQL can reuse one prepared statement for all
 * tenants. The JDBC layer strips the comment and binds the tenant.
 */
public final class TenantBindingPlan {
  static final String PREFIX = "/*citus-tenant:";
  static final String SUFFIX = "*/";

  private final String sql;
  private final TenantType type;
  private final int[] tenantPositions;

  private TenantBindingPlan(String sql, TenantType type, int[] tenantPositions) {
    this.sql = sql;
    this.type = type;
    this.tenantPositions = tenantPositions;
  }

  /** The marker comment for tenant placeholders at {@code positions} (1-based, ascending). */
  public static String marker(TenantType type, int[] positions) {
    StringBuilder sb = new StringBuilder(PREFIX).append(code(type)).append(':');
    for (int i = 0; i < positions.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(positions[i]);
    }
    return sb.append(SUFFIX).toString();
  }

  /**
   * SQL that puts a placeholder where each of {@code parts}' gaps is, followed by the marker that
   * tells {@link TenantBinding} to bind the tenant there.
   */
  public static String sql(String[] parts, TenantType type) {
    int[] positions = new int[parts.length - 1];
    int placeholders = 0;
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      placeholders += JdbcPlaceholders.count(parts[i - 1]) + 1;
      positions[i - 1] = placeholders;
      sb.append('?').append(parts[i]);
    }
    return sb.append(' ').append(marker(type, positions)).toString();
  }

  /** The plan written into {@code sql}, or {@code null} when it carries no tenant parameter. */
  static TenantBindingPlan parse(String sql) {
    if (!sql.endsWith(SUFFIX)) {
      return null;
    }
    int start = sql.lastIndexOf(PREFIX);
    if (start < 0) {
      return null;
    }
    String body = sql.substring(start + PREFIX.length(), sql.length() - SUFFIX.length());
    int colon = body.indexOf(':');
    if (colon != 1) {
      return null;
    }
    TenantType type = type(body.charAt(0));
    if (type == null) {
      return null;
    }
    String[] numbers = body.substring(2).split(",");
    int[] positions = new int[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      positions[i] = Integer.parseInt(numbers[i]);
    }
    Arrays.sort(positions);
    return new TenantBindingPlan(sql.substring(0, start).stripTrailing(), type, positions);
  }

  /** The SQL to prepare. */
  String sql() {
    return sql;
  }

  /** Where the application's parameter {@code index} sits once the tenant placeholders are in. */
  int actualIndex(int index) {
    int actual = index;
    for (int p : tenantPositions) {
      if (p <= actual) {
        actual++;
      } else {
        break;
      }
    }
    return actual;
  }

  /** Binds {@code tenant} to every tenant placeholder. */
  void bind(PreparedStatement statement, Object tenant) throws SQLException {
    Object value = type.coerce(tenant);
    for (int p : tenantPositions) {
      switch (type) {
        case LONG -> statement.setLong(p, (Long) value);
        case INTEGER -> statement.setInt(p, (Integer) value);
        case UUID -> statement.setObject(p, (UUID) value);
        case STRING -> statement.setString(p, (String) value);
        default -> throw new InvalidTenantException("Unsupported tenant type " + type);
      }
    }
  }

  private static char code(TenantType type) {
    return switch (type) {
      case LONG -> 'L';
      case INTEGER -> 'I';
      case UUID -> 'U';
      case STRING -> 'S';
    };
  }

  private static TenantType type(char code) {
    return switch (code) {
      case 'L' -> TenantType.LONG;
      case 'I' -> TenantType.INTEGER;
      case 'U' -> TenantType.UUID;
      case 'S' -> TenantType.STRING;
      default -> null;
    };
  }
}
