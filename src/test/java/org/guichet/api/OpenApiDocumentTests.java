package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI document ({@value #COMMITTED}), from which the build generates the Java client
 * ({@code org.guichet.client}, used by {@code ApiClientJourneyTests}), is the one the server publishes at
 * {@code /api/v1/openapi.json}. Each run writes the live one to {@value #LIVE}; when they differ, copy it over.
 */
@IntegrationTest
class OpenApiDocumentTests {

    static final String COMMITTED = "src/test/resources/openapi/guichet-v1.json";
    static final String LIVE = "target/openapi/guichet-v1.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    MockMvc mvc;

    @Test
    void theCommittedDocumentTheClientIsGeneratedFromIsTheOneTheServerPublishes() throws Exception {
        String published = mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode live = withoutServers(JSON.readTree(published));
        Path written = Path.of(LIVE);
        Files.createDirectories(written.getParent());
        Files.writeString(written, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);

        Path committed = Path.of(COMMITTED);
        assertThat(committed).as("the committed OpenAPI document").exists();
        JsonNode expected = JSON.readTree(Files.readString(committed, StandardCharsets.UTF_8));
        assertThat(expected)
                .withFailMessage("The API changed: %s no longer matches /api/v1/openapi.json. If the change is meant, "
                        + "refresh it with\n    cp %s %s\nthen rebuild (the client in target/generated-test-sources/"
                        + "openapi is generated from it) and commit it.", COMMITTED, LIVE, COMMITTED)
                .isEqualTo(live);
    }

    /** The server's address depends on the request (http://localhost under MockMvc), not on the code. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
