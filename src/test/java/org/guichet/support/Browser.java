package org.guichet.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A browser over MockMvc: keeps its cookies (session, remember-me, language) from one request to the next. */
public class Browser {

    private final MockMvc mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private String remoteAddress = "127.0.0.1";

    public Browser(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Browser from(String address) {
        this.remoteAddress = address;
        return this;
    }

    public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        String address = remoteAddress;
        request.with(mock -> {
            mock.setRemoteAddr(address);
            return mock;
        });
        ResultActions result = mvc.perform(request);
        keepCookies(result.andReturn());
        return result;
    }

    public ResultActions open(String url) throws Exception {
        return perform(get(url));
    }

    /** A form post with a valid CSRF token, as a page of the site would send it. */
    public ResultActions submit(String url, String... nameValuePairs) throws Exception {
        MockHttpServletRequestBuilder request = post(url).with(csrf());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return perform(request);
    }

    public ResultActions logIn(String email, String password) throws Exception {
        return submit("/login", "email", email, "password", password);
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    public String cookieValue(String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }

    public void forget(String cookieName) {
        cookies.remove(cookieName);
    }

    private void keepCookies(MvcResult result) {
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
    }
}
