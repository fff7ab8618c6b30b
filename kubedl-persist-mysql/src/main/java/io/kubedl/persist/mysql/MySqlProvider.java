package io.kubedl.persist.mysql;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/**
 * The storage provider named {@code mysql} (rule P1), for MySQL 8.0+ and MariaDB
 * 10.6+. {@link #open} builds a HikariCP pool from {@link MySqlSettings}, checks that
 * the server answers (failing with host, port and database in the message, never the
 * password), migrates or validates the schema, and returns a store that MUST be
 * closed. The constructor does nothing. An application that wants its own DataSource,
 * a pool customizer or pool metrics opens the store with {@link MySqlStore#builder}.
 */
public final class MySqlProvider implements PersistProvider {
    /** The name users choose this provider by. */
    public static final String NAME = "mysql";

    /** Cheap: discovery instantiates every provider on the class path. */
    public MySqlProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetaStore open(StorageConfig config) {
        return MySqlStore.builder(config).open();
    }
}
