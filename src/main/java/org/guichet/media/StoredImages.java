package org.guichet.media;

import java.time.Duration;

import org.guichet.shared.NotFound;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers with a stored image once its caller has decided who may see it: there is no address that serves a
 * stored file by its key alone. Addresses carry the file's {@link #version(String) version}, so a new picture is a
 * new address and a cached one may be kept: for a day in any cache when everyone may see it, for an hour in the
 * viewer's own browser only when not.
 */
@Component("storedImages")
public class StoredImages {

    static final Duration SHARED_FOR = Duration.ofDays(1);
    static final Duration PRIVATE_FOR = Duration.ofHours(1);
    private static final int VERSION_LENGTH = 12;

    private final FileStorage storage;

    StoredImages(FileStorage storage) {
        this.storage = storage;
    }

    /** An image everyone may see (a public event's picture): any cache may keep it. */
    public ResponseEntity<Resource> forEveryone(String key) {
        return jpeg(key, CacheControl.maxAge(SHARED_FOR).cachePublic());
    }

    /** An image only some may see (a private or draft event's, a profile photo): kept by this browser only. */
    public ResponseEntity<Resource> forThisViewer(String key) {
        return jpeg(key, CacheControl.maxAge(PRIVATE_FOR).cachePrivate());
    }

    /** A short part of the stored file's random name, to put in its address; null for no file. */
    public String version(String key) {
        if (key == null) {
            return null;
        }
        int start = key.lastIndexOf('/') + 1;
        return key.substring(start, Math.min(key.length(), start + VERSION_LENGTH));
    }

    private ResponseEntity<Resource> jpeg(String key, CacheControl caching) {
        return storage.find(key)
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(caching)
                        .<Resource>body(new FileSystemResource(file)))
                .orElseThrow(() -> new NotFound("image", key));
    }
}
