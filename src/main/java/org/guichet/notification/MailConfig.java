package org.guichet.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfig {

    /** SMTP when spring.mail.host is set (prod, tests with GreenMail); the dev mailbox otherwise. */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, MailSettings settings,
            @Value("${guichet.base-url}") String baseUrl, MailPreferences preferences) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpMailTransport(sender, settings.from(), baseUrl, preferences)
                : new DevMailboxTransport();
    }
}
