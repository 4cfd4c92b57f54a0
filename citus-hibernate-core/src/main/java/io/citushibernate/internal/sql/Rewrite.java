package io.citushibernate.internal.sql;

import io.citushibernate.TenantMismatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement analysed once: the tenant tables it touches and a template that puts the tenant
 * literal in place. Rendering is string assembly.
 */
public final class Rewrite {
  static final char SLOT = '\0';
  /**
   * How the scoped template marks an application placeholder whose value goes into a tenant
   * column: the value is known only when bound, so the JDBC layer checks it then.
   */
  static final String CHECKED_PLACEHOLDER = SLOT + "?";

  private final String original;
  private final Set<String> tenantTables;
  private final String[] parts;
  private final Map<String, String[]> partsWhenPresent;
  private final List<String> requiredLiterals;
  private final int[] checkedParameters;
  /** The parameterized form of {@link #parts}, made on first use. */
  private volatile String parameterized;
  /** The statement as sent in a cross-tenant scope, made on first use. */
  private volatile String crossTenant;

  Rewrite(String original, Set<String> tenantTables, String[] parts, Map<String, String[]> partsWhenPresent,
      List<String> requiredLiterals, int[] checkedParameters) {
    this.original = original;
    this.tenantTables = tenantTables;
    this.parts = parts;
    this.partsWhenPresent = partsWhenPresent;
    this.requiredLiterals = requiredLiterals;
    this.checkedParameters = checkedParameters;
  }

  /** Turns a template's parts (split where the tenant goes) and its checked parameters into SQL. */
  @FunctionalInterface
  public interface Parameterizer {
    String sql(String[] parts, int[] checkedParameters);
  }

  static Rewrite untouched(String sql) {
    return new Rewrite(sql, Set.of(), null, Map.of(), List.of(), new int[0]);
  }

  /**
   * The application's parameters (1-based, as it binds them) whose values the statement writes
   * into a tenant column: each must be bound to the current tenant, which only the JDBC layer sees.
   */
  public int[] checkedParameters() {
    return checkedParameters.clone();
  }

  /** Whether {@link #checkedParameters} has any. */
  public boolean hasCheckedParameters() {
    return checkedParameters.length > 0;
  }

  /** Whether the statement reads or writes a tenant table. */
  public boolean touchesTenantTables() {
    return !tenantTables.isEmpty();
  }

  /** The tenant tables the statement touches, as written in the mapping. */
  public Set<String> tenantTables() {
    return tenantTables;
  }

  /**
   * The statement scoped to the tenant whose SQL literal is {@code tenantLiteral}.
   *
   * @throws TenantMismatchException when the statement writes a literal of another tenant
   */
  public String render(String tenantLiteral) {
    if (parts == null) {
      return original;
    }
    String[] p = partsFor(tenantLiteral);
    if (p.length == 1) {
      return p[0];
    }
    int length = tenantLiteral.length() * (p.length - 1);
    for (String s : p) {
      length += s.length();
    }
    StringBuilder sb = new StringBuilder(length);
    sb.append(p[0]);
    for (int i = 1; i < p.length; i++) {
      sb.append(tenantLiteral).append(p[i]);
    }
    return sb.toString();
  }

  /**
   * The statement scoped to the tenant whose SQL literal is {@code tenantLiteral}, with the tenant
   * as bind parameters instead of literals: {@code parameterizer} turns the template's parts
   * (split where the tenant goes) into that SQL. Its result is kept, so the SQL text is the same
   * object for every tenant.
   *
   * @throws TenantMismatchException when the statement writes a literal of another tenant
   */
  public String renderParameterized(String tenantLiteral, Parameterizer parameterizer) {
    if (parts == null) {
      return original;
    }
    String[] p = partsFor(tenantLiteral);
    if (p.length == 1 && checkedParameters.length == 0) {
      return p[0];
    }
    if (p != parts) {
      return parameterizer.sql(p.clone(), checkedParameters.clone());
    }
    String result = parameterized;
    if (result == null) {
      result = parameterizer.sql(parts.clone(), checkedParameters.clone());
      parameterized = result;
    }
    return result;
  }

  /**
   * The statement with the tenant left to its bind parameters, for a tenant known only when the
   * statement is prepared (a session opened for a tenant, used outside any scope); {@code null} when
   * the statement names tenant values itself, which can only be checked against a known tenant.
   */
  public String renderUnbound(Parameterizer parameterizer) {
    if (parts == null) {
      return original;
    }
    if (!partsWhenPresent.isEmpty() || !requiredLiterals.isEmpty()) {
      return null;
    }
    return renderParameterized(null, parameterizer);
  }

  /**
   * The statement as sent in a cross-tenant scope: unscoped, with its tenant tables joined on
   * their tenant columns by {@code joins}. Kept, like the tenant template, with this analysis.
   */
  public String renderCrossTenant(CrossTenantJoins joins) {
    String result = crossTenant;
    if (result == null) {
      result = parts == null ? original : joins.apply(original);
      crossTenant = result;
    }
    return result;
  }

  private String[] partsFor(String tenantLiteral) {
    for (String literal : requiredLiterals) {
      if (!literal.equals(tenantLiteral)) {
        throw new TenantMismatchException("The statement writes tenant value " + literal
            + " into a tenant column while the current tenant is " + tenantLiteral
            + "; a statement may only write rows of the current tenant: " + original);
      }
    }
    return partsWhenPresent.isEmpty() ? parts : partsWhenPresent.getOrDefault(tenantLiteral, parts);
  }

  /** The template's text between tenant slots; checked placeholders become plain ones. */
  static String[] split(String template) {
    template = template.replace(CHECKED_PLACEHOLDER, "?");
    int count = 0;
    for (int i = 0; i < template.length(); i++) {
      if (template.charAt(i) == SLOT) {
        count++;
      }
    }
    String[] result = new String[count + 1];
    int start = 0;
    int n = 0;
    for (int i = 0; i < template.length(); i++) {
      if (template.charAt(i) == SLOT) {
        result[n++] = template.substring(start, i);
        start = i + 1;
      }
    }
    result[n] = template.substring(start);
    return result;
  }

  /** The positions (1-based, among all placeholders) of the template's checked placeholders. */
  static int[] checkedPositions(String template) {
    if (!template.contains(CHECKED_PLACEHOLDER)) {
      return new int[0];
    }
    List<Integer> positions = new ArrayList<>();
    int[] seen = new int[1];
    SqlWords.scan(template, new SqlWords.Visitor() {
      @Override
      public void word(int start, int end, String word, boolean quoted) {
      }

      @Override
      public void placeholder(int index) {
        seen[0]++;
        if (index > 0 && template.charAt(index - 1) == SLOT) {
          positions.add(seen[0]);
        }
      }
    });
    return positions.stream().mapToInt(Integer::intValue).toArray();
  }
}
