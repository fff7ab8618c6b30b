package io.kubedl.persist.mysql.internal;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.jdbc.JdbcConnection;
import io.kubedl.persist.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a store needs from the connections of a DataSource it did not build. The pool
 * the provider builds sets these itself (MySqlSettings' driver properties); an
 * application's DataSource is checked once, at open, before anything is written.
 */
final class ApplicationConnections {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationConnections.class);

    private ApplicationConnections() {
    }

    /**
     * @param c a connection of the application's DataSource
     * @throws ConfigurationException when it is not a Connector/J connection, or does not
     *         report affected rows (save() could not tell INSERTED, UPDATED and UNCHANGED apart)
     */
    static void check(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            throw new ConfigurationException("the DataSource must hand out MySQL Connector/J connections"
                    + " (com.mysql.cj.jdbc), but its driver is " + c.getMetaData().getDriverName());
        }
        PropertySet properties = c.unwrap(JdbcConnection.class).getPropertySet();
        if (!properties.getBooleanProperty(PropertyKey.useAffectedRows).getValue()) {
            throw new ConfigurationException("the DataSource's connections must set the Connector/J property"
                    + " useAffectedRows=true (in the JDBC URL or the data source properties): save() tells"
                    + " INSERTED, UPDATED and UNCHANGED apart by the affected-row count");
        }
        if (!properties.getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue()) {
            LOG.warn("the DataSource's connections do not set rewriteBatchedStatements=true: saveAll sends one"
                    + " INSERT per row instead of multi-row INSERTs");
        }
        if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
            LOG.warn("the DataSource's connections do not use READ COMMITTED: saveAll's locking reads may take gap"
                    + " locks and deadlock (retried as transient) more often");
        }
    }
}
