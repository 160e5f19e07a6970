package org.guichet.media;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.guichet.support.Images;
import org.guichet.support.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class ImageProcessorTests {

    /** The event's two kept sizes (event/EventImages), drawn from one decode. */
    private static final ImageFormat CARD = new ImageFormat("card", 640, 400, true);
    private static final ImageFormat BANNER = new ImageFormat("banner", 1600, 640, true);
    private static final List<ImageFormat> EVENT = List.of(CARD, BANNER);

    private final ImageProcessor processor = new ImageProcessor(settings(2, Duration.ofSeconds(30)));

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
    void makesEveryKeptSizeFromOneUpload() throws Exception {
        List<byte[]> kept = processor.process(Images.jpeg(2400, 1600), EVENT);
        assertThat(Images.dimensions(kept.get(0))).containsExactly(640, 400);
        assertThat(Images.dimensions(kept.get(1))).containsExactly(1600, 640);
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
    void refusesAFileOverTheUploadLimitNamingIt() {
        assertThatThrownBy(() -> processor.process(new byte[10 * 1024 * 1024 + 1], ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooLarge")
                .satisfies(rejected -> assertThat(((ImageRejected) rejected).arguments()).containsExactly(10L));
        assertThatThrownBy(() -> processor.readLimited(new ByteArrayInputStream(new byte[10 * 1024 * 1024 + 1])))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooLarge");
    }

    @Test
    void refusesImagesOverThePixelLimitFromTheirHeaderAlone() throws Exception {
        byte[] bomb = Images.png(1, 1);
        patchPngSize(bomb, 6300, 6300);
        assertThatThrownBy(() -> processor.process(bomb, EVENT))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooManyPixels")
                .satisfies(rejected -> assertThat(((ImageRejected) rejected).arguments()).containsExactly(32L));
    }

    @Test
    void refusesImagesWithASideOverTheLimit() throws Exception {
        byte[] ribbon = Images.png(1, 1);
        patchPngSize(ribbon, 12_000, 1_000);
        assertThatThrownBy(() -> processor.process(ribbon, EVENT))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.tooWide")
                .satisfies(rejected -> assertThat(((ImageRejected) rejected).arguments()).containsExactly(10_000));
    }

    @Test
    void refusesTheSmallPngOf6300By6300PixelsWithoutDecodingIt() throws Exception {
        byte[] upload = flatPng(6300, 6300);
        assertThat(upload.length).as("a small file").isLessThan(200 * 1024);
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> processor.process(upload, EVENT))
                .hasMessage("media.image.tooManyPixels"));
        assertThat(allocated).as("bytes allocated to refuse it").isLessThan(8L * 1024 * 1024);
    }

    @Test
    void decodesALargePhotoSubsampledToAboutTwiceTheLargestKeptSize() throws Exception {
        byte[] upload = flatPng(5400, 5400);
        BufferedImage decoded = processor.decode(upload, EVENT);
        // the banner keeps 1600 × 1600 of a square source before cropping: at least that, less than twice it
        assertThat(decoded.getWidth()).isBetween(1600, 3199);
        assertThat(decoded.getHeight()).isBetween(1600, 3199);
        assertThat(decoded.getRGB(10, 10)).as("the left half's colour").isEqualTo(0xFFC0392B);
        assertThat(decoded.getRGB(decoded.getWidth() - 10, 10)).as("the right half's").isEqualTo(0xFF2C3E50);
    }

    @Test
    void keepsBothSizesOfA29MegapixelPngWithinASmallHeapBudget() throws Exception {
        byte[] upload = flatPng(5400, 5400);
        processor.process(upload, EVENT); // classes loaded, readers found: measure the upload alone
        List<byte[]>[] kept = new List[1];
        long allocated = allocatedBy(() -> kept[0] = processor.process(upload, EVENT));
        assertThat(Images.dimensions(kept[0].get(0))).containsExactly(640, 400);
        assertThat(Images.dimensions(kept[0].get(1))).containsExactly(1600, 640);
        // decoded whole, its pixels alone would take 5400 × 5400 × 3 bytes = 87 MB
        assertThat(allocated).as("bytes allocated for one upload").isLessThan(40L * 1024 * 1024);
    }

    @Test
    void sixLargeUploadsAtOnceAllSucceedTakingTurns() {
        byte[] upload = flatPng(5400, 5400);
        List<Race.Outcome<List<byte[]>>> outcomes = Race.run(6, () -> processor.process(upload, EVENT));
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).isNull();
            assertThat(Images.dimensions(outcome.value().get(1))).containsExactly(1600, 640);
        });
        assertThat(processor.decodingSlots().availablePermits()).as("every slot given back").isEqualTo(2);
    }

    @Test
    void anUploadThatGetsNoDecodingSlotInTimeIsAskedToTryAgain() throws Exception {
        ImageProcessor oneAtATime = new ImageProcessor(settings(1, Duration.ofMillis(50)));
        oneAtATime.decodingSlots().acquire();
        try {
            assertThatThrownBy(() -> oneAtATime.process(Images.png(800, 600), EVENT))
                    .isInstanceOf(ImageRejected.class)
                    .hasMessage("media.image.busy");
        } finally {
            oneAtATime.decodingSlots().release();
        }
        assertThat(oneAtATime.process(Images.png(800, 600), EVENT)).hasSize(2);
    }

    @Test
    void refusesACorruptImageLoggingTheDecodersErrorInOneLine(CapturedOutput output) throws Exception {
        byte[] png = Images.png(400, 300);
        byte[] corrupt = Arrays.copyOf(png, png.length);
        for (int i = 60; i < corrupt.length - 20; i++) {
            corrupt[i] = (byte) 0x5A;
        }
        assertThatThrownBy(() -> processor.process(corrupt, EVENT))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.notAnImage");
        String warning = output.getAll().lines().filter(line -> line.contains("Unreadable png image (400x300)"))
                .findFirst().orElseThrow();
        assertThat(warning).contains("WARN").contains("Exception");
        assertThat(output.getAll()).doesNotContain("\tat javax.imageio");
    }

    @Test
    void subsamplesByTheLargestStepThatKeepsEveryFormatsSize() {
        assertThat(ImageProcessor.subsampling(1600, 640, EVENT)).isEqualTo(1);
        assertThat(ImageProcessor.subsampling(800, 500, EVENT)).as("never enlarged").isEqualTo(1);
        assertThat(ImageProcessor.subsampling(6000, 4000, EVENT)).as("6000 / 1600").isEqualTo(3);
        assertThat(ImageProcessor.subsampling(6000, 4000, List.of(ImageFormat.AVATAR))).as("4000 / 256")
                .isEqualTo(15);
    }

    @Test
    void refusesOtherImageFormats() throws Exception {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif", gif);
        assertThatThrownBy(() -> processor.process(gif.toByteArray(), ImageFormat.AVATAR))
                .isInstanceOf(ImageRejected.class)
                .hasMessage("media.image.unsupportedFormat");
    }

    private static MediaSettings settings(int concurrentDecodes, Duration decodeWait) {
        return new MediaSettings(DataSize.ofMegabytes(10), 32_000_000, 10_000, concurrentDecodes, decodeWait);
    }

    /** Bytes the current thread allocates while the action runs. */
    private static long allocatedBy(ThrowingRunnable action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * A PNG written row by row (never held as pixels): left half one colour, right half another. Flat colours
     * compress so well that tens of megapixels fit in about a hundred kilobytes, as in the issue.
     */
    private static byte[] flatPng(int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            byte[] header = new byte[13];
            writeInt(header, 0, width);
            writeInt(header, 4, height);
            header[8] = 8; // bits per sample
            header[9] = 2; // RGB
            chunk(png, "IHDR", header);
            byte[] row = new byte[1 + width * 3];
            for (int x = 0; x < width; x++) {
                boolean left = x < width / 2;
                row[1 + x * 3] = (byte) (left ? 0xC0 : 0x2C);
                row[2 + x * 3] = (byte) (left ? 0x39 : 0x3E);
                row[3 + x * 3] = (byte) (left ? 0x2B : 0x50);
            }
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed,
                    new Deflater(Deflater.BEST_COMPRESSION))) {
                for (int y = 0; y < height; y++) {
                    deflate.write(row);
                }
            }
            chunk(png, "IDAT", compressed.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] length = new byte[4];
        writeInt(length, 0, data.length);
        png.write(length);
        byte[] typed = new byte[4 + data.length];
        System.arraycopy(type.getBytes(ISO_8859_1), 0, typed, 0, 4);
        System.arraycopy(data, 0, typed, 4, data.length);
        png.write(typed);
        CRC32 crc = new CRC32();
        crc.update(typed);
        byte[] checksum = new byte[4];
        writeInt(checksum, 0, (int) crc.getValue());
        png.write(checksum);
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
        chunk(out, "tEXt", data);
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
