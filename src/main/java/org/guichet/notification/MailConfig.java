package org.guichet.notification;

import org.guichet.shared.AbsoluteLinks;
import org.springframework.beans.factory.ObjectProvider;
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
            AbsoluteLinks links, MailPreferences preferences) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpMailTransport(sender, settings.from(), links.base(), preferences)
                : new DevMailboxTransport();
    }
}
