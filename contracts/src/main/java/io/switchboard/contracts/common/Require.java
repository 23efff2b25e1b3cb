package io.switchboard.contracts.common;

import java.util.List;
import java.util.Objects;

/**
 * The checks event records run in their compact constructors, so a malformed event fails where it
 * is built (or decoded) with a message naming the field, not later in a consumer.
 */
public final class Require {

    private Require() {
    }

    /** {@code value}, or a {@link NullPointerException} saying {@code field} is required. */
    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** {@code value}, refused when {@code null} or blank. */
    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** {@code value}, which may be {@code null} but never blank: absent means {@code null}. */
    public static String optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must be null or non-blank");
        }
        return value;
    }

    /**
     * An immutable copy of {@code values}; {@code null} reads as empty so an event decoded from a
     * producer that predates a list field still has a list.
     */
    public static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** Like {@link #list} but refusing an empty list. */
    public static <T> List<T> nonEmptyList(List<T> values, String field) {
        List<T> copy = list(values, field);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must have at least one element");
        }
        return copy;
    }

    /** Throws {@link IllegalArgumentException} with {@code message} unless {@code condition} holds. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
