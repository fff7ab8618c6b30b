package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.ResourceVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions this store has seen written, per identity, so that the events of a
 * resync (an informer re-delivering every live object with the version already written)
 * are dropped in memory instead of costing the database a read. A remembered version is
 * a lower bound of the stored one, because the store only ever moves a row to a newer
 * version (W2, W4) or removes it (W8): a save that is not newer would be UNCHANGED or
 * STALE, so dropping it changes nothing. A removal is remembered as such: every later
 * save of the identity is STALE (W8) and a second removal is a no-op (D1).
 *
 * <p>Bounded: at most {@code capacity} identities, the least recently written forgotten
 * first; forgetting costs nothing but the store's own answer to the next event. Guarded
 * by the store's lock.
 *
 * @param <K> JobKey or PodKey
 */
final class WrittenVersions<K> {
    /** Stands for "removed from etcd" (W8): newer than every version. */
    static final Object REMOVED = new Object();

    private final int capacity;
    // insertion order, re-inserted on every write: the eldest is the least recently written
    private final LinkedHashMap<K, Object> versions;

    WrittenVersions(int capacity) {
        this.capacity = capacity;
        this.versions = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Object> eldest) {
                return size() > WrittenVersions.this.capacity;
            }
        };
    }

    /** @param key the identity @param state a {@link ResourceVersion} the store holds at least, or {@link #REMOVED} */
    void remember(K key, Object state) {
        if (capacity == 0) {
            return;
        }
        versions.remove(key);
        versions.put(key, state);
    }

    /** @return true when the store is known to hold this version, a newer one, or to have removed the identity */
    boolean coversVersion(K key, ResourceVersion version) {
        Object state = versions.get(key);
        return state == REMOVED || (state != null && !version.isNewerThan((ResourceVersion) state));
    }

    /** @return true when the identity's removal was written */
    boolean isRemoved(K key) {
        return versions.get(key) == REMOVED;
    }

    int size() {
        return versions.size();
    }

    void clear() {
        versions.clear();
    }
}
