package org.osticketgateway.sandbox;

/** An answer of the emulated API. */
record SandboxResponse(int status, String contentType, String body) {

    static final String JSON = "application/json; charset=UTF-8";
    static final String XML = "application/xml; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String HTML = "text/html; charset=UTF-8";
}
