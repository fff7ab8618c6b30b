package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.mysql.internal.AdminSession;
import io.kubedl.persist.mysql.internal.AdoptionState;
import io.kubedl.persist.mysql.internal.KubedlColumns;
import io.kubedl.persist.mysql.internal.SchemaInspection;
import io.kubedl.persist.mysql.internal.SchemaMigrator;
import io.kubedl.persist.mysql.internal.TableShape;
import io.kubedl.persist.mysql.schema.TableGeneration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a database that KubeDL's Go controller filled. {@link #plan} is a dry run
 * that only reads; {@link #apply} renames KubeDL's tables to backups
 * ({@code job_info_kubedl_backup}, {@code replica_info_kubedl_backup}: the originals,
 * for a rollback), creates kubedl-persist's tables, and copies each identity's newest
 * row, converting KubeDL's local times from the zone the operator states to UTC.
 *
 * <p>Apply records each step in table {@code kubedl_adoption} before taking it, so an
 * apply interrupted anywhere (a crash, a lost connection, a missing grant) is finished
 * by running apply again with the same zone; a finished adoption makes apply a
 * no-op. Two processes applying at once are serialised by a named lock: the second
 * waits, then finds nothing to do. A controller's start refuses a database whose
 * adoption has not finished. Never run by a controller: an operator's deliberate
 * step (the ops CLI's {@code adopt}), see docs/migrating-from-kubedl.md.
 */
public final class KubedlAdoption implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KubedlAdoption.class);
    private static final int LOCK_WAIT_SECONDS = 60;
    private static final String JOB_BACKUP = KubedlColumns.JOB_TABLE + AdoptionState.BACKUP_SUFFIX;
    private static final String POD_BACKUP = KubedlColumns.POD_TABLE + AdoptionState.BACKUP_SUFFIX;

    private final MySqlSettings settings;
    private final AdminSession session;
    private boolean closed;
    /** Called after each step of apply; tests interrupt the adoption here. */
    Consumer<String> afterStep = step -> { };

    private KubedlAdoption(MySqlSettings settings, AdminSession session) {
        this.settings = settings;
        this.session = session;
    }

    /**
     * Connects as the provider would ({@link MySqlSettings}: host, port, database, user,
     * TLS); migrates and changes nothing.
     *
     * @param config the storage configuration of the database to adopt
     * @return an open adoption; close it
     * @throws ConfigurationException for bad settings, credentials or database
     * @throws PersistException when the server cannot be reached
     */
    public static KubedlAdoption open(StorageConfig config) {
        MySqlSettings settings = MySqlSettings.from(config);
        return new KubedlAdoption(settings, AdminSession.open(settings));
    }

    /**
     * Parses the zone KubeDL's controller ran in, for {@link #apply}.
     *
     * @param id a region zone id ({@code Asia/Shanghai}) or an offset ({@code +08:00}, {@code UTC})
     * @return the zone
     * @throws ConfigurationException naming the value and what is accepted
     */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("source zone is required: the time zone KubeDL's controller ran in"
                    + " (its times are local, loc=Local), e.g. Asia/Shanghai, UTC or +08:00");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new ConfigurationException("source zone '" + id + "' is not a zone id: use a region id such as"
                    + " Asia/Shanghai or Europe/Berlin (the TZ of KubeDL's controller), or an offset such as +08:00 or UTC");
        }
    }

    /**
     * A dry run: reads the tables, changes nothing.
     *
     * @param sourceZone the zone of KubeDL's local times, or null (the report then says apply needs one)
     * @return what was found and what apply will do
     * @throws PersistException when the server fails
     */
    public AdoptionReport plan(ZoneId sourceZone) {
        ensureOpen();
        try {
            Analysis analysis = analyse(session.connection(), sourceZone);
            return analysis.report(false, analysis.alreadyDone);
        } catch (SQLException e) {
            throw translate("dry run of the adoption", e);
        }
    }

    /**
     * Adopts: rename KubeDL's tables to backups, create ours, copy the rows, record done.
     * Resumable, idempotent, serialised against other processes.
     *
     * @param sourceZone the zone KubeDL's controller ran in; required
     * @return what was done
     * @throws ConfigurationException when the zone is missing, the database is in a state
     *         apply must not touch (each problem says what to do), or a grant is missing
     * @throws PersistException when the server fails (run apply again: it resumes)
     */
    public AdoptionReport apply(ZoneId sourceZone) {
        ensureOpen();
        if (sourceZone == null) {
            zone(null);
        }
        Connection c = session.connection();
        String lock = lockName(settings.database());
        try {
            lock(c, lock);
            try {
                return applyLocked(c, sourceZone);
            } finally {
                unlock(c, lock);
            }
        } catch (SQLException e) {
            throw translate("adoption", e);
        }
    }

    private AdoptionReport applyLocked(Connection c, ZoneId zone) throws SQLException {
        Analysis analysis = analyse(c, zone);
        if (!analysis.problems.isEmpty()) {
            throw new ConfigurationException("cannot adopt database " + settings.database() + ": "
                    + String.join("; ", analysis.problems));
        }
        if (analysis.nothingToDo) {
            return analysis.report(true, analysis.alreadyDone);
        }
        LOG.info("adopting KubeDL's tables in {}: source zone {}{}", session.target(), zone,
                analysis.resumedStep == null ? "" : ", resuming at step " + analysis.resumedStep);
        if (analysis.resumedStep == null) {
            AdoptionState.record(c, AdoptionState.RENAMING, zone.getId());
        }
        List<String> renames = new ArrayList<>();
        if (KubedlColumns.JOB_TABLE.equals(analysis.jobs.source())) {
            renames.add(KubedlColumns.JOB_TABLE + " TO " + JOB_BACKUP);
        }
        if (KubedlColumns.POD_TABLE.equals(analysis.pods.source())) {
            renames.add(KubedlColumns.POD_TABLE + " TO " + POD_BACKUP);
        }
        if (!renames.isEmpty()) {
            try (Statement s = c.createStatement()) {
                // one statement: both tables move, or neither does
                s.execute("RENAME TABLE " + String.join(", ", renames));
            }
        }
        AdoptionState.record(c, AdoptionState.COPYING, zone.getId());
        afterStep.accept("renamed");
        new SchemaMigrator(settings.database()).migrateForAdoption(c);
        afterStep.accept("migrated");
        TableReport jobs = copy(c, analysis.jobs, JOB_BACKUP, true, analysis.keptJobs, zone);
        afterStep.accept("jobs copied");
        TableReport pods = copy(c, analysis.pods, POD_BACKUP, false, analysis.keptPods, zone);
        afterStep.accept("pods copied");
        AdoptionState.record(c, AdoptionState.DONE, zone.getId());
        LOG.info("adopted KubeDL's tables in {}: {} jobs and {} pods copied", session.target(), jobs.rowsCopied(),
                pods.rowsCopied());
        return new AdoptionReport(settings.database(), true, zone, true, false, analysis.resumedStep, jobs, pods,
                analysis.actions, List.of());
    }

    private static TableReport copy(Connection c, TableReport table, String backup, boolean jobs, Set<Long> kept,
            ZoneId zone) throws SQLException {
        if (table.source() == null) {
            return table;
        }
        TableReport read = new TableReport(table.table(), table.generation(), backup, table.rowsSeen(), table.rowsKept(),
                table.duplicatesDropped(), table.duplicates(), table.softDeletedRows(), table.unconvertible(),
                table.nullRegions(), table.keptInEtcd(), 0, 0);
        RowCopy copy = new RowCopy(c, jobs);
        new SourceScan(backup, jobs, table.generation(), zone).run(c, (id, row, problem) -> {
            if (row != null && kept.contains(id)) {
                copy.add(row);
            }
        });
        long inserted = copy.flush();
        return read.withCopy(inserted, table.rowsKept() - inserted);
    }

    /** What the tables are, what apply does, and what keeps it from running. */
    private final class Analysis {
        final List<String> problems = new ArrayList<>();
        final List<String> actions = new ArrayList<>();
        /** Why there is nothing to do, reported in place of the actions. */
        final List<String> notes = new ArrayList<>();
        final Set<Long> keptJobs = new HashSet<>();
        final Set<Long> keptPods = new HashSet<>();
        ZoneId zone;
        String resumedStep;
        boolean nothingToDo;
        boolean alreadyDone;
        TableReport jobs;
        TableReport pods;

        AdoptionReport report(boolean applied, boolean done) {
            return new AdoptionReport(settings.database(), applied, zone, done, nothingToDo, resumedStep, jobs, pods,
                    nothingToDo ? notes : actions, problems);
        }
    }

    private Analysis analyse(Connection c, ZoneId zone) throws SQLException {
        Analysis a = new Analysis();
        a.zone = zone;
        TableShape job = SchemaInspection.inspect(c, KubedlColumns.JOB_TABLE, true);
        TableShape pod = SchemaInspection.inspect(c, KubedlColumns.POD_TABLE, false);
        TableShape jobBackup = SchemaInspection.inspect(c, JOB_BACKUP, true);
        TableShape podBackup = SchemaInspection.inspect(c, POD_BACKUP, false);
        Optional<AdoptionState> state = AdoptionState.read(c);
        a.jobs = TableReport.empty(job.table(), job.generation());
        a.pods = TableReport.empty(pod.table(), pod.generation());
        boolean kubedlUnderOurNames = job.generation().isKubedl() || pod.generation().isKubedl();

        if (state.isPresent() && state.get().done()) {
            if (kubedlUnderOurNames) {
                a.problems.add("this database was adopted at " + state.get().finishedAt() + " UTC, but "
                        + (job.generation().isKubedl() ? job : pod).describe() + " is KubeDL's again: KubeDL's Go"
                        + " controller ran after the adoption and re-created it. Stop it; the adopted rows are in"
                        + " kubedl-persist's tables only if they still exist under another name. See the rollback"
                        + " section of docs/migrating-from-kubedl.md before changing anything");
            } else {
                a.nothingToDo = true;
                a.alreadyDone = true;
                a.notes.add("nothing: adopted at " + state.get().finishedAt() + " UTC from zone "
                        + state.get().sourceZone() + "; KubeDL's originals are in " + JOB_BACKUP + " and " + POD_BACKUP);
            }
            return a;
        }
        for (TableShape shape : List.of(job, pod, jobBackup, podBackup)) {
            if (shape.generation() == TableGeneration.UNKNOWN) {
                a.problems.add("table " + shape.table() + " is neither KubeDL's nor kubedl-persist's"
                        + (shape.unknownColumns().isEmpty() ? "" : " (unknown columns " + shape.unknownColumns() + ")")
                        + (shape.missingColumns().isEmpty() ? "" : " (it lacks columns " + shape.missingColumns() + ")")
                        + ": adopt reads only the tables KubeDL's gorm created; rename or restore it, or adopt"
                        + " another database");
            }
        }
        if (state.isPresent()) {
            a.resumedStep = state.get().step();
            if (zone != null && !zone.getId().equals(state.get().sourceZone())) {
                a.problems.add("the interrupted adoption started with source zone " + state.get().sourceZone()
                        + ": resume it with the same zone (times already copied were converted from it)");
            }
        } else {
            if (jobBackup.exists() || podBackup.exists()) {
                a.problems.add("backup tables (" + JOB_BACKUP + " or " + POD_BACKUP + ") exist but no adoption is"
                        + " recorded in " + AdoptionState.TABLE + ": an earlier adoption was rolled back or the tables"
                        + " were made by hand; rename them away (they may hold the only copy of KubeDL's rows)");
            }
            if (kubedlUnderOurNames && hasVersionRows(c)) {
                a.problems.add(SchemaMigrator.VERSION_TABLE + " has rows, but the tables are KubeDL's (KubeDL"
                        + " re-created them after kubedl-persist's were renamed or dropped): rename "
                        + SchemaMigrator.VERSION_TABLE + " away, then run adopt again");
            }
            if ((job.generation().isKubedl() && pod.generation() == TableGeneration.KUBEDL_PERSIST)
                    || (pod.generation().isKubedl() && job.generation() == TableGeneration.KUBEDL_PERSIST)) {
                a.problems.add("half-adopted: " + job.describe() + " and " + pod.describe() + " hold the two"
                        + " names (tables moved or restored by hand); restore KubeDL's pair (from "
                        + JOB_BACKUP + "/" + POD_BACKUP + " or a dump) so both are KubeDL's, then run adopt");
            }
        }
        String jobSource = source(a, job, jobBackup, state.isPresent());
        String podSource = source(a, pod, podBackup, state.isPresent());
        if (jobSource == null && podSource == null && a.problems.isEmpty()) {
            if (state.isPresent()) {
                a.problems.add("the adoption recorded at step " + state.get().step() + " finds neither KubeDL's"
                        + " tables nor their backups: restore " + JOB_BACKUP + " and " + POD_BACKUP + ", then run"
                        + " adopt again");
            } else {
                a.nothingToDo = true;
                a.notes.add("nothing: no KubeDL table in this database (" + job.describe() + ", " + pod.describe() + ")");
            }
            return a;
        }
        ZoneId mapping = zone != null ? zone : ZoneOffset.UTC;
        if (jobSource != null) {
            TableGeneration g = (jobSource.equals(job.table()) ? job : jobBackup).generation();
            a.jobs = tally(c, KubedlColumns.JOB_TABLE, jobSource, true, g, mapping, a.keptJobs);
        }
        if (podSource != null) {
            TableGeneration g = (podSource.equals(pod.table()) ? pod : podBackup).generation();
            a.pods = tally(c, KubedlColumns.POD_TABLE, podSource, false, g, mapping, a.keptPods);
        }
        List<String> renames = new ArrayList<>();
        if (job.table().equals(jobSource)) {
            renames.add(job.table() + " to " + JOB_BACKUP);
        }
        if (pod.table().equals(podSource)) {
            renames.add(pod.table() + " to " + POD_BACKUP);
        }
        if (!renames.isEmpty()) {
            a.actions.add("rename " + String.join(" and ", renames) + " (the originals, kept for a rollback)");
        }
        a.actions.add("create kubedl-persist's tables job_info and replica_info (schema migrations up to V"
                + new SchemaMigrator(settings.database()).expectedVersion() + ")");
        a.actions.add("copy " + a.jobs.rowsKept() + " jobs and " + a.pods.rowsKept() + " pods (one row per identity,"
                + " times converted from " + (zone == null ? "the source zone" : zone) + " to UTC)");
        a.actions.add("record the adoption as done in " + AdoptionState.TABLE);
        return a;
    }

    private static String source(Analysis a, TableShape main, TableShape backup, boolean adoptionRecorded) {
        if (main.generation().isKubedl()) {
            if (backup.exists()) {
                a.problems.add("both " + main.describe() + " and its backup " + backup.table() + " exist: KubeDL's"
                        + " controller re-created its table during the adoption; stop it, rename " + main.table()
                        + " away (e.g. " + main.table() + "_kubedl_late) and run adopt again; copy that table's rows"
                        + " by hand if you need them");
                return null;
            }
            return main.table();
        }
        if (adoptionRecorded && backup.generation().isKubedl()) {
            return backup.table();
        }
        return null;
    }

    private static TableReport tally(Connection c, String table, String source, boolean jobs, TableGeneration generation,
            ZoneId zone, Set<Long> kept) throws SQLException {
        IdentityTally tally = new IdentityTally();
        new SourceScan(source, jobs, generation, zone).run(c, (id, row, problem) -> tally.add(id, row, problem,
                row == null ? nullRegion(c, source, id) : row.nullRegion()));
        return tally.report(table, generation, source, kept);
    }

    private static boolean nullRegion(Connection c, String table, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT deploy_region IS NULL FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean hasVersionRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, SchemaMigrator.VERSION_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SchemaMigrator.VERSION_TABLE)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private void lock(Connection c, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, lock);
            ps.setInt(2, LOCK_WAIT_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new ConfigurationException("another process is adopting database " + settings.database()
                            + " (lock '" + lock + "' still held after " + LOCK_WAIT_SECONDS + " s); let it finish, then"
                            + " run adopt again: it resumes or finds nothing to do");
                }
            }
        }
    }

    private static void unlock(Connection c, String lock) {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lock);
            ps.executeQuery().close();
        } catch (SQLException e) {
            // the connection is gone, and a named lock dies with its session
            LOG.debug("could not release adoption lock {}: {}", lock, e.getMessage());
        }
    }

    /** Named locks are server-wide and at most 64 characters: scope by database, hash when long. */
    static String lockName(String database) {
        String name = "kubedl_persist_adopt." + database;
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return "kubedl_persist_adopt." + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private PersistException translate(String operation, SQLException e) {
        int code = e.getErrorCode();
        // table or command denied (1142, 1143), database denied (1044), privilege needed (1227)
        if (code == 1142 || code == 1143 || code == 1044 || code == 1227) {
            return new ConfigurationException("missing grant for the adoption of database " + settings.database()
                    + " as " + settings.user() + ": " + session.clean(e.getMessage()) + ". adopt needs SELECT, INSERT,"
                    + " UPDATE, DELETE, CREATE, ALTER, DROP and INDEX on the database (RENAME TABLE needs ALTER and"
                    + " DROP). Nothing was lost: KubeDL's rows are in their tables or backups; grant them and run"
                    + " adopt again, it resumes");
        }
        return session.translate(operation, e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this KubedlAdoption is closed");
        }
    }

    /** Closes the connection (a held lock dies with it). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
