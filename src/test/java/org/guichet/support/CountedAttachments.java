package org.guichet.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.notification.Attachment;
import org.guichet.notification.AttachmentRenderer;

/**
 * A test kind of attachment that counts its renderings: each rendering of a file writes its name and a new
 * number, so a second rendering would show in the bytes. A file asked to fail always throws.
 */
public class CountedAttachments implements AttachmentRenderer {

    public static final String KIND = "test-counted";
    private static final String NAME = "name";
    private static final String FAIL = "fail";

    private final Map<String, AtomicInteger> renderings = new ConcurrentHashMap<>();

    public static Attachment file(String name) {
        return Attachment.rendered(name + ".txt", "text/plain", KIND, Map.of(NAME, name));
    }

    public static Attachment failing(String name) {
        return Attachment.rendered(name + ".txt", "text/plain", KIND, Map.of(NAME, name, FAIL, "true"));
    }

    public int renderings(String name) {
        AtomicInteger count = renderings.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] render(Map<String, String> parameters, Locale locale) {
        String name = parameters.get(NAME);
        int rendering = renderings.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
        if (parameters.containsKey(FAIL)) {
            throw new IllegalStateException("the renderer of " + name + " failed");
        }
        return (name + " rendering " + rendering + " in " + locale.toLanguageTag()).getBytes(StandardCharsets.UTF_8);
    }
}
