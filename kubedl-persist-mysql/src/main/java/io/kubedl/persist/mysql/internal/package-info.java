/**
 * The engine of the MySQL provider: the store, its job and pod tables, the schema
 * migrator and the SQL they run. Not part of the API: anything here may change in
 * any release.
 */
package io.kubedl.persist.mysql.internal;
