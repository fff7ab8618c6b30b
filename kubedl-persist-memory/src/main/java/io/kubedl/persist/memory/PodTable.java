package io.kubedl.persist.memory;

import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.spi.RecordValidator;
import io.kubedl.persist.spi.RowRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The pod rows: which fields a newer version replaces and which never change (W2, W7). */
class PodTable extends MemoryTable<PodKey, PodRecord> {

    PodTable(RecordValidator validator, Clock clock) {
        super(validator, clock);
    }

    @Override
    PodKey key(PodRecord pod) {
        return pod.key();
    }

    @Override
    ResourceVersion version(PodRecord pod) {
        return pod.version();
    }

    @Override
    boolean inEtcd(PodRecord pod) {
        return pod.inEtcd();
    }

    @Override
    String describe(PodRecord pod) {
        return "pod " + pod.namespace() + "/" + pod.name() + " (" + pod.key() + ")";
    }

    @Override
    PodRecord checked(PodRecord pod) {
        return validator.check(pod);
    }

    @Override
    List<PodRecord> checkedAll(List<PodRecord> pods) {
        return List.copyOf(validator.checkAll(pods, "pods"));
    }

    @Override
    PodRecord inserted(PodRecord pod) {
        return RowRules.inserted(pod);
    }

    @Override
    PodRecord updated(PodRecord stored, PodRecord in, Instant now) {
        return RowRules.merged(stored, in, now);
    }

    @Override
    PodRecord removed(PodRecord stored, Instant at) {
        return RowRules.removed(stored, at);
    }
}
