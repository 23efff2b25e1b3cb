package io.switchboard.integration.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a table keeps what the {@link Vault} sealed, for {@link Rekeying}: the table, its primary key (in the
 * order rows are walked), and each key id column with the sealed columns that key id belongs to and the purpose
 * each was sealed for. Every such table has a {@code practice_id} column: the practice is part of what was sealed.
 *
 * @param name       the table, in the service's schema
 * @param keyColumns the primary key columns, walked in this order
 * @param groups     each key id column and the sealed columns it names the key of
 */
public record SealedTable(String name, List<String> keyColumns, List<KeyedColumns> groups) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedTable {
        identifier(name);
        keyColumns = List.copyOf(keyColumns);
        groups = List.copyOf(groups);
        if (keyColumns.isEmpty() || groups.isEmpty()) {
            throw new IllegalArgumentException("a sealed table needs its primary key and at least one sealed column");
        }
        keyColumns.forEach(SealedTable::identifier);
    }

    /** One row's primary key values, by column, and its practice. */
    public record RowKey(UUID practiceId, Map<String, Object> values) {

        public Object get(String column) {
            return values.get(column);
        }
    }

    /**
     * A key id column and the sealed columns sealed with the key it names (a column may be null, and then its
     * key id may be too). The purpose of each is computed from the row's primary key.
     */
    public record KeyedColumns(String keyIdColumn, Map<String, Function<RowKey, String>> sealedColumns) {

        public KeyedColumns {
            identifier(keyIdColumn);
            sealedColumns = new LinkedHashMap<>(sealedColumns);
            sealedColumns.keySet().forEach(SealedTable::identifier);
            if (sealedColumns.isEmpty()) {
                throw new IllegalArgumentException(keyIdColumn + " names the key of no sealed column");
            }
        }

        /** One sealed column with its own key id column, sealed for one fixed purpose. */
        public static KeyedColumns of(String keyIdColumn, String sealedColumn, Function<RowKey, String> purpose) {
            return new KeyedColumns(keyIdColumn, Map.of(sealedColumn, purpose));
        }
    }

    private static void identifier(String name) {
        // Table and column names are spliced into SQL: only plain lower-case identifiers, from code, never input.
        if (!IDENTIFIER.matcher(Objects.requireNonNull(name, "identifier")).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
