package org.osticketgateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for one connection: the JVM's own trusted CAs plus the certificates of a PEM file or trust
 * store named in the configuration. Trusting a private CA this way leaves every other connection,
 * and public CAs on this one, as the JVM has them.
 */
public final class AddedTrust {

    private final X509TrustManager trustManager;
    private final String source;

    private AddedTrust(List<X509Certificate> added, String source) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        for (X509Certificate certificate : jvmDefault().getAcceptedIssuers()) {
            store.setCertificateEntry("jvm-" + store.size(), certificate);
        }
        for (X509Certificate certificate : added) {
            store.setCertificateEntry("added-" + store.size(), certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        this.trustManager = x509(factory.getTrustManagers());
        this.source = source;
    }

    /**
     * The trust {@code <prefix>trust-pem} or {@code <prefix>trust-store} (with
     * {@code <prefix>trust-store-password}) adds; null when neither is set (the JVM's trust as it is).
     */
    public static AddedTrust configured(String prefix, String pem, String store, String storePassword) {
        if (pem != null && store != null) {
            throw new IllegalStateException(prefix + "trust-pem and " + prefix + "trust-store are both set: use one");
        }
        try {
            if (pem != null) {
                return new AddedTrust(pemCertificates(Path.of(pem)), pem);
            }
            if (store != null) {
                return new AddedTrust(storeCertificates(Path.of(store), storePassword), store);
            }
            return null;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException((pem != null ? prefix + "trust-pem" : prefix + "trust-store")
                    + ": cannot read the certificates in " + (pem != null ? pem : store) + ": " + e.getMessage());
        }
    }

    static List<X509Certificate> pemCertificates(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            read.forEach(c -> certificates.add((X509Certificate) c));
            return certificates;
        }
    }

    private static List<X509Certificate> storeCertificates(Path file, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in it");
        }
        return certificates;
    }

    /** The JVM's default trust: its cacerts, or what javax.net.ssl.trustStore names. */
    static X509TrustManager jvmDefault() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JVM has no X.509 trust manager");
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    /** A TLS context that trusts the JVM's CAs and the added ones. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /** The file the added certificates came from. */
    public String source() {
        return source;
    }
}
