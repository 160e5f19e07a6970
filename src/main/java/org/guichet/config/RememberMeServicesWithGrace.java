package org.guichet.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.SessionTerminator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * "Keep me signed in" with persistent tokens (a series per device, a value that changes at every use), made
 * tolerant of tabs opened together: the value a rotation just replaced is still accepted for its series during
 * {@link RememberMeSettings#grace()}, and every such request gets the value now in force. Any other old value
 * means the cookie was copied: every session and remember-me login of the account ends, and
 * {@link StolenRememberMeCookie} sends the request to the sign-in page.
 */
class RememberMeServicesWithGrace extends AbstractRememberMeServices {

    static final String COOKIE = "remember-me";
    private static final int RANDOM_BYTES = 16;
    private static final Logger log = LoggerFactory.getLogger(RememberMeServicesWithGrace.class);

    private final RememberMeTokens tokens;
    private final SessionTerminator sessions;
    private final RememberMeSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RememberMeServicesWithGrace(String key, UserDetailsService accounts, RememberMeTokens tokens,
            SessionTerminator sessions, RememberMeSettings settings, Clock clock) {
        super(key, accounts);
        this.tokens = tokens;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        setCookieName(COOKIE);
        setParameter(COOKIE);
        setTokenValiditySeconds((int) settings.validity().toSeconds());
        if (settings.secureCookie()) {
            setUseSecureCookie(true);
        }
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication signedIn) {
        String series = randomValue();
        String value = randomValue();
        tokens.create(signedIn.getName(), series, value, clock.instant());
        setCookie(new String[] {series, value}, getTokenValiditySeconds(), request, response);
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request,
            HttpServletResponse response) {
        if (cookie.length != 2) {
            throw new InvalidCookieException("A remember-me cookie holds a series and a value");
        }
        String series = cookie[0];
        String presented = cookie[1];
        Instant now = clock.instant();
        RememberMeToken token = load(series);
        RememberMeToken.Verdict verdict = judge(token, presented, now);
        if (verdict == RememberMeToken.Verdict.CURRENT) {
            String next = randomValue();
            if (tokens.rotate(series, presented, next, now)) {
                setCookie(new String[] {series, next}, getTokenValiditySeconds(), request, response);
                return getUserDetailsService().loadUserByUsername(token.username());
            }
            // A request sent at the same time rotated it first.
            token = load(series);
            verdict = judge(token, presented, now);
        }
        switch (verdict) {
            case CURRENT, JUST_REPLACED -> setCookie(new String[] {series, token.value()},
                    getTokenValiditySeconds(), request, response);
            case EXPIRED -> throw new RememberMeAuthenticationException("Remember-me login has expired");
            case STOLEN -> {
                sessions.signOutEverywhere(token.username(), null);
                log.warn("A replaced remember-me cookie was presented again: every session of account {} ended",
                        token.username());
                throw new CookieTheftException("Remember-me cookie used elsewhere");
            }
        }
        return getUserDetailsService().loadUserByUsername(token.username());
    }

    /** Signing out ends every remember-me login of the account, as Spring Security's persistent tokens do. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        super.logout(request, response, authentication);
        if (authentication != null) {
            tokens.removeUserTokens(authentication.getName());
        }
    }

    private RememberMeToken load(String series) {
        return tokens.find(series)
                .orElseThrow(() -> new RememberMeAuthenticationException("No remember-me login for this series"));
    }

    private RememberMeToken.Verdict judge(RememberMeToken token, String presented, Instant now) {
        return token.judge(presented, now, settings.validity(), settings.grace());
    }

    private String randomValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
