package org.osticketgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.mail.TestCertificates;

/**
 * A private CA added for one connection: a server certificate it signed is trusted, the JVM's own
 * CAs all still are (public HTTPS verifies as before), and the JVM's default trust is not changed.
 */
class AddedTrustTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;
    static X509Certificate[] serverChain;

    @BeforeAll
    static void makeCa() throws Exception {
        certificates = TestCertificates.create(dir);
        serverChain = AddedTrust.pemCertificates(certificates.serverCertificate()).toArray(X509Certificate[]::new);
    }

    private static AddedTrust fromPem() {
        return AddedTrust.configured("mail.support.", certificates.caCertificate().toString(), null, null);
    }

    @Test
    void aServerCertificateThePrivateCaSignedIsTrustedWhereTheJvmAloneRefusesIt() throws Exception {
        fromPem().trustManager().checkServerTrusted(serverChain, "RSA");
        assertThatThrownBy(() -> AddedTrust.jvmDefault().checkServerTrusted(serverChain, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void everyCaTheJvmTrustsIsStillTrusted() throws Exception {
        List<X509Certificate> jvm = List.of(AddedTrust.jvmDefault().getAcceptedIssuers());
        List<X509Certificate> added = List.of(fromPem().trustManager().getAcceptedIssuers());
        assertThat(jvm).isNotEmpty();
        assertThat(added).containsAll(jvm).hasSize(jvm.size() + 1)
                .contains(AddedTrust.pemCertificates(certificates.caCertificate()).get(0));
    }

    @Test
    void aTrustStoreServesAsWellAsAPem() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", AddedTrust.pemCertificates(certificates.caCertificate()).get(0));
        Path file = dir.resolve("trust.p12");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            store.store(out, "changeit".toCharArray());
        }
        AddedTrust.configured("osticket.", null, file.toString(), "changeit").trustManager()
                .checkServerTrusted(serverChain, "RSA");
    }

    @Test
    void nothingConfiguredLeavesTheJvmsTrustAndAnUnreadableFileNamesItsKey() throws Exception {
        assertThat(AddedTrust.configured("mail.support.", null, null, null)).isNull();
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");
        assertThatThrownBy(() -> AddedTrust.configured("mail.support.", notPem.toString(), null, null))
                .hasMessageStartingWith("mail.support.trust-pem: cannot read the certificates in " + notPem);
        assertThatThrownBy(() -> AddedTrust.configured("osticket.", "a.pem", "b.p12", null))
                .hasMessage("osticket.trust-pem and osticket.trust-store are both set: use one");
    }
}
