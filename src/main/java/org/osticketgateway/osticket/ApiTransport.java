package org.osticketgateway.osticket;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.tls.AddedTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s over one pooled HTTP client with the API key in {@code X-API-Key}.
 * Transport failures become {@link OsTicketFailure#UNREACHABLE}; the key is never logged.
 */
public final class ApiTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final String API_KEY_HEADER = "X-API-Key";

    private final String baseUrl;
    private final String apiKey;
    private final CloseableHttpClient http;
    private volatile ApiCallListener listener = (operation, status, nanos) -> { };

    public ApiTransport(OsTicketSettings settings) {
        this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
        this.apiKey = settings.apiKey();
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(trusting(PoolingHttpClientConnectionManagerBuilder.create(), settings.trust())
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(settings.maxConnections())
                        // A pooled connection idle for a while is checked before it is used again:
                        // osTicket's web server closes idle keep-alive connections (nginx after 75 s,
                        // and on every restart), and a POST on a closed one would fail for nothing.
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                // Retrying is the caller's decision (routes know what is idempotent); osTicket's
                // session cookie is noise for an API client.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("osticket-gateway")
                .build();
    }

    /** With a CA added for osTicket: TLS that trusts it as well as the JVM's CAs. */
    private static PoolingHttpClientConnectionManagerBuilder trusting(PoolingHttpClientConnectionManagerBuilder builder,
                                                                      AddedTrust trust) {
        return trust == null ? builder
                : builder.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(trust.sslContext())
                        .buildClassic());
    }

    public void setListener(ApiCallListener listener) {
        this.listener = listener;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiResponse send(ApiRequest request) {
        ClassicHttpRequest http = ClassicRequestBuilder.create(request.method())
                .setUri(uri(request))
                .addHeader(API_KEY_HEADER, apiKey)
                .addHeader(HttpHeaders.ACCEPT, "application/json, application/xml;q=0.9, */*;q=0.1")
                .setEntity(entity(request))
                .build();
        long started = System.nanoTime();
        try {
            ApiResponse response = this.http.execute(http, answer -> {
                Header type = answer.getFirstHeader(HttpHeaders.CONTENT_TYPE);
                HttpEntity body = answer.getEntity();
                return new ApiResponse(answer.getCode(), type == null ? null : type.getValue(),
                        body == null ? "" : EntityUtils.toString(body, StandardCharsets.UTF_8));
            });
            long took = System.nanoTime() - started;
            LOG.debug("{} {} {} -> {} in {} ms", request.operation(), request.method(), request.path(),
                    response.status(), Duration.ofNanos(took).toMillis());
            listener.completed(request.operation(), response.status(), took);
            return response;
        } catch (SSLException e) {
            listener.completed(request.operation(), 0, System.nanoTime() - started);
            throw new OsTicketException(OsTicketFailure.UNREACHABLE, request.operation(), 0,
                    "TLS failure: " + e.getMessage(), false, e);
        } catch (IOException e) {
            listener.completed(request.operation(), 0, System.nanoTime() - started);
            throw new OsTicketException(OsTicketFailure.UNREACHABLE, request.operation(), 0,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        }
    }

    private URI uri(ApiRequest request) {
        try {
            URIBuilder builder = new URIBuilder(baseUrl + request.path());
            for (Map.Entry<String, String> parameter : request.query().entrySet()) {
                builder.addParameter(parameter.getKey(), parameter.getValue());
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw OsTicketException.invalidRequest(request.operation(), "cannot form a URL: " + e.getMessage());
        }
    }

    private static HttpEntity entity(ApiRequest request) {
        if (request.json() != null) {
            return new StringEntity(request.json().toString(), ContentType.APPLICATION_JSON);
        }
        if (request.raw() != null) {
            return new ByteArrayEntity(request.raw().content(), ContentType.parse(request.raw().contentType()));
        }
        if (request.formFields() == null) {
            return null;
        }
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8);
        ContentType text = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
        request.formFields().forEach((name, value) -> form.addTextBody(name, value, text));
        for (Attachment file : request.files()) {
            form.addBinaryBody("attachments[]", file.content(), ContentType.parse(file.contentType()),
                    file.filename());
        }
        return form.build();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
