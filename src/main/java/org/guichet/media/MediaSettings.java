package org.guichet.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded pictures ({@code guichet.media.*}), with their defaults here. The multipart parser's own
 * limits ({@code spring.servlet.multipart.*}) must stay above {@code maxUploadSize}, so that a picture a little
 * too large still arrives with the rest of its form and is refused beside its field.
 *
 * @param maxUploadSize the largest picture file accepted (also checked in the browser before sending)
 * @param maxPixels the most pixels (width × height, read from the header) a picture may have
 * @param maxSide the longest side, in pixels, a picture may have
 * @param concurrentDecodes how many pictures may be decoded at once across the application
 * @param decodeWait how long an upload waits for a decoding slot before being told to try again
 */
@ConfigurationProperties("guichet.media")
public record MediaSettings(
        @DefaultValue("10MB") DataSize maxUploadSize,
        @DefaultValue("32000000") long maxPixels,
        @DefaultValue("10000") int maxSide,
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("3s") Duration decodeWait) {

    public MediaSettings {
        if (concurrentDecodes < 1) {
            throw new IllegalArgumentException("guichet.media.concurrent-decodes must be at least 1");
        }
    }

    /** The upload limit in whole megabytes, as the messages say it. */
    public long maxUploadMegabytes() {
        return maxUploadSize.toMegabytes();
    }
}
