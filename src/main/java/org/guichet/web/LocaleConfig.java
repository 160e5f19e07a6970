package org.guichet.web;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: the signed-in user's preference, else the language switcher's cookie, else the browser's
 * Accept-Language, else English. Signing in keeps the language a visitor chose with the switcher, by making it the
 * account's (account.web.LoginHandlers), so the page and the account agree. The REST API ({@code /api/}) answers in the request's Accept-Language only.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

    static final String COOKIE = Languages.COOKIE;

    @Bean
    LocaleResolver localeResolver() {
        return new PreferenceLocaleResolver();
    }

    static class PreferenceLocaleResolver extends CookieLocaleResolver {

        PreferenceLocaleResolver() {
            super(COOKIE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieSameSite("Lax");
            setDefaultLocaleFunction(PreferenceLocaleResolver::fromBrowser);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (isApi(request)) {
                // the API speaks the language each request asks for; the account's preference is for pages
                return fromBrowser(request);
            }
            String mailLanguage = fromMailLink(request);
            if (mailLanguage != null) {
                return Locale.forLanguageTag(mailLanguage);
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
                return principal.language();
            }
            return Languages.supported(super.resolveLocale(request));
        }

        /** A mail's unsubscribe link opens its page in the mail's language, whoever's browser follows it. */
        private static String fromMailLink(HttpServletRequest request) {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/mail/")) {
                return null;
            }
            String language = request.getParameter("lang");
            return language != null && Languages.isSupported(language) ? language : null;
        }

        private static boolean isApi(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        }

        /** The same language for what reads the locale context (the form errors' messages), not only the locale. */
        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            TimeZone zone = super.resolveLocaleContext(request) instanceof TimeZoneAwareLocaleContext aware
                    ? aware.getTimeZone() : null;
            return new SimpleTimeZoneAwareLocaleContext(resolveLocale(request), zone);
        }

        private static Locale fromBrowser(HttpServletRequest request) {
            var accepted = request.getLocales();
            while (accepted.hasMoreElements()) {
                Locale locale = accepted.nextElement();
                if (Languages.isSupported(locale.getLanguage())) {
                    return Languages.supported(locale);
                }
            }
            return Locale.ENGLISH;
        }
    }
}
