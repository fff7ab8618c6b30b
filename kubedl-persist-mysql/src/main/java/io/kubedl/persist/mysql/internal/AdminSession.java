package io.kubedl.persist.mysql.internal;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.mysql.config.MySqlSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection for an administrative task (the adoption of KubeDL's tables), made
 * exactly as the provider's pool makes its connections ({@link MySqlSettings}: URL,
 * TLS, timeouts, session time zone UTC), without a pool. A zero DATETIME
 * ({@code 0000-00-00}, which KubeDL's driver writes for a zero Go time) reads as
 * NULL instead of failing the read. Errors are translated without the password (P3).
 */
public final class AdminSession implements AutoCloseable {
    private final Connection connection;
    private final SqlErrors errors;
    private final PemTrustStore trustStore;
    private final String target;

    private AdminSession(Connection connection, SqlErrors errors, PemTrustStore trustStore, String target) {
        this.connection = connection;
        this.errors = errors;
        this.trustStore = trustStore;
        this.target = target;
    }

    /**
     * @param settings validated settings
     * @return an open session, autocommit on, session time zone UTC
     * @throws ConfigurationException when the server refuses the user or the database
     * @throws PersistException when the server cannot be reached
     */
    public static AdminSession open(MySqlSettings settings) {
        SqlErrors errors = new SqlErrors(settings.target(), settings.password());
        PemTrustStore trustStore = settings.sslCa().map(PemTrustStore::fromPem).orElse(null);
        try {
            MysqlDataSource ds = ConnectorDataSource.of(settings, trustStore);
            ds.setZeroDateTimeBehavior("CONVERT_TO_NULL");
            Connection c = ds.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+00:00'");
            }
            return new AdminSession(c, errors, trustStore, settings.target());
        } catch (SQLException e) {
            if (trustStore != null) {
                trustStore.delete();
            }
            String detail = errors.clean(e.getMessage());
            int code = e.getErrorCode();
            if (code == 1044 || code == 1045 || code == 1049 || code == 1130 || code == 1698) {
                throw new ConfigurationException("cannot connect to " + settings.target() + ": " + detail
                        + " [hint: check user, password, database and the user's grants]", errors.cleanCause(e));
            }
            throw errors.translate("connecting", e);
        }
    }

    /** @return the connection; closed by {@link #close()} */
    public Connection connection() {
        return connection;
    }

    /** @return where it is connected: {@code host:port/database as user}, no password */
    public String target() {
        return target;
    }

    /**
     * @param operation what was being done
     * @param e the driver's exception
     * @return the library's exception for it, without the password
     */
    public PersistException translate(String operation, SQLException e) {
        return errors.translate(operation, e);
    }

    /**
     * @param text a driver message
     * @return the text without the password
     */
    public String clean(String text) {
        return errors.clean(text);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a connection the server already dropped: nothing left to release
        } finally {
            if (trustStore != null) {
                trustStore.delete();
            }
        }
    }
}
