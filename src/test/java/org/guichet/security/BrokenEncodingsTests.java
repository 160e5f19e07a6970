package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.browser.BrowserTest;
import org.guichet.security.Routes.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Broken percent-encodings, which no form and no {@code java.net.URI} would send, written as raw bytes on the
 * wire into every query parameter of every page a visitor can ask for: each is the client's mistake (a 4xx or the
 * page itself), never a server error.
 */
@BrowserTest
class BrokenEncodingsTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([a-z]+)[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noBrokenEncodingInAnyQueryParameterMakesAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : Routes.of(context)) {
            if (!route.requestMethod().equals("GET")) {
                continue;
            }
            String path = route.path(anyValues(route.pattern()));
            for (String parameter : queryParameters(route)) {
                for (String broken : HostileValues.BROKEN_ENCODINGS) {
                    String target = path + "?" + parameter + "=a" + broken + "b";
                    String statusLine = rawStatusLine(target);
                    sent++;
                    int status = Integer.parseInt(statusLine.split(" ")[1]);
                    if (status >= 500) {
                        failures.add(target + " -> " + statusLine);
                    }
                }
            }
        }
        assertThat(sent).as("raw requests sent").isGreaterThan(50);
        assertThat(failures).as("server errors for a broken encoding").isEmpty();
    }

    /** Every variable filled with something the pattern accepts: {@code 1}, or the first word of its regex. */
    private static Map<String, String> anyValues(String pattern) {
        Map<String, String> values = new HashMap<>();
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            values.put(variable.group(1), variable.group(2) == null ? "1" : variable.group(2));
        }
        return values;
    }

    /** The parameters its handler reads, plus the ones every page passes on (a private event's key, a search). */
    private static Set<String> queryParameters(Route route) {
        Set<String> names = new LinkedHashSet<>(List.of("key", "q"));
        if (route.handler() != null) {
            for (MethodParameter parameter : route.handler().getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                }
            }
        }
        return names;
    }

    private String rawStatusLine(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
