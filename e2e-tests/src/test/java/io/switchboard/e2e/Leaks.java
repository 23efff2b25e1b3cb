package io.switchboard.e2e;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential values the suite itself used (a client's portal secret, the Slack signing secret, …), beside the
 * ones the provider sandbox issued, for {@link SecretsNeverLeakE2eTest}; and how to look for one in a schema.
 */
final class Leaks {

    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private Leaks() {
    }

    /** Remembers a secret a journey handed to the system, so the final scan looks for it everywhere. */
    static String used(String secret) {
        USED.add(secret);
        return secret;
    }

    static Set<String> used() {
        return Set.copyOf(USED);
    }

    /** How many rows of {@code schema}'s tables contain {@code needle}, as text or (bytea) as hex. */
    static long occurrences(Connection db, String schema, String needle) throws SQLException {
        long found = 0;
        try (PreparedStatement tables = db.prepareStatement(
                "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'")) {
            tables.setString(1, schema);
            try (ResultSet names = tables.executeQuery()) {
                while (names.next()) {
                    try (PreparedStatement scan = db.prepareStatement("select count(*) from " + schema + ".\""
                            + names.getString(1) + "\" t where t::text like ? or t::text like ?")) {
                        scan.setString(1, "%" + escape(needle) + "%");
                        scan.setString(2, "%" + HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8)) + "%");
                        try (ResultSet count = scan.executeQuery()) {
                            count.next();
                            found += count.getLong(1);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
