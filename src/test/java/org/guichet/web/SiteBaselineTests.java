package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;

import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SiteBaselineTests {

    @Autowired
    MockMvc mvc;

    @Test
    void sendsTheSecurityHeadersOnEveryPage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void sendsHstsOverHttps() throws Exception {
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void showsAFriendlyNotFoundPageWithoutTechnicalDetails() throws Exception {
        mvc.perform(get("/dev/mailbox/987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).header("Accept-Language", "fr")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Cette page n’existe pas")));
    }

    @Test
    void showsAServerErrorWithARequestIdAndNeverTheExceptionText() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side")))
                .andExpect(content().string(not(containsString("secret detail"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void showsAFriendlyForbiddenPage() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You cannot do that")));
    }

    @Test
    void reportsHealthWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void speaksTheBrowsersLanguageWhenItIsFrenchOrEnglish() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "fr-CA,fr;q=0.9"))
                .andExpect(content().string(containsString("Des événements qui valent le déplacement")))
                .andExpect(content().string(containsString("lang=\"fr\"")));
        mvc.perform(get("/").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(content().string(containsString("Events worth showing up for")));
    }

    @Test
    void servesStaticAssetsFromWebJarsWithoutANodeBuild() throws Exception {
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/guichet.js")).andExpect(status().isOk());
    }

    /** Pages link static files under names carrying their content's hash, which browsers may keep a year. */
    @Test
    void linksStaticFilesUnderVersionedNamesKeptAYear() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        Matcher stylesheet = Pattern.compile("href=\"(/css/guichet-[0-9a-f]{32}\\.css)\"").matcher(page);
        Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+-[0-9a-f]{32}\\.css)\"").matcher(page);
        assertThat(stylesheet.find()).as("the stylesheet under a versioned name in %s", page).isTrue();
        assertThat(bootstrap.find()).as("Bootstrap under a versioned name").isTrue();

        for (String file : new String[] {stylesheet.group(1), bootstrap.group(1)}) {
            mvc.perform(get(file)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        }
    }
}
