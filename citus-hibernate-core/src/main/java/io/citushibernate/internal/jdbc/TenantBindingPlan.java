package io.citushibernate.internal.jdbc;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.sql.Rewrite;
import io.citushibernate.internal.sql.SqlWords;
import io.citushibernate.tenant.TenantType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * How a statement carries the tenant as bind parameters: the SQL to prepare, which placeholders
 * take the tenant, and where the application's own parameters moved to.
 *
 * <p>The statement inspector writes the plan into the SQL as a trailing comment that starts with
 * {@code /*citus-tenant:} and holds a type code, the 1-based placeholder positions and, after
 * another colon, the application parameters that must be bound to the tenant, so the SQL
 * text does not depend on the tenant and PostgreSQL can reuse one prepared statement for all
 * tenants. The JDBC layer strips the comment and binds the tenant.
 */
public final class TenantBindingPlan {
  static final String PREFIX = "/*citus-tenant:";
  static final String SUFFIX = "*/";

  private final String sql;
  private final TenantType type;
  private final int[] tenantPositions;
  /** The application's parameters (its own indexes) that must be bound to the current tenant. */
  private final int[] checkedParameters;

  private TenantBindingPlan(String sql, TenantType type, int[] tenantPositions, int[] checkedParameters) {
    this.sql = sql;
    this.type = type;
    this.tenantPositions = tenantPositions;
    this.checkedParameters = checkedParameters;
  }

  /**
   * The marker comment for tenant placeholders at {@code positions} (1-based, ascending) and
   * application parameters {@code checked} that must be bound to the tenant.
   */
  public static String marker(TenantType type, int[] positions, int[] checked) {
    StringBuilder sb = new StringBuilder(PREFIX).append(code(type)).append(':');
    numbers(sb, positions);
    if (checked.length > 0) {
      numbers(sb.append(':'), checked);
    }
    return sb.append(SUFFIX).toString();
  }

  private static void numbers(StringBuilder sb, int[] numbers) {
    for (int i = 0; i < numbers.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(numbers[i]);
    }
  }

  /**
   * SQL that puts a placeholder where each of {@code parts}' gaps is, followed by the marker that
   * tells {@link TenantBinding} to bind the tenant there and to check that the application binds
   * its parameters {@code checked} to the tenant. One part and nothing checked: that part alone.
   */
  public static String sql(String[] parts, int[] checked, TenantType type) {
    if (parts.length == 1 && checked.length == 0) {
      return parts[0];
    }
    int[] positions = new int[parts.length - 1];
    int placeholders = 0;
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      placeholders += SqlWords.placeholders(parts[i - 1]) + 1;
      positions[i - 1] = placeholders;
      sb.append('?').append(parts[i]);
    }
    return sb.append(' ').append(marker(type, positions, checked)).toString();
  }

  /**
   * {@code rewrite} scoped to {@code tenant}: with {@code asParameter} the tenant is a bind
   * parameter, placed by the plan the SQL carries; otherwise a literal in the text, and, when
   * {@code prepared} on a binding connection, a plan that checks the application's parameters
   * written into tenant columns.
   */
  public static String scoped(Rewrite rewrite, TenantType type, Object tenant, boolean asParameter, boolean prepared) {
    String literal = type.literal(tenant);
    if (asParameter && prepared) {
      return rewrite.renderParameterized(literal, (parts, checked) -> sql(parts, checked, type));
    }
    String scoped = rewrite.render(literal);
    return !prepared || !rewrite.hasCheckedParameters() ? scoped
        : sql(new String[] {scoped}, rewrite.checkedParameters(), type);
  }

  /** The plan written into {@code sql}, or {@code null} when it carries none. */
  static TenantBindingPlan parse(String sql) {
    if (!sql.endsWith(SUFFIX)) {
      return null;
    }
    int start = sql.lastIndexOf(PREFIX);
    if (start < 0) {
      return null;
    }
    String body = sql.substring(start + PREFIX.length(), sql.length() - SUFFIX.length());
    String[] fields = body.split(":", -1);
    TenantType type = fields.length < 2 || fields.length > 3 || fields[0].length() != 1 ? null : type(fields[0].charAt(0));
    if (type == null) {
      return null;
    }
    int[] positions = numbers(fields[1]);
    int[] checked = fields.length == 3 ? numbers(fields[2]) : new int[0];
    return new TenantBindingPlan(sql.substring(0, start).stripTrailing(), type, positions, checked);
  }

  private static int[] numbers(String list) {
    if (list.isEmpty()) {
      return new int[0];
    }
    String[] numbers = list.split(",");
    int[] result = new int[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      result[i] = Integer.parseInt(numbers[i]);
    }
    Arrays.sort(result);
    return result;
  }

  /** The SQL to prepare. */
  String sql() {
    return sql;
  }

  /**
   * Where the application's parameter {@code index} sits, for binding {@code value}; a parameter
   * the statement writes into a tenant column must be {@code tenant}.
   */
  int actualIndex(int index, Object value, Object tenant) {
    if (isChecked(index) && !isTenant(value, tenant)) {
      throw canNameATenant(value)
          ? new TenantMismatchException("The statement writes tenant value " + value + " (parameter " + index
              + ") into a tenant column while the current tenant is " + tenant
              + "; a statement may only write rows of the current tenant: " + sql)
          : new TenantMismatchException("Parameter " + index + " is written into a tenant column, and only the "
              + "current tenant's value may be bound to it (with setObject, setInt, setLong, setString or the "
              + "like); the statement was not run: " + sql);
    }
    return shift(index);
  }

  /** Whether {@code value} is of a kind a tenant key is (or null): anything else, a stream or a date, never is. */
  private static boolean canNameATenant(Object value) {
    return value == null || value instanceof Number || value instanceof UUID || value instanceof String;
  }

  private boolean isChecked(int index) {
    for (int c : checkedParameters) {
      if (c == index) {
        return true;
      }
    }
    return false;
  }

  private boolean isTenant(Object value, Object tenant) {
    if (value == null) {
      return false;
    }
    try {
      return type.coerce(value).equals(type.coerce(tenant));
    } catch (RuntimeException notATenantValue) {
      return false;
    }
  }

  /** Where the application's parameter {@code index} sits once the tenant placeholders are in. */
  int shift(int index) {
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
