package io.kubedl.persist.tck;

import io.kubedl.persist.model.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Saves a NEW identity and marks it removed from two threads released together, trial
 * after trial (D1 under concurrency). The contract allows two endings: markRemoved
 * answers UPDATED and the row is removed, or it answers NOT_FOUND and the save inserts
 * the row in etcd afterwards. A store that answers UNCHANGED (its UPDATE matched no row,
 * then a separate read found the row the save just committed) leaves a row "in etcd" that
 * the controller will never remove again. Both threads are awaited before a trial is judged.
 */
final class RemovalRace {
    /** A deadline against a hung store, not a performance expectation. */
    private static final long TRIAL_DEADLINE_SECONDS = 60;

    private RemovalRace() {
    }

    /**
     * One trial: the two racing calls and how to read the row's inEtcd afterwards.
     *
     * @param save saves the new identity
     * @param markRemoved marks the same identity removed
     * @param inEtcd reads the stored row's inEtcd, empty when there is no row
     */
    record Trial(Supplier<WriteOutcome> save, Supplier<WriteOutcome> markRemoved, Supplier<Optional<Boolean>> inEtcd) {
    }

    /**
     * What the trials ended as.
     *
     * @param trials how many trials ran
     * @param updated how many markRemoved answered UPDATED
     * @param notFound how many answered NOT_FOUND
     * @param violations the trials that ended otherwise, described
     */
    record Result(int trials, int updated, int notFound, List<String> violations) {
        @Override
        public String toString() {
            return "(" + trials + " trials: UPDATED " + updated + ", NOT_FOUND " + notFound + ", wrong " + violations.size()
                    + (violations.isEmpty() ? "" : ", first: " + violations.get(0)) + ")";
        }
    }

    static Result run(int trials, IntFunction<Trial> makeTrial) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        int updated = 0;
        int notFound = 0;
        List<String> violations = new ArrayList<>();
        try {
            for (int i = 0; i < trials; i++) {
                Trial trial = makeTrial.apply(i);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<WriteOutcome> saved = pool.submit(released(start, trial.save()));
                Future<WriteOutcome> removed = pool.submit(released(start, trial.markRemoved()));
                running.clear();
                running.add(saved);
                running.add(removed);
                WriteOutcome save = saved.get(TRIAL_DEADLINE_SECONDS, TimeUnit.SECONDS);
                WriteOutcome removal = removed.get(TRIAL_DEADLINE_SECONDS, TimeUnit.SECONDS);
                Optional<Boolean> inEtcd = trial.inEtcd().get();
                boolean removedNow = removal == WriteOutcome.UPDATED && inEtcd.equals(Optional.of(false));
                boolean notYet = removal == WriteOutcome.NOT_FOUND && save == WriteOutcome.INSERTED && inEtcd.equals(Optional.of(true));
                if (removedNow) {
                    updated++;
                } else if (notYet) {
                    notFound++;
                } else {
                    violations.add("trial " + i + ": save answered " + save + ", markRemoved answered " + removal
                            + ", the row's inEtcd is " + inEtcd.map(String::valueOf).orElse("(no row)"));
                }
            }
            return new Result(trials, updated, notFound, violations);
        } finally {
            WriterThreads.stop(pool, running, ContractRule.D1);
        }
    }

    private static Callable<WriteOutcome> released(CyclicBarrier start, Supplier<WriteOutcome> call) {
        return () -> {
            start.await(TRIAL_DEADLINE_SECONDS, TimeUnit.SECONDS);
            return call.get();
        };
    }
}
