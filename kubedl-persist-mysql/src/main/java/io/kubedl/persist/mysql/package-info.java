/**
 * The reference storage provider {@code mysql}: MySQL 8.0+ and MariaDB 10.6+ over
 * plain JDBC (HikariCP and MySQL Connector/J). {@link io.kubedl.persist.mysql.MySqlProvider}
 * is found by {@link java.util.ServiceLoader}; {@link io.kubedl.persist.mysql.config.MySqlSettings}
 * is the pure mapping from a {@link io.kubedl.persist.config.StorageConfig} to the
 * driver and pool settings. See docs/mysql-provider.md and docs/mysql-schema.md.
 */
package io.kubedl.persist.mysql;
