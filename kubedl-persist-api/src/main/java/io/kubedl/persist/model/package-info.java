/**
 * Immutable records of jobs and pods, their identities, statuses, resourceVersions
 * and write outcomes. Nothing here depends on fabric8 or JDBC.
 */
package io.kubedl.persist.model;
