package org.osticketgateway.sandbox;

/** An answer of the emulated API, and how many tickets the server walked to give it. */
record SandboxResponse(int status, String contentType, String body, int walked) {

    SandboxResponse(int status, String contentType, String body) {
        this(status, contentType, body, 0);
    }

    static final String JSON = "application/json; charset=UTF-8";
    static final String XML = "application/xml; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String HTML = "text/html; charset=UTF-8";
}
