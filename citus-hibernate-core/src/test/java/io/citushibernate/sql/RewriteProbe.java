package io.citushibernate.sql;

import java.nio.file.*;
import java.util.*;

class RewriteProbe {
  public static void main(String[] args) throws Exception {
    TenantTables tables = new TenantTables(List.of(
        new TenantTable(null, "companies", "id"),
        new TenantTable(null, "campaigns", "company_id"),
        new TenantTable(null, "ads", "company_id"),
        new TenantTable(null, "clicks", "company_id"),
        new TenantTable(null, "impressions", "company_id")));
    StatementRewriter r = new StatementRewriter(tables, 100, true);
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) continue;
      try {
        System.out.println("IN : " + line);
        System.out.println("OUT: " + r.analyse(line).render("5"));
      } catch (Exception e) {
        System.out.println("ERR: " + e);
      }
    }
  }
}
