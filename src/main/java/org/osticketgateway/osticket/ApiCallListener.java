package org.osticketgateway.osticket;

/** Told of every API call once it ended: which operation, the HTTP status (0: no answer), how long. */
@FunctionalInterface
public interface ApiCallListener {

    void completed(String operation, int status, long nanos);
}
