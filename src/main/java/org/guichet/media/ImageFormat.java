package org.guichet.media;

/** What a stored image should become: its box and how it fits in it. */
public record ImageFormat(String name, int width, int height, boolean crop) {

    public static final ImageFormat AVATAR = new ImageFormat("avatar", 256, 256, true);
}
