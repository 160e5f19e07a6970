package org.guichet.media.web;

import java.nio.file.Path;
import java.time.Duration;

import org.guichet.media.FileStorage;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves stored images. Keys are random and never reused, so responses are cached for long. */
@Controller
class MediaController {

    private final FileStorage storage;

    MediaController(FileStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/media/{folder}/{name}")
    ResponseEntity<Resource> media(@PathVariable String folder, @PathVariable String name) {
        return storage.find(folder + "/" + name)
                .map(MediaController::jpeg)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<Resource> jpeg(Path file) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(new FileSystemResource(file));
    }
}
