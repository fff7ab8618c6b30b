package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * How a record maps to the columns of the provider's tables, for the plain-JDBC
 * paths (naive, KubeDL-style, ceiling) and the final-table check. The column names
 * are the seed's (SPEC "MySQL schema"); the table names are the provider's.
 *
 * @param <R> JobRecord or PodRecord
 * @param table the table name
 * @param idColumn the column of the UID (job_id or pod_id)
 * @param columns every column written, in bind order, with how to read it from a record
 * @param projection the columns compared by the final-table check, in order
 */
record RowMapping<R>(String table, String idColumn, List<Column<R>> columns, List<String> projection) {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Job table name of the MySQL provider. */
    static final String JOB_TABLE = "job_info";
    /** Pod table name of the MySQL provider. */
    static final String POD_TABLE = "replica_info";

    /** @param name column name @param value how to read it; Instants are bound as UTC DATETIME */
    record Column<R>(String name, Function<R, Object> value) {
    }

    static final RowMapping<JobRecord> JOBS = new RowMapping<>(JOB_TABLE, "job_id", List.of(
            new Column<>("deploy_region", JobRecord::region),
            new Column<>("job_id", JobRecord::jobId),
            new Column<>("name", JobRecord::name),
            new Column<>("namespace", JobRecord::namespace),
            new Column<>("kind", JobRecord::kind),
            new Column<>("version", j -> j.version().value()),
            new Column<>("status", j -> j.status().value()),
            new Column<>("resources", JobRecord::resources),
            new Column<>("tenant", JobRecord::tenant),
            new Column<>("owner", JobRecord::owner),
            new Column<>("is_in_etcd", j -> j.inEtcd() ? 1 : 0),
            new Column<>("remark", JobRecord::remark),
            new Column<>("gmt_created", JobRecord::gmtCreated),
            new Column<>("gmt_modified", JobRecord::gmtModified),
            new Column<>("gmt_running", JobRecord::gmtRunning),
            new Column<>("gmt_finished", JobRecord::gmtFinished)),
            List.of("deploy_region", "job_id", "name", "namespace", "kind", "version", "status", "is_in_etcd",
                    "gmt_created", "gmt_running", "gmt_finished"));

    static final RowMapping<PodRecord> PODS = new RowMapping<>(POD_TABLE, "pod_id", List.of(
            new Column<>("deploy_region", PodRecord::region),
            new Column<>("pod_id", PodRecord::podId),
            new Column<>("name", PodRecord::name),
            new Column<>("namespace", PodRecord::namespace),
            new Column<>("job_id", PodRecord::jobId),
            new Column<>("version", p -> p.version().value()),
            new Column<>("status", p -> p.status().value()),
            new Column<>("image", PodRecord::image),
            new Column<>("replica_type", PodRecord::replicaType),
            new Column<>("replica_index", PodRecord::replicaIndex),
            new Column<>("resources", PodRecord::resources),
            new Column<>("host_ip", PodRecord::hostIp),
            new Column<>("pod_ip", PodRecord::podIp),
            new Column<>("is_in_etcd", p -> p.inEtcd() ? 1 : 0),
            new Column<>("remark", PodRecord::remark),
            new Column<>("gmt_created", PodRecord::gmtCreated),
            new Column<>("gmt_modified", PodRecord::gmtModified),
            new Column<>("gmt_started", PodRecord::gmtStarted),
            new Column<>("gmt_finished", PodRecord::gmtFinished)),
            List.of("deploy_region", "pod_id", "name", "namespace", "job_id", "version", "status", "host_ip",
                    "pod_ip", "is_in_etcd", "gmt_created", "gmt_started", "gmt_finished"));

    /** @return the column names joined by commas */
    String columnList() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    /** @return one row of placeholders, e.g. (?, ?, ?) */
    String placeholders() {
        return "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /**
     * Binds all columns of a record from parameter index {@code first}.
     *
     * @return the next free parameter index
     */
    int bind(PreparedStatement statement, int first, R record) throws SQLException {
        int index = first;
        for (Column<R> column : columns) {
            statement.setObject(index++, sqlValue(column.value().apply(record)));
        }
        return index;
    }

    /** @return the value as JDBC should bind it: Instants as UTC LocalDateTime */
    static Object sqlValue(Object value) {
        return value instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }

    /** @return a SELECT of the projection, DATETIME columns formatted as {@link #text} formats Instants */
    String projectionQuery() {
        List<String> select = projection.stream().map(c -> c.startsWith("gmt_")
                ? "DATE_FORMAT(" + c + ", '%Y-%m-%d %H:%i:%s')" : c).toList();
        return "SELECT " + String.join(", ", select) + " FROM " + table + " ORDER BY deploy_region, " + idColumn;
    }

    /** @return the projection of a record as the check reads it back from the table */
    String projectionOf(R record) {
        StringBuilder row = new StringBuilder();
        for (String name : projection) {
            Object value = columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                    .value().apply(record);
            row.append(text(value)).append('|');
        }
        return row.toString();
    }

    /** @param column a column name @param record a record @return the value bound for that column */
    Object valueOf(String column, R record) {
        for (Column<R> c : columns) {
            if (c.name().equals(column)) {
                return sqlValue(c.value().apply(record));
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + table);
    }

    /** @return a value as the check compares it: DATETIME as yyyy-MM-dd HH:mm:ss, null as \N */
    static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        return value.toString();
    }
}
