package org.osticketgateway.osticket.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The descriptor camel-component-maven-plugin generates is what Camel's tooling (JBang, IDE plugins,
 * Karavan) shows of {@code osticket:}: read the way Camel reads it, it must document every operation,
 * option and header, and its generated configurers must be the ones Camel uses.
 */
class ComponentDescriptorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void camelFindsTheDescriptorAndItDocumentsEveryOperation() throws Exception {
        JsonNode descriptor = descriptor();
        assertThat(descriptor.at("/component/scheme").asText()).isEqualTo("osticket");
        assertThat(descriptor.at("/component/description").asText()).contains("osTicket");

        JsonNode operation = descriptor.at("/properties/operation");
        List<String> listed = new ArrayList<>();
        operation.path("enum").forEach(value -> listed.add(value.asText()));
        assertThat(listed).containsExactlyElementsOf(
                Arrays.stream(OsTicketOperation.values()).map(Enum::name).toList());
        String description = operation.path("description").asText();
        for (OsTicketOperation each : OsTicketOperation.values()) {
            assertThat(description).as("what %s does", each).containsPattern(" " + each.name() + ": \\w+");
        }
    }

    @Test
    void everyOptionAndHeaderIsDocumentedAndTheKeyIsSecret() throws Exception {
        JsonNode descriptor = descriptor();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            List<String> undocumented = new ArrayList<>();
            descriptor.path(section).properties().forEach(entry -> {
                if (entry.getValue().path("description").asText().isBlank()) {
                    undocumented.add(entry.getKey());
                }
            });
            assertThat(undocumented).as("%s without a description", section).isEmpty();
        }
        assertThat(descriptor.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        assertThat(descriptor.at("/componentProperties/baseUrl/required").asBoolean()).isTrue();
        assertThat(descriptor.path("headers").size()).isEqualTo(OsTicketConstants.class.getFields().length);
        assertThat(descriptor.path("properties").has("sweepEvery")).isTrue();
    }

    @Test
    void camelConfiguresTheComponentThroughTheGeneratedConfigurers() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            PropertyConfigurer component = PluginHelper.getConfigurerResolver(camel)
                    .resolvePropertyConfigurer("osticket-component", camel);
            PropertyConfigurer endpoint = PluginHelper.getConfigurerResolver(camel)
                    .resolvePropertyConfigurer("osticket-endpoint", camel);
            assertThat(component).isInstanceOf(OsTicketComponentConfigurer.class);
            assertThat(endpoint).isInstanceOf(OsTicketEndpointConfigurer.class);

            camel.start();
            OsTicketEndpoint searching = camel.getEndpoint(
                    "osticket:searchTickets?ticketStatus=Open&limit=5&sortBy=updated", OsTicketEndpoint.class);
            assertThat(searching.getTicketStatus()).isEqualTo("Open");
            assertThat(searching.getLimit()).isEqualTo(5);
            assertThat(searching.getSortBy().name()).isEqualToIgnoringCase("updated");
        }
    }

    private static JsonNode descriptor() throws Exception {
        try (CatalogCamelContext camel = new DefaultCamelContext()) {
            String json = camel.getComponentParameterJsonSchema("osticket");
            assertThat(json).as("osticket.json on the classpath").isNotNull();
            return JSON.readTree(json);
        }
    }
}
