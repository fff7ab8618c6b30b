/**
 * The reference storage provider {@code mysql}: MySQL 8.0+ and MariaDB 10.6+ over
 * plain JDBC (HikariCP and MySQL Connector/J). {@link io.kubedl.persist.mysql.MySqlProvider}
 * is found by {@link java.util.ServiceLoader}; {@link io.kubedl.persist.mysql.MySqlStore}
 * opens a store on the application's own DataSource, or with a pool customizer and pool
 * metrics. The settings live in {@code mysql.config}, the engine in {@code mysql.internal};
 * this package depends on both, they never on it. See docs/mysql-provider.md and docs/mysql-schema.md.
 */
package io.kubedl.persist.mysql;
