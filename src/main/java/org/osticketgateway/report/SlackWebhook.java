package org.osticketgateway.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a message to a Slack incoming webhook. The URL is a secret: it is never logged and never
 * put into an error; a failure says only what Slack answered.
 */
public final class SlackWebhook {

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SlackWebhook(String url) {
        this.url = URI.create(url);
    }

    public void post(String json) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the Slack webhook is unreachable: " + e.getClass().getSimpleName());
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the Slack webhook answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }
}
