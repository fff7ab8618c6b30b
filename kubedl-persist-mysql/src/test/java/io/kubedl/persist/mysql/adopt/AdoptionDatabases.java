package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Configurations and table dumps for adoption tests. */
final class AdoptionDatabases {
    private AdoptionDatabases() {
    }

    static StorageConfig config(TestDatabase db) {
        return builder(db).build();
    }

    static StorageConfig.Builder builder(TestDatabase db) {
        return db.configBuilder().option(MySqlSettings.SSL_MODE, "DISABLED")
                .option(MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL, "true").option(MySqlSettings.POOL_SIZE, "2");
    }

    /** @return every row of the table, every column, as text, in id order */
    static List<String> dump(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
