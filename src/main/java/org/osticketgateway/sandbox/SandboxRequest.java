package org.osticketgateway.sandbox;

import java.util.Map;

/** An HTTP request as the emulated API sees it. {@code path} is below {@code /api}. */
record SandboxRequest(String method, String path, Map<String, String> query, String apiKey, String contentType,
                      byte[] body) {

    String queryParameter(String name) {
        return query.get(name);
    }
}
