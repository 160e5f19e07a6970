package org.guichet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import javax.imageio.ImageIO;

import org.guichet.support.Images;
import org.junit.jupiter.api.Test;

class ImageProcessorTests {

    private final ImageProcessor processor = new ImageProcessor();

    @Test
    void reencodesAPngAsASquareJpegAvatar() throws Exception {
        byte[] avatar = processor.process(Images.png(1200, 800), ImageFormat.AVATAR);
        assertThat(formatOf(avatar)).isEqualTo("JPEG");
        assertThat(Images.dimensions(avatar)).containsExactly(256, 256);
    }

    @Test
    void acceptsJpegAndWebp() throws Exception {
        assertThat(Images.dimensions(processor.process(Images.jpeg(300, 300), ImageFormat.AVATAR)))
                .containsExactly(256, 256);
        try (InputStream webp = getClass().getResourceAsStream("/images/gradient-64x48.webp")) {
            byte[] result = processor.process(webp.readAllBytes(), ImageFormat.AVATAR);
            assertThat(Images.dimensions(result)).as("never enlarged").containsExactly(48, 48);
        }
    }

    @Test
    void stripsMetadataByReencoding() throws Exception {
        byte[] withComment = withPngText(Images.png(64, 64), "GPS 48.8566 2.3522");
        assertThat(new String(withComment, ISO_8859_1)).contains("GPS 48.8566");
        byte[] stored = processor.process(withComment, ImageFormat.AVATAR);
        assertThat(new String(stored, ISO_8859_1)).doesNotContain("GPS");
    }

    @Test
    void refusesATextFileWhateverItsName() {
        assertThatThrownBy(() -> processor.process("hello, I am not a picture".getBytes(), ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.notAnImage");
    }

    @Test
    void refusesAFileOverFiveMegabytes() {
        assertThatThrownBy(() -> processor.process(new byte[5 * 1024 * 1024 + 1], ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooLarge");
    }

    @Test
    void refusesImagesOverFortyMegapixelsBeforeDecodingThem() throws Exception {
        byte[] bomb = Images.png(1, 1);
        patchPngSize(bomb, 8000, 6000);
        assertThatThrownBy(() -> processor.process(bomb, ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooManyPixels");
    }

    @Test
    void refusesOtherImageFormats() throws Exception {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif", gif);
        assertThatThrownBy(() -> processor.process(gif.toByteArray(), ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.unsupportedFormat");
    }

    private static String formatOf(byte[] image) throws IOException {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            return ImageIO.getImageReaders(input).next().getFormatName().toUpperCase();
        }
    }

    /** Writes a new width and height into a PNG header (and its checksum), leaving the pixels as they were. */
    private static void patchPngSize(byte[] png, int width, int height) {
        writeInt(png, 16, width);
        writeInt(png, 20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        writeInt(png, 29, (int) crc.getValue());
    }

    /** Inserts a tEXt chunk (metadata) right after the PNG header chunk. */
    private static byte[] withPngText(byte[] png, String text) throws IOException {
        byte[] data = ("Comment\0" + text).getBytes(ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        byte[] length = new byte[4];
        writeInt(length, 0, data.length);
        out.write(length);
        byte[] chunk = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(ISO_8859_1), 0, chunk, 0, 4);
        System.arraycopy(data, 0, chunk, 4, data.length);
        out.write(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] checksum = new byte[4];
        writeInt(checksum, 0, (int) crc.getValue());
        out.write(checksum);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
