package io.kubedl.persist.memory;

import io.kubedl.persist.spi.RecordValidator;
import java.time.Clock;

/**
 * How an {@link InMemoryMetaStore} is assembled. The defaults are the reference
 * behaviour; the TCK's self-test in this module's tests assembles deliberately
 * broken variants from overridden parts. Not API.
 */
interface MemoryParts {
    MemoryParts REFERENCE = new MemoryParts() {
    };

    default StoreGate gate() {
        return new StoreGate();
    }

    default JobTable jobTable(RecordValidator validator, Clock clock) {
        return new JobTable(validator, clock);
    }

    default PodTable podTable(RecordValidator validator, Clock clock) {
        return new PodTable(validator, clock);
    }

    default InMemoryJobs jobs(StoreGate gate, JobTable jobs, PodTable pods) {
        return new InMemoryJobs(gate, jobs, pods);
    }

    default InMemoryPods pods(StoreGate gate, PodTable pods) {
        return new InMemoryPods(gate, pods);
    }
}
