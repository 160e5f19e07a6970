package org.guichet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stores processed files on the local disk under {@code guichet.storage.directory}, each under a random key
 * (never an address of its own: {@link StoredImages} serves files to those their owner lets see them). Keys are
 * checked before any path is built.
 */
@Component
public class FileStorage {

    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,40}/[a-f0-9]{32}\\.jpg");

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public FileStorage(@Value("${guichet.storage.directory}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public String storeJpeg(String folder, byte[] content) {
        byte[] name = new byte[16];
        random.nextBytes(name);
        String key = folder + "/" + HexFormat.of().formatHex(name) + ".jpg";
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
        return key;
    }

    /** A copy under a new key, so two owners never share a file one of them may delete; null stays null. */
    public String copy(String key) {
        if (key == null) {
            return null;
        }
        Path source = find(key).orElse(null);
        if (source == null) {
            return null;
        }
        try {
            return storeJpeg(key.substring(0, key.indexOf('/')), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + key, e);
        }
    }

    public Optional<Path> find(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(key).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public void delete(String key) {
        find(key).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + key, e);
            }
        });
    }
}
