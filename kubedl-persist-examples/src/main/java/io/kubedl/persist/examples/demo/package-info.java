/**
 * The README demo: replays the recorded watch events of a TFJob and a PyTorchJob with
 * their pods into a store chosen with {@code --meta-storage} (MySQL by default, an
 * embedded MariaDB when MYSQL_HOST is unset), then prints what was stored and a query.
 * Run it with {@code ./demo} at the repository root.
 */
package io.kubedl.persist.examples.demo;
