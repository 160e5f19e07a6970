package org.guichet.notification;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link AttachmentRenderer} the modules provide, by kind. Looked up when needed, not at start-up: the
 * renderers use services that themselves write mails through the {@link Outbox}.
 */
@Component
class AttachmentRenderers {

    private final ObjectProvider<AttachmentRenderer> renderers;

    AttachmentRenderers(ObjectProvider<AttachmentRenderer> renderers) {
        this.renderers = renderers;
    }

    boolean knows(String kind) {
        return find(kind).isPresent();
    }

    AttachmentRenderer of(String kind) {
        return find(kind).orElseThrow(() -> new IllegalStateException("No attachment renderer for " + kind));
    }

    private Optional<AttachmentRenderer> find(String kind) {
        return renderers.orderedStream().filter(renderer -> renderer.kind().equals(kind)).findFirst();
    }
}
