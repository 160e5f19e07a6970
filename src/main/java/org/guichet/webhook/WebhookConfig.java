package org.guichet.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfig {

    @Bean
    WebhookAddresses webhookAddresses(WebhookSettings settings) {
        return new WebhookAddresses(settings.requireHttps(), settings.allowPrivateAddresses(), HostResolver.SYSTEM);
    }

    @Bean
    WebhookTransport webhookTransport(WebhookAddresses addresses, WebhookSettings settings) {
        return new WebhookTransport(addresses, settings);
    }
}
