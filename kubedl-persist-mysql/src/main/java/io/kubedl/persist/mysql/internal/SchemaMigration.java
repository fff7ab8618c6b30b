package io.kubedl.persist.mysql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script, {@code V<n>__<description>.sql} under
 * {@code io/kubedl/persist/mysql/migrations/}. Scripts are append-only: the SHA-256
 * of each applied script (line endings normalised to LF) is recorded, and a changed
 * script is refused.
 *
 * @param version the version the script brings the schema to
 * @param description what it does (from the file name)
 * @param statements the statements, split at ';' ending a line
 * @param checksum SHA-256 of the script text with LF line endings, hex
 */
record SchemaMigration(int version, String description, List<String> statements, String checksum) {
    private static final String DIRECTORY = "/io/kubedl/persist/mysql/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /**
     * Every migration, in order; a new script MUST be added here and nowhere removed.
     * (V1's header comment calls this list "SchemaMigrations"; released scripts never
     * change, not even a comment, since the checksum covers the whole text.)
     */
    static final List<String> SCRIPTS = List.of(
            "V1__create_job_info.sql",
            "V2__create_replica_info.sql",
            "V3__index_job_namespace_status.sql",
            "V4__kubedl_reader_columns.sql");

    /** @return every migration of this code, in version order */
    static List<SchemaMigration> all() {
        List<SchemaMigration> all = new ArrayList<>();
        for (String script : SCRIPTS) {
            all.add(load(script));
        }
        return List.copyOf(all);
    }

    static SchemaMigration load(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration script name must be V<n>__<words>.sql, was " + fileName);
        }
        String text;
        try (InputStream in = SchemaMigration.class.getResourceAsStream(DIRECTORY + fileName)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + fileName + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + fileName, e);
        }
        return parse(fileName, text);
    }

    /**
     * @param fileName {@code V<n>__<description>.sql}, already checked
     * @param text the script as read from the jar
     */
    static SchemaMigration parse(String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration script name must be V<n>__<words>.sql, was " + fileName);
        }
        String lf = withLfLineEndings(text);
        return new SchemaMigration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), split(lf), sha256(lf));
    }

    /**
     * The script as an LF checkout holds it: a checkout with CRLF (git's autocrlf), CR or
     * a byte-order mark MUST give the same checksum, or a jar built from it would refuse
     * every database an LF build migrated. LF text is unchanged, so the checksums that
     * 0.1 recorded (SHA-256 of the LF script) still match.
     */
    private static String withLfLineEndings(String text) {
        String noBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return noBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
