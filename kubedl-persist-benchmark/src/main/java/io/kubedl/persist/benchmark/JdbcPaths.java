package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.ResourceVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The three write paths that bypass the provider: plain JDBC on one autocommit
 * connection, as a user would write them.
 */
final class JdbcPaths {
    private JdbcPaths() {
    }

    /** Naive: one autocommit guarded upsert (or removal UPDATE) per event. */
    static final class NaiveUpsert implements WritePath {
        @Override
        public String name() {
            return "naive upsert per event (JDBC)";
        }

        @Override
        public PathResult run(EventStream stream, BenchDatabase db) throws SQLException {
            LatencySamples latency = new LatencySamples();
            long rows = 0;
            HeapPeak.reset();
            long started = System.nanoTime();
            try (Connection c = db.connect();
                 PreparedStatement jobUpsert = c.prepareStatement(BaselineSql.JOBS.upsert());
                 PreparedStatement podUpsert = c.prepareStatement(BaselineSql.PODS.upsert());
                 PreparedStatement jobRemove = c.prepareStatement(BaselineSql.JOBS.markRemoved());
                 PreparedStatement podRemove = c.prepareStatement(BaselineSql.PODS.markRemoved())) {
                for (ClusterEvent event : stream.events()) {
                    long t = System.nanoTime();
                    if (event instanceof ClusterEvent.JobSaved e) {
                        RowMapping.JOBS.bind(jobUpsert, 1, e.job());
                        jobUpsert.executeUpdate();
                    } else if (event instanceof ClusterEvent.PodSaved e) {
                        RowMapping.PODS.bind(podUpsert, 1, e.pod());
                        podUpsert.executeUpdate();
                    } else if (event instanceof ClusterEvent.JobRemoved e) {
                        remove(jobRemove, e.key().region(), e.key().jobId(), e.at());
                    } else if (event instanceof ClusterEvent.PodRemoved e) {
                        remove(podRemove, e.key().region(), e.key().podId(), e.at());
                    }
                    latency.since(t);
                    rows++;
                }
            }
            return new PathResult(name(), stream.events().size(), rows, System.nanoTime() - started, latency,
                    HeapPeak.mebibytes(), "");
        }
    }

    /** KubeDL-style: SELECT the row, then INSERT or UPDATE it in Java's judgement, per event. */
    static final class SelectThenWrite implements WritePath {
        @Override
        public String name() {
            return "KubeDL-style select+insert/update";
        }

        @Override
        public PathResult run(EventStream stream, BenchDatabase db) throws SQLException {
            LatencySamples latency = new LatencySamples();
            long rows = 0;
            HeapPeak.reset();
            long started = System.nanoTime();
            try (Connection c = db.connect();
                 Statements jobs = new Statements(c, BaselineSql.JOBS);
                 Statements pods = new Statements(c, BaselineSql.PODS)) {
                for (ClusterEvent event : stream.events()) {
                    long t = System.nanoTime();
                    boolean wrote;
                    if (event instanceof ClusterEvent.JobSaved e) {
                        wrote = jobs.save(RowMapping.JOBS, e.job(), e.job().region(), e.job().jobId(),
                                e.job().version());
                    } else if (event instanceof ClusterEvent.PodSaved e) {
                        wrote = pods.save(RowMapping.PODS, e.pod(), e.pod().region(), e.pod().podId(),
                                e.pod().version());
                    } else if (event instanceof ClusterEvent.JobRemoved e) {
                        wrote = jobs.remove(e.key().region(), e.key().jobId(), e.at());
                    } else {
                        ClusterEvent.PodRemoved e = (ClusterEvent.PodRemoved) event;
                        wrote = pods.remove(e.key().region(), e.key().podId(), e.at());
                    }
                    latency.since(t);
                    rows += wrote ? 1 : 0;
                }
            }
            return new PathResult(name(), stream.events().size(), rows, System.nanoTime() - started, latency,
                    HeapPeak.mebibytes(), "2 round trips per written event");
        }

        /** The prepared statements of one table. */
        private static final class Statements implements AutoCloseable {
            private final BaselineSql sql;
            private final PreparedStatement select;
            private final PreparedStatement insert;
            private final PreparedStatement update;
            private final PreparedStatement remove;

            Statements(Connection c, BaselineSql sql) throws SQLException {
                this.sql = sql;
                select = c.prepareStatement(sql.select());
                insert = c.prepareStatement(sql.insert());
                update = c.prepareStatement(sql.update());
                remove = c.prepareStatement(sql.markRemoved());
            }

            <R> boolean save(RowMapping<R> mapping, R record, String region, String id, ResourceVersion version)
                    throws SQLException {
                select.setString(1, region);
                select.setString(2, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        mapping.bind(insert, 1, record);
                        insert.executeUpdate();
                        return true;
                    }
                    if (rs.getInt(2) == 0 || !version.isNewerThan(ResourceVersion.of(rs.getString(1)))) {
                        return false;
                    }
                }
                int i = 1;
                update.setObject(i++, mapping.valueOf("status", record));
                update.setObject(i++, mapping.valueOf("gmt_modified", record));
                for (String column : sql.mutable()) {
                    update.setObject(i++, mapping.valueOf(column, record));
                }
                for (String column : sql.sticky()) {
                    update.setObject(i++, mapping.valueOf(column, record));
                }
                update.setObject(i++, mapping.valueOf("status", record));
                update.setObject(i++, mapping.valueOf("version", record));
                update.setString(i++, region);
                update.setString(i, id);
                update.executeUpdate();
                return true;
            }

            boolean remove(String region, String id, Instant at) throws SQLException {
                select.setString(1, region);
                select.setString(2, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getInt(2) == 0) {
                        return false;
                    }
                }
                JdbcPaths.remove(remove, region, id, at);
                return true;
            }

            @Override
            public void close() throws SQLException {
                try (select; insert; update; remove) {
                    // closes all four, in reverse order
                }
            }
        }
    }

    /** The ceiling: the final rows only, inserted by multi-row INSERTs into the empty tables; no semantics. */
    static final class Ceiling implements WritePath {
        private final int rowsPerStatement;

        Ceiling(int rowsPerStatement) {
            this.rowsPerStatement = rowsPerStatement;
        }

        @Override
        public String name() {
            return "ceiling: multi-row INSERT of final rows";
        }

        @Override
        public PathResult run(EventStream stream, BenchDatabase db) throws SQLException {
            LatencySamples latency = new LatencySamples();
            HeapPeak.reset();
            long started = System.nanoTime();
            try (Connection c = db.connect()) {
                insertAll(c, BaselineSql.JOBS, RowMapping.JOBS, new ArrayList<>(stream.finalJobs().values()), latency);
                insertAll(c, BaselineSql.PODS, RowMapping.PODS, new ArrayList<>(stream.finalPods().values()), latency);
            }
            return new PathResult(name(), stream.events().size(), stream.finalRows(), System.nanoTime() - started,
                    latency, HeapPeak.mebibytes(), rowsPerStatement + " rows per INSERT");
        }

        private <R> void insertAll(Connection c, BaselineSql sql, RowMapping<R> mapping, List<R> rows,
                                   LatencySamples latency) throws SQLException {
            for (int from = 0; from < rows.size(); from += rowsPerStatement) {
                List<R> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
                long t = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(sql.insertRows(chunk.size()))) {
                    int index = 1;
                    for (R row : chunk) {
                        index = mapping.bind(insert, index, row);
                    }
                    insert.executeUpdate();
                }
                latency.since(t);
            }
        }
    }

    static void remove(PreparedStatement remove, String region, String id, Instant at) throws SQLException {
        Object when = RowMapping.sqlValue(at);
        remove.setObject(1, when);
        remove.setObject(2, when);
        remove.setObject(3, when);
        remove.setString(4, region);
        remove.setString(5, id);
        remove.executeUpdate();
    }
}
