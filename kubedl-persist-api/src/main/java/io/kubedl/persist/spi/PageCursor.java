package io.kubedl.persist.spi;

import io.kubedl.persist.InvalidPageTokenException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Encodes and decodes opaque keyset page tokens (rule Q3). A token holds the filter
 * fingerprint of the query that issued it and the sort key of the last row returned;
 * decoding refuses a token of another filter, a token of another shape, and a token
 * whose checksum does not match (a hand-edited token).
 *
 * <p>Providers choose what the position is (e.g. gmtCreated and a row id) and bind
 * every value of it as an SQL parameter: a token is input from the outside.
 *
 * <p>The checksum (CRC32) catches tokens that were cut, mistyped or edited by hand; it
 * is not a signature: anyone can compute it, so a token with a valid checksum may still
 * hold any value. Read position values only with {@link #number} and
 * {@link #epochSecond}, which refuse what no store could have issued with
 * {@link InvalidPageTokenException}, never another exception.
 */
public final class PageCursor {
    private static final byte FORMAT = 1;

    private PageCursor() {
    }

    /**
     * @param fingerprint the query's filter fingerprint
     * @param position the sort key of the last row of the page
     * @return an opaque URL-safe token
     */
    public static String encode(String fingerprint, List<String> position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(fingerprint);
            out.writeByte(position.size());
            for (String part : position) {
                out.writeUTF(part);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] token = new byte[body.length + 4];
        System.arraycopy(body, 0, token, 0, body.length);
        long sum = crc.getValue();
        for (int i = 0; i < 4; i++) {
            token[body.length + i] = (byte) (sum >>> (24 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * @param token a token from {@link #encode}
     * @param fingerprint the filter fingerprint of the query it is used with
     * @param parts how many position values the provider's tokens hold
     * @return the position values
     * @throws InvalidPageTokenException when the token is malformed, tampered with, or of another filter
     */
    public static List<String> decode(String token, String fingerprint, int parts) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageTokenException("is not a token this store issued (not base64url)");
        }
        if (raw.length < 5) {
            throw new InvalidPageTokenException("is not a token this store issued (too short)");
        }
        CRC32 crc = new CRC32();
        crc.update(raw, 0, raw.length - 4);
        long sum = 0;
        for (int i = raw.length - 4; i < raw.length; i++) {
            sum = (sum << 8) | (raw[i] & 0xff);
        }
        if (sum != crc.getValue()) {
            throw new InvalidPageTokenException("is not a token this store issued (checksum mismatch)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw, 0, raw.length - 4))) {
            if (in.readByte() != FORMAT) {
                throw new InvalidPageTokenException("has an unknown format");
            }
            if (!in.readUTF().equals(fingerprint)) {
                throw new InvalidPageTokenException("was issued for a different filter; start again from the first page");
            }
            int count = in.readByte();
            if (count != parts) {
                throw new InvalidPageTokenException("is not a token of this listing (" + count + " key parts, expected " + parts + ")");
            }
            List<String> position = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                position.add(in.readUTF());
            }
            if (in.available() > 0) {
                throw new InvalidPageTokenException("has trailing bytes");
            }
            return position;
        } catch (IOException e) {
            throw new InvalidPageTokenException("is truncated");
        }
    }

    /**
     * @param part a position value that holds a whole number (a row id, an index)
     * @return the number
     * @throws InvalidPageTokenException when it is not a decimal 64-bit number
     */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidPageTokenException("is not a token of this listing (bad position)");
        }
    }

    /**
     * @param part a position value that holds an instant as epoch seconds
     * @param limits the store's limits: a stored instant lies between their earliest and latest
     * @return the instant
     * @throws InvalidPageTokenException when it is not a number or outside the store's range
     *         (no row of the store can have it, so no page of the store ends there)
     */
    public static Instant epochSecond(String part, FieldLimits limits) {
        long seconds = number(part);
        if (seconds < limits.earliest().getEpochSecond() || seconds > limits.latest().getEpochSecond()) {
            throw new InvalidPageTokenException("is not a token of this listing (position time out of range)");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
