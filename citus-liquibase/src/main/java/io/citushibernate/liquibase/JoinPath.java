package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.List;

/**
 * The join path of {@code addTenantColumn}: comma separated hops {@code table.column = table.column}, starting at the
 * table that gets the column and ending at the table that has the tenant value, e.g.
 * {@code "comments.line_item_id = line_items.line_item_id, line_items.order_id = orders.order_id"}.
 * A table may be schema qualified ({@code schema.table.column}).
 */
final class JoinPath {

    /** One side of a hop. */
    static final class Ref {
        final String schema;
        final String table;
        final String column;

        Ref(String schema, String table, String column) {
            this.schema = schema;
            this.table = table;
            this.column = column;
        }

        boolean sameTable(Ref other) {
            return table.equals(other.table) && java.util.Objects.equals(schema, other.schema);
        }

        String tableText() {
            return schema == null ? table : schema + "." + table;
        }
    }

    static final class Hop {
        final Ref from;
        final Ref to;

        Hop(Ref from, Ref to) {
            this.from = from;
            this.to = to;
        }
    }

    final List<Hop> hops;

    private JoinPath(List<Hop> hops) {
        this.hops = hops;
    }

    /** The table the tenant value is read from. */
    Ref source() {
        return hops.get(hops.size() - 1).to;
    }

    /**
     * Parses and checks that the hops chain from the target table.
     *
     * @throws IllegalArgumentException with a message fit for a validation error
     */
    static JoinPath parse(String text, String targetSchema, String targetTable) {
        List<Hop> hops = new ArrayList<>();
        for (String hopText : Citus.list(text)) {
            String[] sides = hopText.split("=");
            if (sides.length != 2) {
                throw new IllegalArgumentException("joinPath hop '" + hopText
                        + "' is not of the form table.column = table.column");
            }
            hops.add(new Hop(ref(sides[0], hopText), ref(sides[1], hopText)));
        }
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("joinPath is required, e.g. \"" + targetTable
                    + ".order_id = orders.order_id\"");
        }
        Ref previous = new Ref(targetSchema, targetTable, null);
        for (Hop hop : hops) {
            boolean chained = hop.from.table.equals(previous.table)
                    && (hop.from.schema == null || hop.from.schema.equals(previous.schema));
            if (!chained) {
                throw new IllegalArgumentException("joinPath hop '" + hop.from.tableText() + "." + hop.from.column
                        + " = " + hop.to.tableText() + "." + hop.to.column + "' must start at "
                        + previous.tableText() + ", where the previous hop ended");
            }
            previous = new Ref(hop.to.schema == null ? targetSchema : hop.to.schema, hop.to.table, null);
            if (previous.table.equals(targetTable) && java.util.Objects.equals(previous.schema, targetSchema)) {
                throw new IllegalArgumentException("joinPath returns to " + targetTable
                        + "; a path must lead away from the table that gets the column");
            }
        }
        return new JoinPath(hops);
    }

    private static Ref ref(String side, String hopText) {
        String[] parts = side.trim().split("\\.");
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("joinPath hop '" + hopText + "' has an empty name");
            }
        }
        if (parts.length == 2) {
            return new Ref(null, parts[0].trim(), parts[1].trim());
        }
        if (parts.length == 3) {
            return new Ref(parts[0].trim(), parts[1].trim(), parts[2].trim());
        }
        throw new IllegalArgumentException("joinPath hop '" + hopText
                + "': '" + side.trim() + "' is not table.column or schema.table.column");
    }
}
