package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.mail.TestCertificates;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;
import org.osticketgateway.tls.AddedTrust;

/**
 * osTicket behind HTTPS with a certificate of a private CA (the sandbox behind a TLS front on
 * loopback): the client given the CA (osticket.trust-pem) reaches it; one without it is refused
 * with a TLS failure, as before.
 */
class OsTicketTrustTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;
    static SandboxServer sandbox;
    static HttpsServer front;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir);
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
        KeyStore keys = KeyStore.getInstance(certificates.serverKeyStore("secret").toFile(), "secret".toCharArray());
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "secret".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        front = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        front.setHttpsConfigurator(new HttpsConfigurator(tls));
        HttpClient plain = HttpClient.newHttpClient();
        front.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url().replaceFirst("/api$", "")
                                + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.equalsIgnoreCase("X-API-Key") || name.equalsIgnoreCase("Content-Type")) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = plain.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        front.start();
    }

    @AfterAll
    static void stop() {
        front.stop(0);
        sandbox.close();
    }

    private static OsTicketSettings settings(AddedTrust trust) {
        return new OsTicketSettings("https://localhost:" + front.getAddress().getPort() + "/api", "k", null, null, null,
                null, null, 0, null, trust);
    }

    @Test
    void withThePrivateCaAddedTheClientReachesOsTicketOverHttps() throws Exception {
        AddedTrust trust = AddedTrust.configured("osticket.", certificates.caCertificate().toString(), null, null);
        try (OsTicketClient client = new OsTicketClient(settings(trust))) {
            assertThat(client.listStatuses()).isNotEmpty();
        }
    }

    @Test
    void withoutItTheJvmsTrustRefusesTheCertificate() throws Exception {
        try (OsTicketClient client = new OsTicketClient(settings(null))) {
            assertThatThrownBy(client::listStatuses).isInstanceOf(OsTicketException.class)
                    .hasMessageContaining("TLS failure");
        }
    }
}
