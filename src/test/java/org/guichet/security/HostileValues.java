package org.guichet.security;

import java.util.List;

/**
 * The values a hostile visitor types, one list, by class: markup, script URLs, template expressions, SQL and LIKE
 * metacharacters, spreadsheet formulas, control characters, overlong text and odd Unicode. Broken percent-encodings
 * cannot be typed into a form; {@link #BROKEN_ENCODINGS} are sent raw in query strings ({@code BrokenEncodingsTests}).
 */
final class HostileValues {

    /** A value and what it tries. */
    record Hostile(String kind, String value) {
        @Override
        public String toString() {
            return kind + "(" + (value.length() > 40 ? value.substring(0, 40) + "…[" + value.length() + "]" : value)
                    + ")";
        }
    }

    /** Markup that must never come back raw in a page or a mail. */
    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "'><iframe srcdoc=\"<b>x\">");

    /**
     * What an evaluated template expression would print: the product of the expressions below, long enough that no
     * id or count of a long test run prints it by chance (a shorter one, 9359, once matched an event's id).
     */
    static final String EVALUATED = "982007569";

    static final List<Hostile> ALL = List.of(
            new Hostile("markup", MARKUP.get(0)),
            new Hostile("markup", MARKUP.get(1)),
            new Hostile("markup", MARKUP.get(2)),
            new Hostile("markup", MARKUP.get(3)),
            new Hostile("script-url", "javascript:alert(1)"),
            new Hostile("script-url", "data:text/html,<script>alert(1)</script>"),
            new Hostile("template", "${7*7}${31337*31337}"),
            new Hostile("template", "#{7*7}#{31337*31337}"),
            new Hostile("template", "*{T(java.lang.Runtime).getRuntime()}"),
            new Hostile("template", "__${31337*31337}__::.x"),
            new Hostile("template", "[[${31337*31337}]][(${31337*31337})]"),
            new Hostile("sql", "' OR 1=1 --"),
            new Hostile("like", "%_\\"),
            new Hostile("formula", "=HYPERLINK(\"http://evil.test\",\"x\")"),
            new Hostile("formula", "@SUM(1)+-2"),
            new Hostile("control", "a\u0000b"),
            new Hostile("control", "\u001b[31mred"),
            new Hostile("control", "x\r\nBCC: x@evil.test"),
            new Hostile("control", "a\u0085b\u2028c"),
            new Hostile("overlong", "A".repeat(10_000)),
            new Hostile("overlong", "é".repeat(100_000)),
            new Hostile("unicode", "\u202Egnp.exe"),
            new Hostile("unicode", "a\u200D\u200Cb\uFEFF"),
            new Hostile("unicode", "e\u0301\u0301\u0301\u0336"),
            new Hostile("unicode", "lone\uD800surrogate\uDFFF"),
            new Hostile("unicode", "🎟️👩‍👩‍👧 ＦＵＬＬ１２"));

    /** Query strings that do not decode: answered 400, never a server error. */
    static final List<String> BROKEN_ENCODINGS = List.of("%zz", "%E0%A4%A", "%", "%C0%AF", "%ED%A0%80");

    private HostileValues() {
    }
}
