package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class XmlTreeTest {

    @Test
    void oneItemListsStayListsAndEmptyLeavesAreNull() throws IOException {
        JsonNode tree = XmlTree.parse("<?xml version=\"1.0\"?><response><item><id>35</id><dueDate/>"
                + "<children/></item></response>");
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(0).get("id").asText()).isEqualTo("35");
        assertThat(tree.get(0).get("dueDate").isNull()).isTrue();
        assertThat(tree.get(0).get("children").isArray()).isTrue();
    }

    @Test
    void knownListFieldsAreListsWhateverTheirItemsAreCalled() throws IOException {
        JsonNode tree = XmlTree.parse("<r><tickets><ticket><id>1</id></ticket></tickets><thread/></r>");
        assertThat(tree.get("tickets").isArray()).isTrue();
        assertThat(tree.get("tickets").get(0).get("id").asText()).isEqualTo("1");
        assertThat(tree.get("thread").isArray()).isTrue();
    }

    @Test
    void refusesDoctypesAndBrokenXml() {
        assertThatThrownBy(() -> XmlTree.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> XmlTree.parse("<IT Operations><open>1</open></IT Operations>"))
                .isInstanceOf(IOException.class);
    }
}
