package io.kubedl.persist.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.reliability.logging.CapturingAppender;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after every other class of this module (junit-platform.properties orders
 * classes by {@link Order}) and checks what the DEBUG capture saw during the whole
 * run: every event of every logger, throwables included, against every password any
 * test configured (users created for the secret and privilege tests, trust-store
 * passwords, the test server's own when it has one).
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverLoggedInWholeRunTest {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsNeverLoggedInWholeRunTest.class);

    @Test
    void noRegisteredPasswordAppearsInAnyLogEventOfTheRun() {
        LOG.info("SECRETS whole run: {} log events captured at DEBUG and up, {} passwords checked, {} leaks",
                CapturingAppender.eventCount(), CapturingAppender.secrets().size(), CapturingAppender.leaks().size());
        assertThat(CapturingAppender.installed()).as("the DEBUG capture is installed").isTrue();
        assertThat(CapturingAppender.eventCount()).isPositive();
        assertThat(CapturingAppender.leaks()).as("log events holding a password").isEmpty();
    }
}
