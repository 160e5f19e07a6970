package org.guichet.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/** Plain-text bodies of emails: {@code templates/mail/text/*.txt}, rendered in Thymeleaf's TEXT mode. */
@Configuration(proxyBeanMethods = false)
class TextMailTemplates {

    static final String PREFIX = "mail/text/";

    @Bean
    SpringResourceTemplateResolver textMailTemplateResolver() {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setPrefix("classpath:/templates/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of(PREFIX + "*"));
        resolver.setOrder(0);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
