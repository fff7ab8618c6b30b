package io.kubedl.persist.mysql.adopt;

/**
 * A row of a KubeDL table that cannot become a record (a missing UID, a version that
 * is not a resourceVersion, a missing creation time, ...): not copied, counted, and
 * kept in the backup table.
 *
 * @param id the row's id in KubeDL's table
 * @param reason why, naming the column
 */
public record UnconvertibleRow(long id, String reason) {
}
