package org.guichet.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Collections;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * MockMvc records a forward without following it; this follows a POST's forward as the servlet container would,
 * with the original request's parameters and Guichet's own request attributes.
 */
public final class Forwards {

    private Forwards() {
    }

    public static ResultActions follow(Browser browser, MvcResult forwarded) throws Exception {
        MockHttpServletRequest original = forwarded.getRequest();
        MockHttpServletRequestBuilder request = post(forwarded.getResponse().getForwardedUrl()).with(csrf());
        original.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf")) {
                request.param(name, values);
            }
        });
        for (String name : Collections.list(original.getAttributeNames())) {
            if (name.startsWith("org.guichet.")) {
                request.requestAttr(name, original.getAttribute(name));
            }
        }
        return browser.perform(request);
    }
}
