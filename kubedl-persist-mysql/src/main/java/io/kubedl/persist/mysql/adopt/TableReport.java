package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.mysql.schema.TableGeneration;
import java.util.List;

/**
 * What the adoption found in one KubeDL table and does with its rows. Every row seen
 * is accounted for: {@code rowsSeen == rowsKept + duplicatesDropped + softDeletedRows
 * + unconvertible.size()}.
 *
 * @param table our table name ({@code job_info} or {@code replica_info})
 * @param generation the generation of KubeDL's table (or of what holds the name)
 * @param source the table the rows are read from: the name itself before the rename,
 *        the backup ({@code ..._kubedl_backup}) after; null when there is nothing to read
 * @param rowsSeen rows read from the source
 * @param rowsKept identities copied: one row each
 * @param duplicatesDropped rows not kept because another row of their identity won
 * @param duplicates each identity with more than one row, and which row won
 * @param softDeletedRows rows of identities KubeDL's console deleted ({@code deleted}
 *        or {@code is_del} = 1): not copied, as a delete (D2) would have removed them
 * @param unconvertible rows that cannot become records, and why
 * @param nullRegions rows whose {@code deploy_region} is NULL (they get the region '')
 * @param keptInEtcd kept rows still marked in etcd (pods KubeDL never marked stopped
 *        among them): a reconcile (D3) after the first start decides
 * @param rowsCopied rows inserted by this apply (0 in a dry run)
 * @param rowsAlreadyPresent kept rows an earlier, interrupted apply had already copied
 */
public record TableReport(String table, TableGeneration generation, String source, long rowsSeen, long rowsKept,
        long duplicatesDropped, List<DuplicateIdentity> duplicates, long softDeletedRows,
        List<UnconvertibleRow> unconvertible, long nullRegions, long keptInEtcd, long rowsCopied,
        long rowsAlreadyPresent) {

    /**
     * @param table our table name
     * @param generation what holds the name
     * @return a report of a table with nothing to read
     */
    public static TableReport empty(String table, TableGeneration generation) {
        return new TableReport(table, generation, null, 0, 0, 0, List.of(), 0, List.of(), 0, 0, 0, 0);
    }

    /** @return true when every row seen is kept, dropped as a duplicate, soft-deleted or unconvertible */
    public boolean accountsForEveryRow() {
        return rowsSeen == rowsKept + duplicatesDropped + softDeletedRows + unconvertible.size();
    }

    TableReport withCopy(long copied, long alreadyPresent) {
        return new TableReport(table, generation, source, rowsSeen, rowsKept, duplicatesDropped, duplicates,
                softDeletedRows, unconvertible, nullRegions, keptInEtcd, copied, alreadyPresent);
    }
}
