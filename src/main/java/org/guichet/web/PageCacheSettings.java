package org.guichet.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code guichet.page-cache.*}: how long a page rendered for visitors is served again to the next ones (zero turns
 * the cache off), and how much memory those pages may take.
 */
@ConfigurationProperties("guichet.page-cache")
record PageCacheSettings(@DefaultValue("10s") Duration timeToLive, @DefaultValue("32MB") DataSize maxSize) {

    boolean enabled() {
        return !timeToLive.isNegative() && !timeToLive.isZero() && maxSize.toBytes() > 0;
    }
}
