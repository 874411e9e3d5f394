package org.osticketgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The ceiling: a plain pooled HTTP client posting creates straight to the sandbox, with nothing
 * around it — no Kafka, no validation, no ledger.
 */
final class PlainHttpClient implements AutoCloseable {

    private final String url;
    private final String key;
    private final CloseableHttpClient http;

    PlainHttpClient(String baseUrl, String key) {
        this.url = baseUrl + "/tickets.json";
        this.key = key;
        this.http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(50).setMaxConnPerRoute(50).build()).build();
    }

    void createJson(String json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader("X-API-Key", key);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        send(post);
    }

    void createMultipart(Map<String, String> fields, String fileName, byte[] file) throws IOException {
        MultipartEntityBuilder form = MultipartEntityBuilder.create();
        fields.forEach((name, value) -> form.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
        form.addBinaryBody("attachments[]", file, ContentType.APPLICATION_OCTET_STREAM, fileName);
        HttpPost post = new HttpPost(url);
        post.setHeader("X-API-Key", key);
        post.setEntity(form.build());
        send(post);
    }

    private void send(HttpPost post) throws IOException {
        int status = http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
        if (status >= 300) {
            throw new IOException("create answered " + status);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
