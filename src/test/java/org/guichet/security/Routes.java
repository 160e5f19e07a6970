package org.guichet.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application answers, read from its own handler mappings (controllers, the error
 * controller, actuator endpoints), so a new one is seen the day it is added. The security filters answer two more
 * addresses themselves, sign-in and sign-out, which no controller maps.
 */
final class Routes {

    /** Served by Spring Security's filters, not by a handler mapping. */
    static final List<String> FILTER_ROUTES = List.of("POST /login", "POST /logout");

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** One method and pattern, as the matrix names it ({@code ANY} when the mapping takes every method). */
    record Route(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        boolean unsafe() {
            return UNSAFE.contains(method);
        }

        /** The parameters its handler cannot do without, with the values known for them. */
        Map<String, String> required(Map<String, String> known) {
            Map<String, String> required = new TreeMap<>();
            if (handler == null) {
                return required;
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                    if (known.containsKey(name)) {
                        required.put(name, known.get(name));
                    }
                }
            }
            return required;
        }

        /** The method a request for it uses: GET for a mapping that takes any. */
        String requestMethod() {
            return method.equals("ANY") ? "GET" : method;
        }

        /** The path with its variables filled, {@code **} as one segment. */
        String path(Map<String, String> values) {
            Matcher variable = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String value = values.get(variable.group(1));
                if (value == null) {
                    throw new IllegalStateException("no value for {" + variable.group(1) + "} in " + pattern);
                }
                variable.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            variable.appendTail(path);
            return path.toString().replace("/**", "/probe");
        }
    }

    private Routes() {
    }

    static List<Route> of(ApplicationContext context) {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.putIfAbsent("ANY " + pattern, new Route("ANY", pattern, entry.getValue()));
                    }
                    for (RequestMethod method : methods) {
                        Route route = new Route(method.name(), pattern, entry.getValue());
                        routes.putIfAbsent(route.key(), route);
                    }
                }
            }
        }
        for (String filtered : FILTER_ROUTES) {
            String[] parts = filtered.split(" ");
            routes.putIfAbsent(filtered, new Route(parts[0], parts[1], null));
        }
        return routes.values().stream().sorted(Comparator.comparing(Route::pattern).thenComparing(Route::method))
                .toList();
    }
}
