package io.citushibernate.liquibase;

import io.citushibernate.citus.SqlQuoting;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import liquibase.exception.ValidationErrors;

/**
 * A tenant (distribution column) value as it goes into SQL. Citus converts the value through its text form to the
 * distribution column's type, so the literal's type only has to be safe, not exact: numbers are checked to be
 * numbers and written bare, UUIDs are parsed and cast, anything else is an escaped string literal.
 */
final class TenantValue {

    enum Type { NUMBER, TEXT, UUID }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    final String value;
    final Type type;

    private TenantValue(String value, Type type) {
        this.value = value;
        this.type = type;
    }

    /**
     * Parses a value of the given type (number, text, uuid; null or blank infers it from the value).
     *
     * @throws IllegalArgumentException with a message fit for a validation error
     */
    static TenantValue parse(String value, String typeName) {
        if (value == null) {
            throw new IllegalArgumentException("tenantValue is required");
        }
        Type type;
        if (typeName == null || typeName.isBlank()) {
            type = NUMBER.matcher(value.trim()).matches() ? Type.NUMBER
                    : UUID_SHAPE.matcher(value.trim()).matches() ? Type.UUID : Type.TEXT;
        } else {
            try {
                type = Type.valueOf(typeName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tenantValueType '" + typeName
                        + "' is not one of number, text, uuid");
            }
        }
        switch (type) {
            case NUMBER:
                if (!NUMBER.matcher(value.trim()).matches()) {
                    throw new IllegalArgumentException("tenantValue '" + value
                            + "' is not a number; use tenantValueType=\"text\" for a text tenant id");
                }
                return new TenantValue(value.trim(), type);
            case UUID:
                try {
                    if (!UUID_SHAPE.matcher(value.trim()).matches()) {
                        throw new IllegalArgumentException(value);
                    }
                    return new TenantValue(UUID.fromString(value.trim()).toString(), type);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("tenantValue '" + value + "' is not a UUID", e);
                }
            default:
                return new TenantValue(value, type);
        }
    }

    /** Adds the reason to {@code errors} when {@code value} is not a tenant value of {@code typeName}. */
    static void check(String value, String typeName, ValidationErrors errors) {
        if (value != null) {
            try {
                parse(value, typeName);
            } catch (IllegalArgumentException e) {
                errors.addError(e.getMessage());
            }
        }
    }

    String toSql() {
        switch (type) {
            case NUMBER:
                return value;
            case UUID:
                return "'" + value + "'::uuid";
            default:
                return SqlQuoting.literal(value);
        }
    }
}
