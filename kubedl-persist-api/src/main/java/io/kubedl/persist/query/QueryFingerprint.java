package io.kubedl.persist.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short digest of a query's filters, so a page token can be bound to the filter that issued it. */
final class QueryFingerprint {
    private final StringBuilder canonical = new StringBuilder();

    QueryFingerprint add(String name, Object value) {
        // length-prefixed so that no two different filters produce the same text
        String text = value == null ? "" : value.toString();
        canonical.append(name).append('=').append(value == null ? -1 : text.length()).append(':').append(text).append(';');
        return this;
    }

    String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
