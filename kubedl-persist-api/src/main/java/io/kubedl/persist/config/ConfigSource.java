package io.kubedl.persist.config;

/**
 * Where a configuration value came from, in order of precedence: a value from a
 * source higher in this list wins over one from a source below it.
 */
public enum ConfigSource {
    /** Set in code on the loader. */
    CODE,
    /** Command-line flags: {@code --meta-storage}, {@code --region}, {@code --storage-option k=v}. */
    FLAGS,
    /** Environment: MYSQL_HOST, MYSQL_PORT, MYSQL_DB_NAME, MYSQL_USER, MYSQL_PASSWORD, REGION, other MYSQL_*. */
    ENV,
    /** Files of a mounted Secret: host, port, dbName, user, password (the seed's keys). */
    SECRET_FILES,
    /**
     * A Kubernetes service link: in a namespace with a Service named {@code mysql},
     * Kubernetes sets {@code MYSQL_PORT=tcp://ADDRESS:PORT} in every pod. Its port is used
     * when no other source sets one.
     */
    SERVICE_LINK,
    /** Built-in defaults: localhost, 3306, kubedl. */
    DEFAULTS
}
