package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM file of option sslCa becomes the PKCS12 trust store Connector/J reads. */
class PemTrustStoreTest {

    @Test
    void aPemCertificateBecomesAReadablePkcs12TrustStore(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ca.pem");
        Path keystore = dir.resolve("ca.p12");
        keytool("-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "ca", "-dname", "CN=kubedl-test-ca",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        PemTrustStore store = PemTrustStore.fromPem(pem.toString());
        Map<String, String> props = store.driverProperties();
        assertThat(props).containsEntry("trustCertificateKeyStoreType", "PKCS12").containsKey("trustCertificateKeyStorePassword");
        Path file = Path.of(URI.create(props.get("trustCertificateKeyStoreUrl")));
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in, props.get("trustCertificateKeyStorePassword").toCharArray());
        }
        assertThat(loaded.size()).isEqualTo(1);
        assertThat(loaded.isCertificateEntry("ca-0")).isTrue();
        store.delete();
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileWithoutCertificatesIsRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> PemTrustStore.fromPem(notPem.toString())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("option sslCa");
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String[] command = new String[args.length + 1];
        command[0] = keytool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
