package io.kubedl.persist.reliability.secrets;

import io.kubedl.persist.reliability.logging.CapturingAppender;
import io.kubedl.persist.testkit.TestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Creates a database user with a fresh random password and chosen grants on one
 * test database, and drops it on close. The password is registered with the log
 * capture, so that any log line of the run that holds it is a failure. A server on
 * which the test kit's user may not create users yields no user (tests skip then).
 */
final class DatabaseUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseUsers() {
    }

    /** A created user; closing drops it. */
    record User(TestDatabase database, String name, String password) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Connection c = database.server().connect(); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /**
     * @param database the database the grants are on
     * @param grants e.g. {@code SELECT, INSERT, UPDATE, DELETE}
     * @return the user, or empty with no user created when the server refuses CREATE USER
     */
    static Optional<User> create(TestDatabase database, String grants) {
        String name = "kd_" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        // characters that need escaping in URLs and shells, so that an unescaped copy would show
        String password = "Pw;&=%" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + "!x";
        CapturingAppender.registerSecret(password);
        try (Connection c = database.server().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT " + grants + " ON `" + database.name() + "`.* TO '" + name + "'@'%'");
            return Optional.of(new User(database, name, password));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
