package org.osticketgateway.osticket;

import java.util.Locale;

/** The representation asked for in the URL extension of the endpoints that offer both. */
public enum ResponseFormat {
    JSON, XML;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
