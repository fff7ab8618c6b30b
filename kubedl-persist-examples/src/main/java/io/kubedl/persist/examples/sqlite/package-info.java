/**
 * A complete storage plugin on SQLite (xerial sqlite-jdbc, embedded, zero set-up):
 * the worked example of the plugin-author guide (docs/sqlite-plugin.md). It is
 * registered through {@code META-INF/services/io.kubedl.persist.spi.PersistProvider}
 * under the name {@code sqlite} and certified by the TCK with one class.
 *
 * <p>Only {@link io.kubedl.persist.examples.sqlite.SqliteProvider} is public; the
 * store and its halves are package-private because users reach them through the SPI.
 */
package io.kubedl.persist.examples.sqlite;
