/**
 * The operator's command line {@code kubedl-persist}: migrate and validate the schema,
 * adopt a KubeDL database, purge old history, list and show jobs and pods. The entry point is
 * {@link io.kubedl.persist.cli.KubedlPersistCli}; the commands are picocli classes of
 * this package and are not an API.
 */
package io.kubedl.persist.cli;
