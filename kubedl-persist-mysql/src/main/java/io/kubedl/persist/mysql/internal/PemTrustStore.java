package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns the PEM CA file of option {@code sslCa} into the PKCS12 trust store
 * Connector/J reads, in a private temporary file deleted when the store closes. The
 * trust store holds only public certificates; its random password protects nothing
 * secret but is still never logged.
 */
final class PemTrustStore {
    private final Path file;
    private final String password;

    private PemTrustStore(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    static PemTrustStore fromPem(String pemPath) {
        Path pem = Path.of(pemPath);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("option sslCa: cannot read CA certificates from " + pem + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new ConfigurationException("option sslCa: " + pem + " holds no PEM certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            String password = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path file = Files.createTempFile("kubedl-persist-ca-", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            file.toFile().deleteOnExit();
            return new PemTrustStore(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("option sslCa: cannot build a trust store from " + pem + ": " + e.getMessage(), e);
        }
    }

    /** @return the Connector/J properties that point at this trust store */
    Map<String, String> driverProperties() {
        return Map.of("trustCertificateKeyStoreUrl", file.toUri().toString(),
                "trustCertificateKeyStoreType", "PKCS12",
                "trustCertificateKeyStorePassword", password);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleteOnExit is the fallback
        }
    }
}
