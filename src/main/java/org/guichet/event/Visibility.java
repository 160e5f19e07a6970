package org.guichet.event;

public enum Visibility {
    /** Listed and searchable once published. */
    PUBLIC,
    /** Never listed: reached through its secret link or an invitation. */
    PRIVATE
}
