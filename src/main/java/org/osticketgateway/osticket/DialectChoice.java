package org.osticketgateway.osticket;

/** Which API the server speaks: the documented one, the plugin as shipped, or found out at start. */
public enum DialectChoice {
    AUTO, REFERENCE, PLUGIN
}
