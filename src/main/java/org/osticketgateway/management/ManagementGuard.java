package org.osticketgateway.management;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;

/**
 * In front of every path of the management port: health and metrics pass (probes and Prometheus
 * carry no credentials); everything else (on-demand reports and jobs, Jolokia) needs the configured
 * credentials, else 401.
 */
final class ManagementGuard implements AuthenticationHandler {

    private final ManagementAccess access;

    ManagementGuard(ManagementAccess access) {
        this.access = access;
    }

    static boolean open(String path) {
        return path.equals("/observe/health") || path.startsWith("/observe/health/")
                || path.equals("/observe/metrics");
    }

    @Override
    public void handle(RoutingContext request) {
        if (open(request.normalizedPath()) || access.admits(request.request().getHeader("Authorization"))) {
            request.next();
            return;
        }
        request.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"osticket-gateway\", charset=\"UTF-8\"")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(access.hasCredentials() ? "credentials required (management.username / management.password)\n"
                        : "closed: the management port faces the network and management.username / "
                                + "management.password are not set\n");
    }
}
