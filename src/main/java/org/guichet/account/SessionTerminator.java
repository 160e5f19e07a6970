package org.guichet.account;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Signs a user out everywhere: every stored session but the one kept, and every "remember me" token. */
@Component
public class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions,
            PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    public void signOutEverywhere(String email, String keptSessionId) {
        sessions.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(email);
    }
}
