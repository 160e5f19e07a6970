package org.guichet.media;

import org.springframework.stereotype.Component;

/** The picture upload limit as pages show it: in help texts and in the browser's check before sending. */
@Component("uploadLimits")
public class UploadLimits {

    private final MediaSettings settings;

    UploadLimits(MediaSettings settings) {
        this.settings = settings;
    }

    public long bytes() {
        return settings.maxUploadSize().toBytes();
    }

    public long megabytes() {
        return settings.maxUploadMegabytes();
    }
}
