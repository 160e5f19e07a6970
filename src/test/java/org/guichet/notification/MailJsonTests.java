package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class MailJsonTests {

    private final MailJson json = new MailJson(JsonMapper.builder().build());

    @Test
    void keepsStringsNumbersDecimalsBooleansAndTheirListsAndMaps() {
        Map<String, Object> variables = Map.of("name", "Zoé", "count", 3, "minutes", 60L, "amount",
                new BigDecimal("12.50"), "refunded", true, "lines", List.of("a", new BigDecimal("1.10")),
                "totals", Map.of("EUR", new BigDecimal("0.00")));

        Map<String, Object> read = json.readVariables(json.variables("any", variables));

        assertThat(read).containsEntry("name", "Zoé").containsEntry("count", 3).containsEntry("refunded", true)
                .containsEntry("amount", new BigDecimal("12.50"))
                .containsEntry("lines", List.of("a", new BigDecimal("1.10")))
                .containsEntry("totals", Map.of("EUR", new BigDecimal("0.00")));
        assertThat(String.valueOf(read.get("minutes"))).isEqualTo("60");
        assertThat(json.readArguments(json.arguments("any", List.of("Apéro", 2)))).containsExactly("Apéro", 2);
        assertThat(json.readParameters(json.parameters(Map.of("order", "42")))).containsExactly(Map.entry("order", "42"));
    }

    @Test
    void refusesWhatItCouldNotReadBackTheSameSoTheCallerFormatsIt() {
        assertThatThrownBy(() -> json.variables("event-reminder", Map.of("startsAt", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startsAt")
                .hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> json.variables("any", Map.of("price", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.arguments("any", List.of(List.of(Instant.EPOCH))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
