package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.beans.PropertyDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.account.User;
import org.guichet.limits.RateLimiter;
import org.guichet.security.HostileValues.Hostile;
import org.guichet.security.Routes.Route;
import org.guichet.security.SecurityFixture.Role;
import org.guichet.support.Accounts;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every hostile value through every form field and query parameter the application has, found rather than
 * listed: the forms of every page each role sees (parsed as a browser would), and the parameters every handler
 * declares. No answer is a server error, and no page (the one answering, and afterwards every page of the site,
 * for every role) shows hostile markup raw, runs a template expression or links to a script URL.
 *
 * <p>Bounded: each form, and each handler's declared parameters, get one request per hostile value, the values
 * rotated over the fields so every field gets every value once; then each field gets markup alone, the other fields plausible, so it is stored where the form
 * stores it and the pages that show it afterwards are checked.
 */
@IntegrationTest
class HostileInputTests {

    /** Roles in the order a form is looked for: the one that sees most first. */
    private static final List<Role> SEEKERS = List.of(Role.OWNER, Role.PARTICIPANT, Role.ADMIN, Role.VISITOR,
            Role.UNVERIFIED);
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    RateLimiter limits;

    @AfterEach
    void leaveTheLimitsAsFound() {
        limits.forgetAll();
    }

    /** One form as a page renders it: where it posts, who saw it, and its fields with their values. */
    record Form(String method, String action, Role role, Map<String, String> fields, Map<String, String> types) {
        String key() {
            return method + " " + action + " " + fields.keySet();
        }
    }

    @Test
    void noHostileValueInAnyFieldMakesAServerErrorOrComesBackRaw() throws Exception {
        SecurityFixture fixture = SecurityFixture.in(context);
        List<Route> routes = Routes.of(context);
        List<String> problems = new ArrayList<>();
        List<Form> forms = forms(fixture, routes);
        assertThat(forms).as("forms found on the pages").hasSizeGreaterThan(15);

        int requests = 0;
        for (Form form : forms) {
            List<String> names = new ArrayList<>(form.fields().keySet());
            for (int round = 0; round < HostileValues.ALL.size(); round++) {
                Map<String, String> sent = new LinkedHashMap<>(form.fields());
                for (int i = 0; i < names.size(); i++) {
                    sent.put(names.get(i), HostileValues.ALL.get((round + i) % HostileValues.ALL.size()).value());
                }
                check(send(form.method(), form.action(), sent, fixture.current(form.role())), form.key(), sent,
                        problems);
                requests++;
            }
            for (String name : names) {
                Map<String, String> sent = plausible(form);
                sent.put(name, HostileValues.MARKUP.get(names.indexOf(name) % HostileValues.MARKUP.size()));
                check(send(form.method(), form.action(), sent, fixture.current(form.role())), form.key(), sent,
                        problems);
                requests++;
            }
        }

        for (Route route : routes) {
            if (route.handler() == null) {
                continue;
            }
            List<String> parameters = new ArrayList<>(parameters(route));
            if (parameters.isEmpty()) {
                continue;
            }
            String path = route.path(fixture.pathValues(route.pattern()));
            Role role = firstAnswering(fixture, route, path);
            for (int round = 0; round < HostileValues.ALL.size(); round++) {
                Map<String, String> sent = new LinkedHashMap<>(route.required(fixture.requiredParameters()));
                for (int i = 0; i < parameters.size(); i++) {
                    sent.put(parameters.get(i), HostileValues.ALL.get((round + i) % HostileValues.ALL.size()).value());
                }
                check(send(route.requestMethod(), path, sent, fixture.current(role)), route.key(), sent, problems);
                requests++;
            }
        }

        for (Route route : routes) {
            if (!route.requestMethod().equals("GET") || route.pattern().startsWith("/dev/mailbox")) {
                continue;
            }
            for (Role role : Role.values()) {
                String path = route.path(fixture.pathValues(route.pattern()));
                check(send("GET", path, route.required(fixture.requiredParameters()), fixture.current(role)),
                        "afterwards GET " + path + " as " + RouteMatrix.name(role), Map.of(), problems);
                requests++;
            }
        }
        assertThat(problems).as("%d requests; what went wrong:\n%s", requests, String.join("\n", problems))
                .isEmpty();
    }

    /** The forms of every page each role gets, once each (the first role seeing it sends it). */
    private List<Form> forms(SecurityFixture fixture, List<Route> routes) {
        Map<String, Form> found = new LinkedHashMap<>();
        for (Role role : SEEKERS) {
            for (Route route : routes) {
                if (!route.requestMethod().equals("GET") || route.pattern().startsWith("/dev/mailbox")
                        || route.pattern().startsWith("/actuator")) {
                    continue;
                }
                String path = route.path(fixture.pathValues(route.pattern()));
                MockHttpServletResponse page = send("GET", path, Map.of(), fixture.current(role)).response();
                if (page == null || page.getStatus() != 200 || page.getContentType() == null
                        || !page.getContentType().startsWith("text/html")) {
                    continue;
                }
                Document document = Jsoup.parse(body(page), "http://localhost" + path);
                for (Element element : document.select("form")) {
                    Form form = form(element, role);
                    if (form != null) {
                        found.putIfAbsent(form.key(), form);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static Form form(Element form, Role role) {
        String method = form.attr("method").isEmpty() ? "GET" : form.attr("method").toUpperCase();
        URI action = URI.create(form.absUrl("action").isEmpty() ? form.baseUri() : form.absUrl("action"));
        if (!"localhost".equals(action.getHost())) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            String type = input.tagName().equals("input") ? input.attr("type").toLowerCase() : input.tagName();
            if (name.equals("_csrf") || type.equals("file") || type.equals("submit") || fields.containsKey(name)) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "textarea" -> input.text();
                case "select" -> {
                    Element chosen = input.selectFirst("option[selected]");
                    Element first = input.selectFirst("option");
                    yield chosen != null ? chosen.val() : first != null ? first.val() : "";
                }
                default -> input.val();
            };
            fields.put(name, value);
            types.put(name, type.isEmpty() ? "text" : type);
        }
        if (fields.isEmpty()) {
            return null;
        }
        return new Form(method, action.getRawPath(), role, fields, types);
    }

    /** What a person filling the form would type where the page left a field empty. */
    private static Map<String, String> plausible(Form form) {
        Map<String, String> values = new LinkedHashMap<>(form.fields());
        form.fields().forEach((name, value) -> {
            if (!value.isEmpty()) {
                return;
            }
            String type = form.types().get(name);
            String lower = name.toLowerCase();
            values.put(name, switch (type) {
                case "email" -> Accounts.uniqueEmail("probe");
                case "number" -> "5";
                case "date" -> "2031-06-01";
                case "datetime-local" -> "2031-06-01T19:00";
                case "password" -> lower.contains("current") ? Accounts.PASSWORD : "a much longer probe passphrase";
                default -> lower.contains("slug") ? "probe-" + UNIQUE.incrementAndGet()
                        : lower.contains("email") ? Accounts.uniqueEmail("probe")
                        : lower.contains("price") ? "0" : "Probe";
            });
        });
        return values;
    }

    /** The parameters a handler reads: its {@code @RequestParam} names and its {@code @ModelAttribute} fields. */
    private static Set<String> parameters(Route route) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            }
            if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    && !BeanUtils.isSimpleProperty(parameter.getParameterType())) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(parameter.getParameterType())) {
                    if (property.getWriteMethod() != null) {
                        names.add(property.getName());
                    }
                }
            }
        }
        return names;
    }

    /** The first role the route does not turn away, so hostile parameters reach the handler. */
    private Role firstAnswering(SecurityFixture fixture, Route route, String path) {
        if (!route.requestMethod().equals("GET")) {
            return route.pattern().startsWith("/admin") ? Role.ADMIN
                    : route.pattern().startsWith("/dashboard") ? Role.OWNER : Role.PARTICIPANT;
        }
        for (Role role : SEEKERS) {
            MockHttpServletResponse page = send("GET", path, Map.of(), fixture.current(role)).response();
            if (page != null && page.getStatus() == 200) {
                return role;
            }
        }
        return Role.OWNER;
    }

    /** An answer, or the exception no handler turned into one. */
    record Answer(MockHttpServletResponse response, Exception failure) {
    }

    private Answer send(String method, String path, Map<String, String> parameters, User user) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .accept(MediaType.TEXT_HTML, MediaType.ALL);
        // each request from an address of its own: per-address limits and the sign-in throttle are not what is probed
        String client = ClientAddresses.unique();
        request.with(sent -> {
            sent.setRemoteAddr(client);
            return sent;
        });
        parameters.forEach(request::param);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        if (user != null) {
            request.with(authentication(Accounts.signedIn(user)));
        }
        // hostile values are to reach the handlers, not the rate limits (tested on their own in RateLimitTests)
        limits.forgetAll();
        try {
            return new Answer(mvc.perform(request).andReturn().getResponse(), null);
        } catch (Exception unanswered) {
            return new Answer(null, unanswered);
        }
    }

    private static void check(Answer answer, String what, Map<String, String> sent, List<String> problems) {
        String values = sent.isEmpty() ? "" : " with " + describe(sent);
        if (answer.failure() != null) {
            Throwable cause = answer.failure().getCause() == null ? answer.failure() : answer.failure().getCause();
            problems.add(what + values + ": unanswered " + cause);
            return;
        }
        MockHttpServletResponse response = answer.response();
        if (response.getStatus() >= 500) {
            problems.add(what + values + ": status " + response.getStatus());
            return;
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            return;
        }
        String html = body(response);
        for (String markup : HostileValues.MARKUP) {
            if (html.contains(markup)) {
                problems.add(what + values + ": raw markup in the page: " + markup);
            }
        }
        if (html.contains(HostileValues.EVALUATED)) {
            problems.add(what + values + ": a template expression was evaluated");
        }
        Document page = Jsoup.parse(html);
        for (Element linked : page.select("[href], [src], [action], [formaction]")) {
            for (String attribute : List.of("href", "src", "action", "formaction")) {
                String target = linked.attr(attribute).strip().toLowerCase();
                if (target.startsWith("javascript:") || target.startsWith("data:text/html")) {
                    problems.add(what + values + ": a script URL in " + linked.tagName() + "@" + attribute);
                }
            }
        }
    }

    private static String describe(Map<String, String> sent) {
        List<String> shown = new ArrayList<>();
        sent.forEach((name, value) -> HostileValues.ALL.stream().filter(hostile -> hostile.value().equals(value))
                .findFirst().ifPresent(hostile -> shown.add(name + "=" + hostile)));
        return shown.isEmpty() ? sent.keySet().toString() : String.join(", ", shown);
    }

    private static String body(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
