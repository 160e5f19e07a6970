package org.guichet.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Conditional GETs: the {@code ETag} is a digest of the JSON answered, so it changes with anything shown (an edit,
 * a seat taken) and nothing else; {@code If-None-Match} with the same tag is answered 304 without a body.
 */
@Component
public class ETags {

    private final JsonMapper json;

    ETags(JsonMapper json) {
        this.json = json;
    }

    public <T> ResponseEntity<T> ok(WebRequest request, T body) {
        String tag = "\"" + digest(json.writeValueAsBytes(body)) + "\"";
        if (request.checkNotModified(tag)) {
            return ResponseEntity.status(304).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag).body(body);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
