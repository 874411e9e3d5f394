package org.osticketgateway.sandbox;

/** Which API the sandbox speaks: the documented one, or the plugin v2.3.4 as really shipped. */
public enum SandboxDialect {
    REFERENCE, PLUGIN
}
