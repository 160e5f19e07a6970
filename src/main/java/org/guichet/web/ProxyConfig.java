package org.guichet.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The forwarded-headers rule, first of all filters: everything after it sees the client as resolved. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxySettings.class)
class ProxyConfig {

    private static final Logger log = LoggerFactory.getLogger(ProxyConfig.class);

    @Bean
    FilterRegistrationBean<ForwardedHeadersFilter> forwardedHeadersFilter(ProxySettings settings) {
        TrustedProxies trusted = TrustedProxies.parse(settings.trusted());
        if (trusted.isEmpty()) {
            log.info("Forwarded headers are ignored: no trusted proxy (GUICHET_TRUSTED_PROXIES) is set");
        } else {
            log.info("Forwarded headers are believed from {}", settings.trusted());
        }
        FilterRegistrationBean<ForwardedHeadersFilter> registration =
                new FilterRegistrationBean<>(new ForwardedHeadersFilter(trusted));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
