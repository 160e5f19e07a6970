package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;

/** An account's address: unverified at sign-up, verified once by its link, or by confirming a new address. */
class UserVerificationTests {

    private static final Instant SIGNED_UP = Instant.parse("2026-03-01T10:00:00Z");

    private static User signedUp() {
        return new User("Lea@Example.org", "{noop}x", "Léa", "Petit", Locale.FRENCH, EnumSet.noneOf(Role.class),
                SIGNED_UP);
    }

    @Test
    void startsUnverified() {
        User user = signedUp();
        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.getEmailVerifiedAt()).isNull();
        assertThat(AccountPrincipal.of(withId(user)).isVerified()).isFalse();
        assertThat(AccountPrincipal.of(withId(user)).getAuthorities())
                .extracting(Object::toString).doesNotContain(AccountPrincipal.VERIFIED);
    }

    @Test
    void isVerifiedOnceByItsLink() {
        User user = signedUp();
        Instant at = SIGNED_UP.plus(Duration.ofHours(2));
        user.verifyEmail(at);
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.getEmailVerifiedAt()).isEqualTo(at);
        assertThat(AccountPrincipal.of(withId(user)).getAuthorities())
                .extracting(Object::toString).contains(AccountPrincipal.VERIFIED, Role.PARTICIPANT.authority());
    }

    @Test
    void refusesToBeVerifiedTwiceAndKeepsTheFirstInstant() {
        User user = signedUp();
        user.verifyEmail(SIGNED_UP.plusSeconds(60));
        assertThatThrownBy(() -> user.verifyEmail(SIGNED_UP.plusSeconds(120)))
                .isInstanceOf(Refusal.class).hasMessage("account.verify.already");
        assertThat(user.getEmailVerifiedAt()).isEqualTo(SIGNED_UP.plusSeconds(60));
    }

    @Test
    void aConfirmedNewAddressIsVerifiedWhetherOrNotTheOldOneWas() {
        User unverified = signedUp();
        Instant at = SIGNED_UP.plus(Duration.ofDays(1));
        unverified.changeEmail("New@Example.org", at);
        assertThat(unverified.getEmail()).isEqualTo("new@example.org");
        assertThat(unverified.getEmailVerifiedAt()).isEqualTo(at);

        User verified = signedUp();
        verified.verifyEmail(SIGNED_UP.plusSeconds(1));
        verified.changeEmail("other@example.org", at);
        assertThat(verified.getEmailVerifiedAt()).isEqualTo(at);
    }

    @Test
    void isAnAbandonedSignUpOnlyWhenUnverifiedSinceBeforeTheCutoff() {
        User user = signedUp();
        assertThat(user.isUnverifiedSince(SIGNED_UP.plusSeconds(1))).isTrue();
        assertThat(user.isUnverifiedSince(SIGNED_UP)).isFalse();
        user.verifyEmail(SIGNED_UP.plusSeconds(5));
        assertThat(user.isUnverifiedSince(SIGNED_UP.plus(Duration.ofDays(30)))).isFalse();
    }

    /** The principal needs an id, which only the database gives; reflection stands in for it here. */
    private static User withId(User user) {
        try {
            var id = User.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(user, 42L);
            return user;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
