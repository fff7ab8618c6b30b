package io.kubedl.persist.reliability.secrets;

import io.kubedl.persist.reliability.logging.CapturingAppender;
import io.kubedl.persist.testkit.TestDatabase;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Creates, through the test kit, a database user with a fresh random password and
 * chosen grants on one test database (dropped with the database). The password is
 * registered with the log capture, so that any log line of the run that holds it is
 * a failure. A server on which the test kit's user may not create users yields no
 * user (tests skip then).
 */
final class DatabaseUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseUsers() {
    }

    /**
     * A created user.
     *
     * @param name the user name
     * @param password its password; never log it
     */
    record User(String name, String password) {
        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /**
     * @param database the database the grants are on
     * @param grants e.g. {@code SELECT, INSERT, UPDATE, DELETE}
     * @return the user, or empty when the server refuses CREATE USER
     */
    static Optional<User> create(TestDatabase database, String grants) {
        // characters that need escaping in URLs and shells, so that an unescaped copy would show
        String password = "Pw;&=%" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + "!x";
        CapturingAppender.registerSecret(password);
        try {
            return Optional.of(new User(database.createUser(password, grants), password));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
