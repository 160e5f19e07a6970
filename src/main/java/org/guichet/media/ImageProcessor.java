package org.guichet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Accepts an uploaded image only by decoding it (never by its name or declared type): JPEG, PNG or WebP, at most
 * 5 MB and 40 megapixels, the size read from the header before any pixel is decoded. What is kept is a fresh
 * JPEG re-encoded from the pixels, so no metadata (location, camera) survives.
 */
@Component
public class ImageProcessor {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> ACCEPTED_FORMATS = Set.of("jpeg", "png", "webp");
    private static final float JPEG_QUALITY = 0.86f;

    static {
        ImageIO.scanForPlugins();
    }

    public byte[] process(byte[] upload, ImageFormat format) throws ImageRejected {
        if (upload == null || upload.length == 0) {
            throw new ImageRejected("media.image.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw new ImageRejected("media.image.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        BufferedImage image = decode(upload);
        return encodeJpeg(resize(image, format));
    }

    private BufferedImage decode(byte[] upload) throws ImageRejected {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw new ImageRejected("media.image.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                String formatName = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!ACCEPTED_FORMATS.contains(formatName.equals("jpg") ? "jpeg" : formatName)) {
                    throw new ImageRejected("media.image.unsupportedFormat");
                }
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageRejected("media.image.tooManyPixels", MAX_PIXELS / 1_000_000);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new ImageRejected("media.image.notAnImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejected("media.image.notAnImage");
        }
    }

    /** Fits the image in the format's box (never enlarging it); a cropping format fills the box's shape. */
    private static BufferedImage resize(BufferedImage source, ImageFormat format) {
        int width;
        int height;
        double scale;
        if (format.crop()) {
            double ratio = (double) format.width() / format.height();
            width = (int) Math.max(1, Math.min(format.width(), Math.min(source.getWidth(), source.getHeight() * ratio)));
            height = (int) Math.max(1, Math.round(width / ratio));
            scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        } else {
            scale = Math.min(1.0, Math.min((double) format.width() / source.getWidth(),
                    (double) format.height() / source.getHeight()));
            width = Math.max(1, (int) Math.round(source.getWidth() * scale));
            height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        }
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

    /** Reads an upload stream, giving up as soon as it is over the limit. */
    public static byte[] readLimited(InputStream input) throws IOException, ImageRejected {
        byte[] bytes = input.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ImageRejected("media.image.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        return bytes;
    }
}
