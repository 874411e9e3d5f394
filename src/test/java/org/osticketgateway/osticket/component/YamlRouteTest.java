package org.osticketgateway.osticket.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** The README's route example, as YAML DSL, calling the component against the sandbox. */
class YamlRouteTest {

    @Test
    void aYamlRouteCallsAnOperation() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             CamelContext camel = new DefaultCamelContext()) {
            OsTicketComponent component = new OsTicketComponent();
            component.setBaseUrl(sandbox.url());
            component.setApiKey("k");
            camel.addComponent("osticket", component);
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/search-example.yaml"));
            camel.start();

            Exchange result = camel.createProducerTemplate().request("direct:open-tickets", e -> { });

            assertThat(result.getException()).isNull();
            SearchPage page = result.getMessage().getBody(SearchPage.class);
            assertThat(page.tickets()).isNotEmpty().allSatisfy(t -> assertThat(t.status()).isEqualTo("Open"));
            assertThat(result.getMessage().getHeader(OsTicketConstants.TOTAL, Long.class)).isPositive();
        }
    }
}
