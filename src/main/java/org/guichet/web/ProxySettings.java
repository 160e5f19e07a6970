package org.guichet.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code guichet.proxies.trusted} ({@code GUICHET_TRUSTED_PROXIES}): addresses or CIDR ranges, none by default. */
@ConfigurationProperties("guichet.proxies")
record ProxySettings(List<String> trusted) {

    ProxySettings {
        trusted = trusted == null ? List.of() : List.copyOf(trusted);
    }
}
