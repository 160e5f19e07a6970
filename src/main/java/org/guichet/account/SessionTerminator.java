package org.guichet.account;

import java.time.Clock;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Signs a user out everywhere: every stored session but the one kept, every "remember me" token and every API
 * refresh token (access tokens already given end with their short lifetime).
 */
@Component
public class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;
    private final ApiRefreshTokenRepository refreshTokens;
    private final Clock clock;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions,
            PersistentTokenRepository rememberMeTokens, ApiRefreshTokenRepository refreshTokens, Clock clock) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public void signOutEverywhere(String email, String keptSessionId) {
        sessions.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(email);
        refreshTokens.revokeAllOfEmail(email, clock.instant());
    }
}
