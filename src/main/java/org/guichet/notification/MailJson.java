package org.guichet.notification;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outbox stores to render a mail later, as JSON: template variables and subject arguments are strings,
 * whole numbers, decimals ({@code BigDecimal}, read back as such), booleans, and lists or string-keyed maps of them.
 * Anything else (an {@code Instant}, a {@code Money}…) is refused when the mail is written: format it first.
 */
@Component
class MailJson {

    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() { };
    private static final TypeReference<List<Object>> ARGUMENTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };

    private final JsonMapper json;
    private final ObjectReader decimals;

    MailJson(JsonMapper json) {
        this.json = json;
        this.decimals = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    String variables(String template, Map<String, Object> variables) {
        variables.forEach((name, value) -> check(template, name, value));
        return json.writeValueAsString(variables);
    }

    String arguments(String template, List<Object> arguments) {
        arguments.forEach(argument -> check(template, "subject argument", argument));
        return json.writeValueAsString(arguments);
    }

    String parameters(Map<String, String> parameters) {
        return json.writeValueAsString(parameters);
    }

    Map<String, Object> readVariables(String stored) {
        return decimals.forType(VARIABLES).readValue(stored);
    }

    List<Object> readArguments(String stored) {
        return decimals.forType(ARGUMENTS).readValue(stored);
    }

    Map<String, String> readParameters(String stored) {
        return json.readValue(stored, PARAMETERS);
    }

    private static void check(String template, String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(element -> check(template, name, element));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("Mail " + template + ": the keys of " + name + " must be strings");
                }
                check(template, name + "." + key, element);
            });
            return;
        }
        throw new IllegalArgumentException("Mail " + template + ": " + name + " is a " + value.getClass().getName()
                + ", which the outbox cannot store; pass it formatted as a string");
    }
}
