package org.osticketgateway.management;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.osticketgateway.Settings;

/**
 * Who may use the management port. On loopback without credentials it is open, as only this machine
 * reaches it. Beyond loopback, or whenever credentials are set, everything but health and metrics
 * needs them: HTTP Basic with {@code management.username} / {@code management.password}. Beyond
 * loopback without credentials nothing but health and metrics answers at all.
 */
public record ManagementAccess(String host, boolean beyondLoopback, String username, String password) {

    /** The management port's settings; a half-set pair of credentials names the missing key. */
    public static ManagementAccess of(Settings settings) {
        String host = settings.text("management.host", "127.0.0.1");
        String username = settings.text("management.username", "");
        String password = settings.text("management.password", "");
        if (username.isBlank() != password.isBlank()) {
            throw new IllegalStateException((username.isBlank() ? "management.username (MANAGEMENT_USERNAME)"
                    : "management.password (MANAGEMENT_PASSWORD)")
                    + " is not set: the management port's credentials need both");
        }
        return new ManagementAccess(host, !loopback(host), username, password);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("management.host (MANAGEMENT_HOST): unknown host '" + host + "'");
        }
    }

    public boolean hasCredentials() {
        return !username.isBlank();
    }

    /** Whether anything beyond health and metrics needs credentials. */
    public boolean guarded() {
        return beyondLoopback || hasCredentials();
    }

    /** Whether an {@code Authorization} header carries the configured credentials (constant time). */
    public boolean admits(String authorization) {
        if (!hasCredentials() || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // A record would print the password.
        return "ManagementAccess[" + host + (guarded() ? ", guarded" : ", open on loopback") + "]";
    }
}
