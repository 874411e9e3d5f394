package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as the same shape of an answer, and what does not. */
class AnswerShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> differences(String recorded, String replayed) throws Exception {
        JsonNode a = JSON.readTree(recorded);
        JsonNode b = JSON.readTree(replayed);
        return AnswerShape.jsonDifferences(a, b);
    }

    @Test
    void valuesMayDifferButNotKeysTypesOrMessages() throws Exception {
        assertThat(differences("{\"id\":1,\"subject\":\"a\",\"closed\":null}", "{\"id\":9,\"subject\":\"b\",\"closed\":null}"))
                .isEmpty();
        assertThat(differences("{\"id\":1,\"staff\":{\"name\":\"J\"}}", "{\"id\":1,\"staff\":\"J\",\"extra\":0}"))
                .containsExactly("$: keys only recorded [], only replayed [extra]",
                        "$.staff: object recorded, string replayed");
        assertThat(differences("{\"error\":true,\"message\":\"Ticket not found\"}",
                "{\"error\":true,\"message\":\"Not found\"}"))
                .containsExactly("$.message: \"Ticket not found\" recorded, \"Not found\" replayed");
    }

    @Test
    void listsArePairedByTicketNumberAndMayDifferInLength() throws Exception {
        assertThat(differences("[{\"number\":\"111111\",\"staff\":null},{\"number\":\"222222\",\"staff\":\"x\"}]",
                "[{\"number\":\"222222\",\"staff\":\"y\"}]")).containsExactly("$[0].staff: null recorded, string replayed");
        assertThat(differences("[{\"number\":\"111111\",\"staff\":null},{\"number\":\"222222\",\"staff\":\"x\"}]",
                "[{\"number\":\"222222\",\"staff\":\"y\"},{\"number\":\"111111\",\"staff\":null}]")).isEmpty();
    }

    @Test
    void departmentsKeyedByNameAreComparedOnTheNamesBothHave() throws Exception {
        assertThat(differences("{\"by_department\":{\"Support\":{\"open\":1},\"Billing\":{\"open\":2}}}",
                "{\"by_department\":{\"Support\":{\"open\":3}}}")).isEmpty();
        assertThat(differences("{\"by_department\":{\"Support\":{\"open\":1}}}",
                "{\"by_department\":{\"Support\":{\"open\":\"1\"}}}"))
                .containsExactly("$.by_department.Support.open: number recorded, string replayed");
    }

    @Test
    void xmlIsComparedAsTheTreeItsJsonTwinWouldBe() {
        String recorded = "<?xml version=\"1.0\"?>\n<response><parent><number>1</number><status>Open</status></parent></response>";
        assertThat(AnswerShape.xmlDifferences(recorded,
                "<?xml version=\"1.0\"?>\n<response><parent><number>2</number><status>Closed</status></parent></response>"))
                .isEmpty();
        assertThat(AnswerShape.xmlDifferences(recorded, "<?xml version=\"1.0\"?>\n<response><parent/></response>"))
                .containsExactly("$.parent: object recorded, null replayed");
    }
}
