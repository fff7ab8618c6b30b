/**
 * The settings of the MySQL provider: {@link io.kubedl.persist.mysql.config.MySqlSettings}
 * maps a {@link io.kubedl.persist.config.StorageConfig} to the driver and pool settings
 * (option names, defaults, limits), with the TLS and migration modes. Pure values: this
 * package opens nothing and depends on neither the entry points nor the engine, so the
 * engine ({@code mysql.internal}) can read settings without a package cycle.
 */
package io.kubedl.persist.mysql.config;
