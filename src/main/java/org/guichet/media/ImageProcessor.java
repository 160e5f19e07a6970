package org.guichet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts an uploaded image only by decoding it (never by its name or declared type): JPEG, PNG or WebP, within
 * the {@link MediaSettings} limits. Its width and height are read from the header before any pixel is decoded; it
 * is then decoded once, subsampled to about the largest size kept (a photo of 30 megapixels becomes a raster of a
 * few), and every kept size is drawn from that one decode. Only a few decodes run at once across the application;
 * an upload that cannot get a turn soon is told to try again. What is kept is a fresh JPEG re-encoded from the
 * pixels, so no metadata (location, camera) survives.
 */
@Component
public class ImageProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImageProcessor.class);
    private static final Set<String> ACCEPTED_FORMATS = Set.of("jpeg", "png", "webp");
    private static final float JPEG_QUALITY = 0.86f;

    static {
        ImageIO.scanForPlugins();
    }

    private final MediaSettings settings;
    private final Semaphore decodes;

    public ImageProcessor(MediaSettings settings) {
        this.settings = settings;
        this.decodes = new Semaphore(settings.concurrentDecodes(), true);
    }

    public byte[] process(byte[] upload, ImageFormat format) throws ImageRejected {
        return process(upload, List.of(format)).get(0);
    }

    /** One JPEG per format, in the same order, all drawn from a single decode of the upload. */
    public List<byte[]> process(byte[] upload, List<ImageFormat> formats) throws ImageRejected {
        if (upload == null || upload.length == 0) {
            throw new ImageRejected("media.image.empty");
        }
        if (upload.length > settings.maxUploadSize().toBytes()) {
            throw tooLarge();
        }
        BufferedImage image = decode(upload, formats);
        List<byte[]> kept = new ArrayList<>(formats.size());
        for (ImageFormat format : formats) {
            kept.add(encodeJpeg(resize(image, format)));
        }
        return kept;
    }

    /** Reads an upload stream, giving up as soon as it is over the limit. */
    public byte[] readLimited(InputStream input) throws IOException, ImageRejected {
        long limit = settings.maxUploadSize().toBytes();
        byte[] bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge();
        }
        return bytes;
    }

    /** The decoded pixels: at most about twice the largest kept size on each side, never the whole source. */
    BufferedImage decode(byte[] upload, List<ImageFormat> formats) throws ImageRejected {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new ImageRejected("media.image.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                String formatName = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!ACCEPTED_FORMATS.contains(formatName.equals("jpg") ? "jpeg" : formatName)) {
                    throw new ImageRejected("media.image.unsupportedFormat");
                }
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, formats);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = read(reader, param, formatName, width, height);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new ImageRejected("media.image.notAnImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Unreadable image upload ({} bytes): {}", upload.length, describe(unreadable));
            throw new ImageRejected("media.image.notAnImage");
        }
    }

    private void checkSize(int width, int height) throws ImageRejected {
        if (width < 1 || height < 1) {
            throw new ImageRejected("media.image.notAnImage");
        }
        if (width > settings.maxSide() || height > settings.maxSide()) {
            throw new ImageRejected("media.image.tooWide", settings.maxSide());
        }
        if ((long) width * height > settings.maxPixels()) {
            throw new ImageRejected("media.image.tooManyPixels", settings.maxPixels() / 1_000_000);
        }
    }

    /** Decodes within one of the few decoding slots, or refuses with "busy" when none frees up in time. */
    private BufferedImage read(ImageReader reader, ImageReadParam param, String formatName, int width, int height)
            throws ImageRejected {
        try {
            if (!decodes.tryAcquire(settings.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("No decoding slot within {} for a {}x{} {}: asked to try again", settings.decodeWait(),
                        width, height, formatName);
                throw new ImageRejected("media.image.busy");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ImageRejected("media.image.busy");
        }
        try {
            return reader.read(0, param);
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Unreadable {} image ({}x{}): {}", formatName, width, height, describe(unreadable));
            throw new ImageRejected("media.image.notAnImage");
        } finally {
            decodes.release();
        }
    }

    /** The decoding slots, for tests that need them all taken. */
    Semaphore decodingSlots() {
        return decodes;
    }

    /** Every pixel step-th pixel: the largest step that still leaves at least the largest kept size. */
    static int subsampling(int width, int height, List<ImageFormat> formats) {
        double scale = 0;
        for (ImageFormat format : formats) {
            scale = Math.max(scale, format.scale(width, height));
        }
        return scale >= 1 ? 1 : Math.max(1, (int) Math.floor(1 / scale));
    }

    private ImageRejected tooLarge() {
        return new ImageRejected("media.image.tooLarge", settings.maxUploadMegabytes());
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause();
        return cause == null || cause == error ? error.toString() : error + " (caused by " + cause + ")";
    }

    /** Fits the image in the format's box (never enlarging it); a cropping format fills the box's shape. */
    private static BufferedImage resize(BufferedImage source, ImageFormat format) {
        int[] kept = format.keptSize(source.getWidth(), source.getHeight());
        int width = kept[0];
        int height = kept[1];
        double scale = format.scale(source.getWidth(), source.getHeight());
        int scaledWidth = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int scaledHeight = Math.max(1, (int) Math.round(source.getHeight() * scale));

        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int x = (width - scaledWidth) / 2;
            int y = (height - scaledHeight) / 2;
            graphics.drawImage(source, x, y, scaledWidth, scaledHeight, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
