package io.switchboard.integration.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.platform.security.TenantJdbc;

/**
 * Re-seals every stored secret under the vault's active key, so an old key can be retired (FEATURES.md P7).
 *
 * <p>Each table that {@link HoldsSealedSecrets} is walked in primary-key order in batches; each batch is one
 * transaction that locks its rows ({@code for update skip locked}) before reading them, so a token refreshed
 * at the same moment is neither overwritten with the value read before it nor waited for: a row locked by
 * someone else is left for the next run (and counted in {@link TableCounts#remaining}). Every value is
 * opened, with whichever configured key it names, which also finds rows no configured key opens; a value under
 * another key than the active one is sealed again, for the same practice and purpose, under the active key.
 * Counts are logged, never a value.
 */
@Service
public class Rekeying {

    private static final Logger log = LoggerFactory.getLogger(Rekeying.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Vault vault;
    private final List<SealedTable> tables;
    private final int batchSize;

    @Autowired
    Rekeying(TenantJdbc jdbc, TransactionTemplate transactions, Vault vault, List<HoldsSealedSecrets> stores,
             @Value("${switchboard.vault.rekey-batch-size:200}") int batchSize) {
        // Unscoped by necessity: re-keying is a platform job over every practice's rows; each value is still
        // opened and sealed for its own row's practice.
        this(jdbc.unscoped(), transactions, vault, stores.stream().map(HoldsSealedSecrets::sealedTable).toList(),
                batchSize);
    }

    /** A rekeying with its own vault and tables (an operator tool, or a test rotating keys in one context). */
    public Rekeying(JdbcClient jdbc, TransactionTemplate transactions, Vault vault, List<SealedTable> tables,
                    int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("switchboard.vault.rekey-batch-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.vault = vault;
        this.tables = List.copyOf(tables);
        this.batchSize = batchSize;
    }

    /**
     * What one table held: rows scanned, re-sealed under the active key, already under it, and that could not
     * be opened (left as they were); {@code remaining} is how many rows still have a value under another key
     * after the run (failed ones, and rows locked by a concurrent writer until it commits).
     */
    public record TableCounts(long scanned, long resealed, long alreadyCurrent, long failed, long remaining) {
    }

    /**
     * A run's outcome: the active key, the counts per table, and, for every key id still found in a sealed value
     * other than the active one (and every other configured key), how many values it still seals — a key with 0
     * can be removed from the configuration.
     */
    public record Result(String activeKey, Map<String, TableCounts> tables, Map<String, Long> remainingByKey) {

        public long resealed() {
            return tables.values().stream().mapToLong(TableCounts::resealed).sum();
        }

        public long failed() {
            return tables.values().stream().mapToLong(TableCounts::failed).sum();
        }
    }

    /** Re-seals every value not under the active key; one run at a time per instance. */
    public synchronized Result rekey() {
        String active = vault.activeKeyId();
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        Map<String, Long> remainingByKey = new TreeMap<>();
        vault.keyIds().stream().filter(id -> !id.equals(active)).forEach(id -> remainingByKey.put(id, 0L));
        for (SealedTable table : tables) {
            TableCounts tableCounts = rekey(table, active);
            counts.put(table.name(), tableCounts);
            remainingByKey(table, active).forEach((key, n) -> remainingByKey.merge(key, n, Long::sum));
            log.info("Vault rekey of {} to key {}: {} scanned, {} re-sealed, {} already current, {} failed, {} left under other keys",
                    table.name(), active, tableCounts.scanned(), tableCounts.resealed(), tableCounts.alreadyCurrent(),
                    tableCounts.failed(), tableCounts.remaining());
        }
        log.info("Vault rekey to key {} done; values left under other keys: {}", active, remainingByKey);
        return new Result(active, counts, remainingByKey);
    }

    private TableCounts rekey(SealedTable table, String active) {
        long scanned = 0;
        long resealed = 0;
        long current = 0;
        long failed = 0;
        List<Object> after = null;
        while (true) {
            List<Object> from = after;
            Batch batch = transactions.execute(tx -> batch(table, active, from));
            if (batch == null || batch.rows() == 0) {
                break;
            }
            scanned += batch.rows();
            resealed += batch.resealed();
            current += batch.current();
            failed += batch.failed();
            after = batch.lastKey();
        }
        return new TableCounts(scanned, resealed, current, failed, remaining(table, active));
    }

    private record Batch(int rows, int resealed, int current, int failed, List<Object> lastKey) {
    }

    private Batch batch(SealedTable table, String active, List<Object> after) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("practice_id");
        columns.addAll(table.keyColumns());
        table.groups().forEach(group -> {
            columns.add(group.keyIdColumn());
            columns.addAll(group.sealedColumns().keySet());
        });
        String keyList = String.join(", ", table.keyColumns());
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", columns))
                .append(" from ").append(table.name());
        if (after != null) {
            sql.append(" where (").append(keyList).append(") > (")
                    .append(placeholders("after", table.keyColumns().size())).append(")");
        }
        sql.append(" order by ").append(keyList).append(" limit :limit for update skip locked");
        JdbcClient.StatementSpec select = jdbc.sql(sql.toString()).param("limit", batchSize);
        if (after != null) {
            for (int i = 0; i < after.size(); i++) {
                select = select.param("after" + i, after.get(i));
            }
        }
        List<StoredRow> rows = select.query((rs, n) -> row(rs, table)).list();
        int resealed = 0;
        int current = 0;
        int failed = 0;
        for (StoredRow row : rows) {
            switch (rekey(table, row, active)) {
                case RESEALED -> resealed++;
                case CURRENT -> current++;
                case FAILED -> failed++;
            }
        }
        List<Object> last = rows.isEmpty() ? null
                : table.keyColumns().stream().map(rows.get(rows.size() - 1).key()::get).toList();
        return new Batch(rows.size(), resealed, current, failed, last);
    }

    private enum Outcome { RESEALED, CURRENT, FAILED }

    private record StoredRow(SealedTable.RowKey key, Map<String, String> keyIds, Map<String, byte[]> sealed) {
    }

    private static StoredRow row(ResultSet rs, SealedTable table) throws SQLException {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : table.keyColumns()) {
            key.put(column, rs.getObject(column));
        }
        Map<String, String> keyIds = new LinkedHashMap<>();
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        for (SealedTable.KeyedColumns group : table.groups()) {
            keyIds.put(group.keyIdColumn(), rs.getString(group.keyIdColumn()));
            for (String column : group.sealedColumns().keySet()) {
                sealed.put(column, rs.getBytes(column));
            }
        }
        return new StoredRow(new SealedTable.RowKey(rs.getObject("practice_id", UUID.class), key), keyIds, sealed);
    }

    /** Opens every value of the row; when one is under another key, seals them all again under the active one. */
    private Outcome rekey(SealedTable table, StoredRow row, String active) {
        Map<String, Object> updates = new LinkedHashMap<>();
        for (SealedTable.KeyedColumns group : table.groups()) {
            String keyId = row.keyIds().get(group.keyIdColumn());
            List<Map.Entry<String, Function<SealedTable.RowKey, String>>> present = group.sealedColumns().entrySet()
                    .stream().filter(column -> row.sealed().get(column.getKey()) != null).toList();
            if (present.isEmpty()) {
                continue;
            }
            if (keyId == null) {
                log.warn("A sealed {}.{} of practice {} names no key; left as it is", table.name(),
                        present.get(0).getKey(), row.key().practiceId());
                return Outcome.FAILED;
            }
            Map<String, Sealed> resealed = new LinkedHashMap<>();
            for (Map.Entry<String, Function<SealedTable.RowKey, String>> column : present) {
                Sealed sealed = new Sealed(keyId, row.sealed().get(column.getKey()));
                String purpose = column.getValue().apply(row.key());
                String plain;
                try {
                    plain = vault.open(row.key().practiceId(), purpose, sealed);
                } catch (VaultException unreadable) {
                    log.warn("A sealed {}.{} of practice {} under key {} cannot be opened ({}); left as it is",
                            table.name(), column.getKey(), row.key().practiceId(), sealed.keyId(),
                            unreadable.getMessage());
                    return Outcome.FAILED;
                }
                if (!sealed.keyId().equals(active)) {
                    resealed.put(column.getKey(), vault.seal(row.key().practiceId(), purpose, plain));
                }
            }
            if (!resealed.isEmpty()) {
                updates.put(group.keyIdColumn(), active);
                resealed.forEach((column, sealed) -> updates.put(column, sealed.ciphertext()));
            }
        }
        if (updates.isEmpty()) {
            return Outcome.CURRENT;
        }
        update(table, row.key(), updates);
        return Outcome.RESEALED;
    }

    private void update(SealedTable table, SealedTable.RowKey key, Map<String, Object> updates) {
        List<String> assignments = new ArrayList<>();
        updates.keySet().forEach(column -> assignments.add(column + " = :set_" + column));
        List<String> conditions = new ArrayList<>();
        table.keyColumns().forEach(column -> conditions.add(column + " = :key_" + column));
        JdbcClient.StatementSpec update = jdbc.sql("update " + table.name() + " set " + String.join(", ", assignments)
                + " where " + String.join(" and ", conditions));
        for (Map.Entry<String, Object> set : updates.entrySet()) {
            update = update.param("set_" + set.getKey(), set.getValue());
        }
        for (String column : table.keyColumns()) {
            update = update.param("key_" + column, key.get(column));
        }
        if (update.update() != 1) {
            throw new IllegalStateException("a locked row of " + table.name() + " was not updated");
        }
    }

    private long remaining(SealedTable table, String active) {
        String otherKey = table.groups().stream().map(group -> group.keyIdColumn() + " <> :active")
                .collect(Collectors.joining(" or "));
        return jdbc.sql("select count(*) from " + table.name() + " where " + otherKey).param("active", active)
                .query(Long.class).single();
    }

    private Map<String, Long> remainingByKey(SealedTable table, String active) {
        Map<String, Long> byKey = new TreeMap<>();
        for (SealedTable.KeyedColumns group : table.groups()) {
            String column = group.keyIdColumn();
            jdbc.sql("select " + column + ", count(*) from " + table.name() + " where " + column + " <> :active group by "
                    + column).param("active", active)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(entry -> byKey.merge(entry.getKey(), entry.getValue(), Long::sum));
        }
        return byKey;
    }

    private static String placeholders(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(":" + prefix + i);
        }
        return String.join(", ", names);
    }

    List<SealedTable> tables() {
        return tables;
    }
}
