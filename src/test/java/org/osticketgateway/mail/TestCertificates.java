package org.osticketgateway.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private CA made for a test (with openssl), and a server certificate it signed for localhost and
 * 127.0.0.1: PEM files (and a PKCS12 store of the server's), the CA unknown to the JVM.
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.pem");
        Path key = dir.resolve("server.key");
        Path request = dir.resolve("server.csr");
        Path certificate = dir.resolve("server.pem");
        Path extensions = dir.resolve("server.ext");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                ca.toString(), "-days", "2", "-subj", "/CN=osTicket Gateway test CA",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(),
                "-subj", "/CN=localhost");
        Files.writeString(extensions, "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", certificate.toString(), "-days", "2", "-extfile", extensions.toString());
        return new TestCertificates(ca, certificate, key);
    }

    /** The server's key and certificate as a PKCS12 key store (for a JDK HTTPS server). */
    public Path serverKeyStore(String password) throws IOException, InterruptedException {
        Path dir = serverCertificate.getParent();
        Path store = dir.resolve("server.p12");
        openssl(dir, "pkcs12", "-export", "-in", serverCertificate.toString(), "-inkey", serverKey.toString(),
                "-out", store.toString(), "-passout", "pass:" + password);
        return store;
    }

    private static void openssl(Path dir, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + arguments[0] + " failed: " + output);
        }
    }
}
