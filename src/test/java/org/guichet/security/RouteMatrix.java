package org.guichet.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.account.User;
import org.guichet.security.SecurityFixture.Role;
import org.guichet.support.Accounts;
import org.guichet.support.ClientAddresses;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What each role gets from each route, as a table: a header naming the roles, then one line per route, its method
 * and pattern then one answer per role. An answer is a status code, or {@code login} for a redirect to the sign-in
 * page ({@code 302} then means a redirect anywhere else). A role the header does not name answers as the role it
 * is {@linkplain #LIKE declared like}, until a column says otherwise.
 */
final class RouteMatrix {

    /** A role with no column of its own answers as this one (e.g. an unverified account as a participant). */
    static final Map<String, String> LIKE = Map.of();

    static final String LOGIN = "login";

    private final List<String> columns;
    private final Map<String, List<String>> lines = new LinkedHashMap<>();

    private RouteMatrix(List<String> columns) {
        this.columns = columns;
    }

    static RouteMatrix parse(String table) {
        RouteMatrix matrix = null;
        for (String raw : table.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.split("\\s+"));
            if (matrix == null) {
                matrix = new RouteMatrix(words);
                continue;
            }
            if (words.size() != 2 + matrix.columns.size()) {
                throw new IllegalArgumentException("expected " + matrix.columns.size() + " answers: " + line);
            }
            String key = words.get(0) + " " + words.get(1);
            if (matrix.lines.put(key, words.subList(2, words.size())) != null) {
                throw new IllegalArgumentException("route listed twice: " + key);
            }
        }
        return matrix;
    }

    boolean has(String routeKey) {
        return lines.containsKey(routeKey);
    }

    java.util.Set<String> routeKeys() {
        return lines.keySet();
    }

    String expected(String routeKey, Role role) {
        String column = column(role);
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalStateException("no column for " + column);
        }
        return lines.get(routeKey).get(index);
    }

    private String column(Role role) {
        String name = name(role);
        return columns.contains(name) ? name : LIKE.getOrDefault(name, name);
    }

    static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The answer in the table's words: the status, {@code login}, or the exception no handler answered. */
    static String answer(MockMvc mvc, String method, String path, Map<String, String> parameters, User user,
            boolean withCsrf) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .accept(MediaType.TEXT_HTML, MediaType.ALL);
        // each request from an address of its own: per-address limits and the sign-in throttle are not what is probed
        String client = ClientAddresses.unique();
        request.with(sent -> {
            sent.setRemoteAddr(client);
            return sent;
        });
        parameters.forEach(request::param);
        if (withCsrf) {
            request.with(csrf());
        }
        if (user != null) {
            request.with(authentication(Accounts.signedIn(user)));
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String location = response.getRedirectedUrl();
            if (response.getStatus() == 302 && location != null
                    && (location.endsWith("/login") || location.contains("/login?"))
                    && !path.startsWith("/login")) {
                return LOGIN;
            }
            return String.valueOf(response.getStatus());
        } catch (Exception unanswered) {
            Throwable cause = unanswered.getCause() == null ? unanswered : unanswered.getCause();
            return "500(" + cause.getClass().getSimpleName() + ")";
        }
    }

    /** The differences as a table a reader can scan: route, role, expected, actual. */
    static String report(List<String[]> differences) {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-60s %-12s %-10s %s", "route", "role", "expected", "actual"));
        for (String[] difference : differences) {
            rows.add(String.format("%-60s %-12s %-10s %s", (Object[]) difference));
        }
        return String.join("\n", rows);
    }
}
