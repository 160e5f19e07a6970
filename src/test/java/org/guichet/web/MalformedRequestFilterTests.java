package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request whose parameters do not decode is logged in one short line, whatever its value holds. */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestFilterTests {

    @Test
    void aLineBreakInTheUndecodableValueCannotForgeALogLine(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = filter(undecodable(
                "Character decoding failed. Parameter [q] with value [x\r\n2026-01-01 ERROR FORGED\u2028more%ZZ]"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(output.getOut()).contains("parameters that do not decode")
                .doesNotContain("\n2026-01-01 ERROR FORGED").doesNotContain("\u2028")
                .contains("x??2026-01-01 ERROR FORGED?more%ZZ");
    }

    @Test
    void aHugeUndecodableValueIsQuotedOnlyInPart(CapturedOutput output) throws Exception {
        String huge = "A".repeat(500_000);
        filter(undecodable("Character decoding failed. Parameter [q] with value [" + huge + "%ZZ]"));

        String line = output.getOut().lines().filter(l -> l.contains("parameters that do not decode"))
                .findFirst().orElseThrow();
        assertThat(line.length()).as("the quoted value is cut").isLessThan(1_000);
    }

    private static MockHttpServletRequest undecodable(String containerMessage) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login") {
            @Override
            public Map<String, String[]> getParameterMap() {
                throw new IllegalStateException(containerMessage);
            }
        };
        request.setContentType("application/x-www-form-urlencoded");
        return request;
    }

    private static MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MalformedRequestFilter().doFilter(request, response, new MockFilterChain());
        return response;
    }
}
