package org.osticketgateway.osticket.component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.ResponseFormat;
import org.osticketgateway.tls.AddedTrust;

/**
 * {@code osticket:<operation>}: every call to osTicket goes through here. All endpoints of one
 * component share one client (one connection pool, one detected dialect).
 */
@Component("osticket")
public class OsTicketComponent extends DefaultComponent {

    @Metadata(required = true, description = "The API root, e.g. https://helpdesk.example.com/api")
    private String baseUrl;
    @Metadata(required = true, secret = true, description = "The API key, sent as X-API-Key")
    private String apiKey;
    @Metadata(defaultValue = "AUTO", description = "reference, plugin, or auto (detect once at start)")
    private DialectChoice dialect = DialectChoice.AUTO;
    @Metadata(defaultValue = "JSON", description = "Ask for JSON or XML where the endpoint offers both")
    private ResponseFormat responseFormat = ResponseFormat.JSON;
    @Metadata(defaultValue = "UTC", description = "The server's time zone: osTicket timestamps carry none")
    private String timezone = "UTC";
    @Metadata(defaultValue = "5000", description = "Connect timeout in milliseconds")
    private long connectTimeout = 5000;
    @Metadata(defaultValue = "30000", description = "Read timeout in milliseconds")
    private long readTimeout = 30000;
    @Metadata(defaultValue = "50", description = "Pooled connections to osTicket")
    private int maxConnections = 50;
    @Metadata(defaultValue = "Low=1,Normal=2,High=3,Emergency=4",
            description = "Priority names and their ids, for servers that take priorities by id only")
    private String priorities = "Low=1,Normal=2,High=3,Emergency=4";
    @Metadata(description = "A PEM file of CA certificates trusted for osTicket on top of the JVM's")
    private String trustPem;
    @Metadata(description = "A trust store (PKCS12 or JKS) of CA certificates trusted for osTicket on top of the JVM's")
    private String trustStore;
    @Metadata(secret = true, description = "The trust store's password")
    private String trustStorePassword;
    @Metadata(description = "A ready client to use instead of building one from the options")
    private OsTicketClient client;
    private boolean ownsClient;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OsTicketEndpoint endpoint = new OsTicketEndpoint(uri, this, OsTicketOperation.fromUri(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared client, built on first use from the component's options. */
    public synchronized OsTicketClient client() {
        if (client == null) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalStateException("The osticket component has no base URL: set osticket.url");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("The osticket component has no API key: set osticket.api-key");
            }
            client = new OsTicketClient(new OsTicketSettings(baseUrl, apiKey, dialect, responseFormat,
                    ZoneId.of(timezone), Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout),
                    maxConnections, priorityIds(), AddedTrust.configured("osticket.", blankIsNull(trustPem),
                            blankIsNull(trustStore), blankIsNull(trustStorePassword))));
            ownsClient = true;
            MeterRegistry meters = getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null) {
                client.onApiCall((operation, status, nanos) -> Timer.builder("osticket.api.calls")
                        .description("Calls to the osTicket API by operation and HTTP status (0: no answer)")
                        .tag("operation", operation).tag("status", String.valueOf(status))
                        .register(meters).record(nanos, TimeUnit.NANOSECONDS));
            }
        }
        return client;
    }

    /** An option left empty (an unset placeholder) is not set. */
    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code Low=1,Normal=2}: the priorities option as a map; a malformed entry names the option. */
    private Map<String, Long> priorityIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String entry : priorities.split(",")) {
            String[] pair = entry.split("=");
            if (pair.length != 2 || !pair[1].trim().matches("\\d+")) {
                throw new IllegalStateException("osticket.priorities: '" + entry.trim()
                        + "' is not of the form Name=id (e.g. High=3)");
            }
            ids.put(pair[0].trim(), Long.parseLong(pair[1].trim()));
        }
        return ids;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (ownsClient && client != null) {
                client.close();
                client = null;
                ownsClient = false;
            }
        }
        super.doStop();
    }

    public String getTrustPem() {
        return trustPem;
    }

    public void setTrustPem(String trustPem) {
        this.trustPem = trustPem;
    }

    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public DialectChoice getDialect() {
        return dialect;
    }

    public void setDialect(DialectChoice dialect) {
        this.dialect = dialect;
    }

    public ResponseFormat getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(ResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getPriorities() {
        return priorities;
    }

    public void setPriorities(String priorities) {
        this.priorities = priorities;
    }

    public OsTicketClient getClient() {
        return client;
    }

    public void setClient(OsTicketClient client) {
        this.client = client;
    }
}
