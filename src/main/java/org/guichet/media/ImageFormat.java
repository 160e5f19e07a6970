package org.guichet.media;

/** What a stored image should become: its box and how it fits in it. */
public record ImageFormat(String name, int width, int height, boolean crop) {

    public static final ImageFormat AVATAR = new ImageFormat("avatar", 256, 256, true);

    /**
     * How much a source of this size is scaled to make this format (at most 1: never enlarged). A cropping format
     * fills the box's shape, so the side that is cropped is scaled less than it could be.
     */
    double scale(int sourceWidth, int sourceHeight) {
        if (crop) {
            double ratio = (double) width / height;
            int keptWidth = keptWidth(sourceWidth, sourceHeight);
            int keptHeight = (int) Math.max(1, Math.round(keptWidth / ratio));
            return Math.max((double) keptWidth / sourceWidth, (double) keptHeight / sourceHeight);
        }
        return Math.min(1.0, Math.min((double) width / sourceWidth, (double) height / sourceHeight));
    }

    /** The kept image's width and height for a source of this size. */
    int[] keptSize(int sourceWidth, int sourceHeight) {
        if (crop) {
            int keptWidth = keptWidth(sourceWidth, sourceHeight);
            return new int[] {keptWidth, (int) Math.max(1, Math.round(keptWidth / ((double) width / height)))};
        }
        double scale = scale(sourceWidth, sourceHeight);
        return new int[] {Math.max(1, (int) Math.round(sourceWidth * scale)),
                Math.max(1, (int) Math.round(sourceHeight * scale))};
    }

    private int keptWidth(int sourceWidth, int sourceHeight) {
        double ratio = (double) width / height;
        return (int) Math.max(1, Math.min(width, Math.min(sourceWidth, sourceHeight * ratio)));
    }
}
