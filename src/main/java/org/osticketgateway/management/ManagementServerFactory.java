package org.osticketgateway.management;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationConfigEntry;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;

/**
 * Camel Main's HTTP servers with the {@link ManagementGuard} in front of every path, in place before
 * the server takes its first request. Camel Main finds this factory in the registry. The management
 * server shares the main server's port (and so its guard) when both are on the same port.
 */
public final class ManagementServerFactory extends DefaultMainHttpServerFactory {

    private final ManagementAccess access;

    public ManagementServerFactory(ManagementAccess access) {
        this.access = access;
    }

    @Override
    public Service newHttpServer(CamelContext camelContext, HttpServerConfigurationProperties configuration) {
        MainHttpServer server = (MainHttpServer) super.newHttpServer(camelContext, configuration);
        guard(server.getConfiguration().getAuthenticationConfig());
        return server;
    }

    @Override
    public Service newHttpManagementServer(CamelContext camelContext,
            HttpManagementServerConfigurationProperties configuration) {
        ManagementHttpServer server = (ManagementHttpServer) super.newHttpManagementServer(camelContext, configuration);
        guard(server.getConfiguration().getAuthenticationConfig());
        return server;
    }

    private void guard(AuthenticationConfig authentication) {
        if (!access.guarded()) {
            return;
        }
        AuthenticationConfigEntry entry = new AuthenticationConfigEntry();
        entry.setPath("/*");
        // The guard checks the credentials itself: Vert.x's provider is not needed.
        entry.setAuthenticationProviderFactory(vertx -> null);
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends io.vertx.ext.auth.authentication.AuthenticationProvider> io.vertx.ext.web.handler
                    .AuthenticationHandler createAuthenticationHandler(T provider) {
                return new ManagementGuard(access);
            }
        });
        authentication.getEntries().add(entry);
        authentication.setEnabled(true);
    }
}
