package org.guichet.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request every page reads: its parameters without control characters (NUL, escapes, C1 controls), which no
 * one types and PostgreSQL refuses to store. Tabs and line breaks stay, for descriptions.
 */
final class PrintableParameters extends HttpServletRequestWrapper {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x80-\\x9F]");

    private Map<String, String[]> parameters;

    PrintableParameters(HttpServletRequest request) {
        super(request);
    }

    static String printable(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll("");
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> cleaned.put(printable(name),
                    Arrays.stream(values).map(PrintableParameters::printable).toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(cleaned);
        }
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }
}
