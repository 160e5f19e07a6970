package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void keepsFormattingListsAndWebLinks() {
        String html = markdown.toSafeHtml("# Programme\n\n**Bold** and *italic*\n\n- one\n- two\n\n[site](https://example.org)");
        assertThat(html).contains("<h2>Programme</h2>", "<strong>Bold</strong>", "<em>italic</em>", "<li>one</li>")
                .contains("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">site</a>");
    }

    @Test
    void neverLetsAScriptThrough() {
        String html = markdown.toSafeHtml("Hello <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "<a href=\"javascript:alert(1)\">click</a>\n\n<iframe src=\"https://evil.example\"></iframe>");
        assertThat(html).doesNotContain("<script", "onerror=", "<img", "<iframe", "href=\"javascript:");
        assertThat(html).contains("Hello");
    }

    @Test
    void dropsJavascriptAndDataLinksWrittenInMarkdown() {
        String html = markdown.toSafeHtml("[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) "
                + "[c](JaVaScRiPt:alert(2)) [d](vbscript:msgbox) [e](mailto:team@example.org)");
        assertThat(html.toLowerCase()).doesNotContain("javascript:", "data:", "vbscript:");
        assertThat(html).contains("href=\"mailto:team&#64;example.org\"");
    }

    @Test
    void rendersNothingForNothing() {
        assertThat(markdown.toSafeHtml(null)).isEmpty();
        assertThat(markdown.toSafeHtml("   ")).isEmpty();
    }
}
