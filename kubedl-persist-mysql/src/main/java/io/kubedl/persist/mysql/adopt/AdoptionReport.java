package io.kubedl.persist.mysql.adopt;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an adoption of KubeDL's tables found and will do (a dry run) or did (an
 * apply). Immutable. Every row seen is accounted for in {@link #jobs()} and
 * {@link #pods()}; {@link #lines()} prints it all for an operator.
 */
public final class AdoptionReport {
    private static final int LISTED = 20;

    private final String database;
    private final boolean applied;
    private final ZoneId sourceZone;
    private final boolean done;
    private final boolean nothingToDo;
    private final String resumedStep;
    private final TableReport jobs;
    private final TableReport pods;
    private final List<String> actions;
    private final List<String> problems;

    AdoptionReport(String database, boolean applied, ZoneId sourceZone, boolean done, boolean nothingToDo,
            String resumedStep, TableReport jobs, TableReport pods, List<String> actions, List<String> problems) {
        this.database = database;
        this.applied = applied;
        this.sourceZone = sourceZone;
        this.done = done;
        this.nothingToDo = nothingToDo;
        this.resumedStep = resumedStep;
        this.jobs = jobs;
        this.pods = pods;
        this.actions = List.copyOf(actions);
        this.problems = List.copyOf(problems);
    }

    /** @return the database adopted */
    public String database() { return database; }
    /** @return true for the report of an apply, false for a dry run */
    public boolean applied() { return applied; }
    /** @return the zone KubeDL's local times are converted from; empty in a dry run without one */
    public Optional<ZoneId> sourceZone() { return Optional.ofNullable(sourceZone); }
    /** @return true when the database is adopted (by this apply, or found so) */
    public boolean done() { return done; }
    /** @return true when there was nothing to adopt: already adopted, or no KubeDL table */
    public boolean nothingToDo() { return nothingToDo; }
    /** @return the step an interrupted adoption had reached and this one resumes from, if any */
    public Optional<String> resumedStep() { return Optional.ofNullable(resumedStep); }
    /** @return the figures of KubeDL's job table */
    public TableReport jobs() { return jobs; }
    /** @return the figures of KubeDL's pod table */
    public TableReport pods() { return pods; }
    /** @return the steps apply takes (dry run) or took (apply), in order; when there is nothing to do, why */
    public List<String> actions() { return actions; }
    /** @return what keeps apply from running, each with what to do; empty when it can run */
    public List<String> problems() { return problems; }
    /** @return true when apply can run: no problem, and a source zone given */
    public boolean canApply() { return problems.isEmpty() && sourceZone != null; }

    /** @return the report as lines for a terminal: state, zone, per-table figures, duplicates, refusals, steps */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add((applied ? "adoption of KubeDL's tables in database " : "dry run: adoption of KubeDL's tables in database ")
                + database + (done ? ": done" : nothingToDo ? ": nothing to do" : ""));
        out.add(sourceZone != null ? "source zone: " + sourceZone + " (KubeDL's local times are converted from it to UTC)"
                : "source zone: not given; apply requires it (the zone KubeDL's controller ran in, e.g. Asia/Shanghai)");
        if (resumedStep != null) {
            out.add("an earlier adoption stopped at step '" + resumedStep + "': " + (applied ? "resumed" : "apply resumes it"));
        }
        for (TableReport t : List.of(jobs, pods)) {
            table(out, t);
        }
        for (String p : problems) {
            out.add("cannot apply: " + p);
        }
        for (String a : actions) {
            out.add(nothingToDo ? "does " + a : (applied ? "did: " : "will: ") + a);
        }
        return List.copyOf(out);
    }

    private void table(List<String> out, TableReport t) {
        if (t.source() == null) {
            out.add(t.table() + ": " + t.generation().label() + ", nothing to read");
            return;
        }
        out.add(t.table() + ": " + t.generation().label() + " (read from " + t.source() + "), " + t.rowsSeen()
                + " rows: " + t.rowsKept() + " kept, " + t.duplicatesDropped() + " duplicates dropped (newest"
                + " resourceVersion wins), " + t.softDeletedRows() + " deleted in KubeDL (deleted = 1, not copied), "
                + t.unconvertible().size() + " cannot be converted; " + t.nullRegions() + " with NULL deploy_region"
                + " (region ''); " + t.keptInEtcd() + " kept rows still marked in etcd (a reconcile decides)"
                + (applied ? "; " + t.rowsCopied() + " copied now, " + t.rowsAlreadyPresent() + " already copied" : ""));
        int n = 0;
        for (DuplicateIdentity d : t.duplicates()) {
            if (n++ == LISTED) {
                out.add("  ... and " + (t.duplicates().size() - LISTED) + " more duplicate identities");
                break;
            }
            out.add("  duplicate " + d.uid() + " region '" + d.region() + "': row " + d.keptId() + " (version "
                    + d.keptVersion() + ") kept, rows " + d.droppedIds() + " dropped");
        }
        n = 0;
        for (UnconvertibleRow u : t.unconvertible()) {
            if (n++ == LISTED) {
                out.add("  ... and " + (t.unconvertible().size() - LISTED) + " more rows that cannot be converted");
                break;
            }
            out.add("  row " + u.id() + " cannot be converted: " + u.reason() + " (kept in the backup table)");
        }
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
