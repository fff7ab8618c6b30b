package io.kubedl.persist.reliability.badinput;

import java.util.concurrent.atomic.AtomicInteger;

/** Hands out UIDs and names no other row of the test uses, so catalogue rows never interfere. */
public final class UniqueIds {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    /** @param prefix start of every id, unique per test class */
    public UniqueIds(String prefix) {
        this.prefix = prefix;
    }

    /** @return a fresh id, e.g. {@code bad-17} */
    public String next() {
        return prefix + "-" + next.incrementAndGet();
    }
}
