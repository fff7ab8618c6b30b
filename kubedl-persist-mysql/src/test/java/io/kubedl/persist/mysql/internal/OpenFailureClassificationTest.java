package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.sql.SQLNonTransientConnectionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Which failures at open() are TLS configuration problems (never transient: a retry
 * cannot fix them) and which stay network failures. The cases against a real server
 * are in MySqlOpenTest and the reliability module's TlsModesTest.
 */
class OpenFailureClassificationTest {

    @Test
    void aTlsModeTheServerCannotSatisfyIsConfiguration() {
        var e = new RuntimeException("pool init", new SQLNonTransientConnectionException(
                "SSL Connection required, but not provided by server.", "08001"));
        assertThat(MySqlStoreOpener.isTlsProblem(e)).isTrue();
    }

    @Test
    void aCertificateThatDoesNotVerifyIsConfiguration() {
        var handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));
        var e = new RuntimeException("pool init", new SQLNonTransientConnectionException("Communications link failure",
                "08S01", 0, handshake));
        assertThat(MySqlStoreOpener.isTlsProblem(e)).isTrue();
    }

    @Test
    void aHandshakeCutByTheNetworkStaysANetworkFailure() {
        var reset = new SSLHandshakeException("Remote host terminated the handshake");
        reset.initCause(new EOFException("SSL peer shut down incorrectly"));
        var e = new RuntimeException("pool init", new SQLNonTransientConnectionException("Communications link failure",
                "08S01", 0, reset));
        assertThat(MySqlStoreOpener.isTlsProblem(e)).isFalse();
        var refused = new RuntimeException("pool init", new SQLNonTransientConnectionException(
                "Communications link failure", "08S01", 0, new SocketException("Connection refused")));
        assertThat(MySqlStoreOpener.isTlsProblem(refused)).isFalse();
    }
}
