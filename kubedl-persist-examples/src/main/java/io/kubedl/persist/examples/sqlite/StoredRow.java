package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a write needs to know about the stored row when its one guarded statement
 * changed nothing. Runs in the same transaction as that statement, under the store's
 * lock, so the answer describes exactly the row the statement saw.
 *
 * @param version the stored resourceVersion
 * @param inEtcd whether the stored row is still in etcd
 */
record StoredRow(ResourceVersion version, boolean inEtcd) {

    /** Reads one row; {@code table} and {@code idColumn} are this package's constants. */
    static Optional<StoredRow> find(Connection connection, String table, String idColumn, String region, String id)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, is_in_etcd FROM " + table + " WHERE deploy_region = ? AND " + idColumn + " = ?")) {
            select.setString(1, region);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredRow(new ResourceVersion(rs.getString(1)), rs.getInt(2) == 1))
                        : Optional.empty();
            }
        }
    }

    /**
     * The outcome of a save that the version guard refused (W3, W4, W8): a removed
     * row is STALE whatever the version; the same version is UNCHANGED; else STALE.
     */
    WriteOutcome outcomeOfRefusedSave(ResourceVersion incoming) {
        if (!inEtcd) {
            return WriteOutcome.STALE;
        }
        return incoming.compareTo(version) == 0 ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
    }

    /**
     * The SQL test that the incoming version ({@code excluded.version}) is newer than
     * the stored one, as KEP-5504 orders them (W5): longer is newer; equal lengths
     * compare character by character (SQLite's BINARY collation compares bytes, and
     * the strings are ASCII digits).
     */
    static String newerVersionGuard(String table) {
        return "(length(excluded.version) > length(" + table + ".version) OR (length(excluded.version) = length("
                + table + ".version) AND excluded.version > " + table + ".version))";
    }
}
