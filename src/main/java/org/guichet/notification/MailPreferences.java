package org.guichet.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.shared.AbsoluteLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of mail an address receives. Every kind but {@link MailKind#TRANSACTIONAL} is on until its recipient
 * switches it off, from the signed link in the mail (no sign-in) or from the profile page.
 */
@Service
public class MailPreferences {

    private final MailOptOutRepository optOuts;
    private final UnsubscribeSignatures signatures;
    private final AbsoluteLinks links;
    private final Clock clock;

    MailPreferences(MailOptOutRepository optOuts, UnsubscribeSignatures signatures,
            AbsoluteLinks links, Clock clock) {
        this.optOuts = optOuts;
        this.signatures = signatures;
        this.links = links;
        this.clock = clock;
    }

    /** The kinds a person can switch on and off. */
    public static Set<MailKind> choices() {
        return EnumSet.complementOf(EnumSet.of(MailKind.TRANSACTIONAL));
    }

    @Transactional(readOnly = true)
    public boolean wants(String email, MailKind kind) {
        return !kind.canUnsubscribe() || !optOuts.existsByEmailAndKind(normal(email), kind);
    }

    /** How many of these addresses receive this kind, in one query whatever their number. */
    @Transactional(readOnly = true)
    public long countWanting(Collection<String> emails, MailKind kind) {
        Set<String> addresses = emails.stream().map(MailPreferences::normal).collect(Collectors.toSet());
        if (!kind.canUnsubscribe() || addresses.isEmpty()) {
            return addresses.size();
        }
        return addresses.size() - optOuts.countByKindAndEmailIn(kind, addresses);
    }

    /** Each kind that can be switched off, and whether this address receives it. */
    @Transactional(readOnly = true)
    public Map<MailKind, Boolean> of(String email) {
        Map<MailKind, Boolean> wanted = new EnumMap<>(MailKind.class);
        choices().forEach(kind -> wanted.put(kind, true));
        optOuts.findByEmail(normal(email)).forEach(optOut -> wanted.put(optOut.getKind(), false));
        return wanted;
    }

    @Transactional
    public void choose(String email, MailKind kind, boolean wanted) {
        if (!kind.canUnsubscribe()) {
            return;
        }
        String address = normal(email);
        if (wanted) {
            optOuts.deleteByEmailAndKind(address, kind);
        } else if (!optOuts.existsByEmailAndKind(address, kind)) {
            optOuts.save(new MailOptOut(address, kind, clock.instant()));
        }
    }

    /** The one-click link that switches this kind off for this address, without signing in. */
    public String unsubscribeLink(String email, MailKind kind) {
        String address = normal(email);
        return links.base() + "/mail/unsubscribe?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "&kind=" + kind.name() + "&signature=" + signatures.sign(address, kind);
    }

    /** The same link, its page shown in the mail's language. */
    public String unsubscribeLink(String email, MailKind kind, Locale language) {
        return unsubscribeLink(email, kind) + "&lang=" + language.getLanguage();
    }

    /** Whether a link's signature was made for this address and kind. */
    public boolean signed(String email, MailKind kind, String signature) {
        return email != null && kind != null && kind.canUnsubscribe()
                && signatures.verify(normal(email), kind, signature);
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
