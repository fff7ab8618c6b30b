package io.kubedl.persist.memory;

import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.spi.RecordValidator;
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
        return pod.gmtModified() != null ? pod : pod.toBuilder().gmtModified(pod.gmtCreated()).build();
    }

    @Override
    PodRecord updated(PodRecord stored, PodRecord in, Instant now) {
        boolean statusChanged = !in.status().equals(stored.status());
        return stored.toBuilder()
                .version(in.version())
                .status(in.status())
                .image(in.image())
                .replicaType(in.replicaType())
                .resources(in.resources())
                .hostIp(in.hostIp())
                .podIp(in.podIp())
                .remark(in.remark())
                .inEtcd(in.inEtcd())
                .gmtStarted(coalesce(in.gmtStarted(), stored.gmtStarted()))
                .gmtFinished(coalesce(in.gmtFinished(), stored.gmtFinished()))
                .gmtModified(statusChanged ? coalesce(in.gmtModified(), now) : stored.gmtModified())
                .build();
    }

    @Override
    PodRecord removed(PodRecord stored, Instant at) {
        PodRecord.Builder removed = stored.toBuilder().inEtcd(false);
        if (stored.status().isFinished()) {
            removed.gmtFinished(coalesce(stored.gmtFinished(), at));
        } else {
            removed.status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at);
        }
        return removed.build();
    }
}
