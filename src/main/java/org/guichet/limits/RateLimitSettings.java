package org.guichet.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * Every rate limit, {@code guichet.rate-limits.<action>.per-address|per-account|per-event=<requests>/<period>}
 * (e.g. {@code 5/1h}); a scope left out is not limited. The defaults are in {@code application.properties}.
 * {@code max-tracked-keys} bounds the buckets kept in memory; an idle bucket is dropped once it would be full again.
 */
@ConfigurationProperties("guichet.rate-limits")
record RateLimitSettings(int maxTrackedKeys, Limits signup, Limits login, Limits passwordResetRequest,
        Limits passwordReset, Limits emailChange, Limits verificationResend, Limits ticketResend, Limits invitation,
        Limits attendeeMail, Limits addressInUseMail) {

    private static final Limits NONE = new Limits(null, null, null);

    RateLimitSettings {
        if (maxTrackedKeys <= 0) {
            throw new IllegalArgumentException("guichet.rate-limits.max-tracked-keys must be positive");
        }
    }

    Limits of(RateLimit limit) {
        Limits limits = switch (limit) {
            case SIGNUP -> signup;
            case LOGIN -> login;
            case PASSWORD_RESET_REQUEST -> passwordResetRequest;
            case PASSWORD_RESET -> passwordReset;
            case EMAIL_CHANGE -> emailChange;
            case VERIFICATION_RESEND -> verificationResend;
            case TICKET_RESEND -> ticketResend;
            case INVITATION -> invitation;
            case ATTENDEE_MAIL -> attendeeMail;
            case ADDRESS_IN_USE_MAIL -> addressInUseMail;
        };
        return limits == null ? NONE : limits;
    }

    /** One action's allowances; {@code null} where a scope is not limited. */
    record Limits(Allowance perAddress, Allowance perAccount, Allowance perEvent) {

        Allowance of(RateLimit.Scope scope) {
            return switch (scope) {
                case ADDRESS -> perAddress;
                case ACCOUNT -> perAccount;
                case EVENT -> perEvent;
            };
        }
    }

    /**
     * So many requests per period: a bucket of that many tokens, refilled evenly over the period (so after a
     * burst, one more request every {@code period / requests}).
     */
    record Allowance(int requests, Duration period) {

        Allowance {
            if (requests <= 0 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests > 0 and a positive period");
            }
        }

        /** {@code 5/1h}, {@code 100/1d}, {@code 30/10m}: as the settings are written. */
        public static Allowance valueOf(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("expected <requests>/<period>, e.g. 5/1h: " + text);
            }
            return new Allowance(Integer.parseInt(text.substring(0, slash).strip()),
                    DurationStyle.SIMPLE.parse(text.substring(slash + 1).strip()));
        }

        @Override
        public String toString() {
            long seconds = period.toSeconds();
            String unit = period.toNanosPart() != 0 ? period.toMillis() + "ms"
                    : seconds % 86_400 == 0 ? seconds / 86_400 + "d"
                    : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                    : seconds % 60 == 0 ? seconds / 60 + "m"
                    : seconds + "s";
            return requests + "/" + unit;
        }
    }
}
