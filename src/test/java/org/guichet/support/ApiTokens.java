package org.guichet.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.guichet.account.User;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens for API tests, obtained as a client would: {@code POST /api/v1/auth/token} with the test
 * password, from an address of its own (so no other test's sign-ins throttle it).
 * {@code mvc.perform(get("/api/v1/me").with(ApiTokens.bearer(token)))}.
 */
public final class ApiTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The access token and refresh token of a sign-in. */
    public record Pair(String accessToken, String refreshToken) {
    }

    private ApiTokens() {
    }

    public static Pair signIn(MockMvc mvc, User user) {
        try {
            MvcResult result = mvc.perform(post("/api/v1/auth/token").with(from(ClientAddresses.unique()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(java.util.Map.of("email", user.getEmail(),
                                    "password", Accounts.PASSWORD))))
                    .andReturn();
            if (result.getResponse().getStatus() != 200) {
                throw new IllegalStateException("sign-in refused: " + result.getResponse().getContentAsString());
            }
            JsonNode answer = JSON.readTree(result.getResponse().getContentAsString());
            return new Pair(answer.get("access_token").asString(), answer.get("refresh_token").asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token for this account, with every scope its roles allow. */
    public static String accessToken(MockMvc mvc, User user) {
        return signIn(mvc, user).accessToken();
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    public static RequestPostProcessor from(String clientAddress) {
        return request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        };
    }

    public static JsonNode json(MvcResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
