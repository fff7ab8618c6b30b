package io.kubedl.persist.mysql.config;

import io.kubedl.persist.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * TLS modes of the option {@code sslMode} (env {@code MYSQL_SSL_MODE}), passed to
 * Connector/J's property of the same name. VERIFY_CA and VERIFY_IDENTITY check the
 * server certificate against the CA file of option {@code sslCa} (PEM), or the trust
 * store of option {@code sslTrustStore}, or else the JVM's default trust store.
 */
public enum SslMode {
    /** Plain TCP; never TLS. */
    DISABLED,
    /** TLS when the server offers it, else plain TCP (the default). */
    PREFERRED,
    /** TLS or fail; the certificate is not verified. */
    REQUIRED,
    /** TLS with a certificate signed by a trusted CA. */
    VERIFY_CA,
    /** As VERIFY_CA, and the certificate names the host connected to. */
    VERIFY_IDENTITY;

    /**
     * @param text a mode, case-insensitive, '-' accepted for '_'
     * @return the mode
     * @throws ConfigurationException naming the option and the accepted values
     */
    public static SslMode parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SslMode m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new ConfigurationException("option sslMode must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + ", was '" + text + "' (set MYSQL_SSL_MODE or --storage-option sslMode=...)");
    }

    /** @return true when the server certificate is checked against a CA */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
