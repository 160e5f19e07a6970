package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.violations("violet tram at dawn", "marie@example.com")).isEmpty();
    }

    @Test
    void refusesFewerThanTenCharacters() {
        assertThat(policy.violations("abc1234xy", "marie@example.com")).containsExactly("account.password.tooShort");
        assertThat(policy.violations(null, "marie@example.com")).containsExactly("account.password.tooShort");
    }

    @Test
    void refusesAPasswordContainingTheEmailLocalPartInAnyCase() {
        assertThat(policy.violations("I am MARIE.curie 1867", "Marie.Curie@example.com"))
                .containsExactly("account.password.containsEmail");
    }

    @Test
    void refusesCommonPasswordsFromTheShippedList() {
        assertThat(policy.violations("password123", "x@example.com")).contains("account.password.common");
        assertThat(policy.violations("QWERTYUIOP", "x@example.com")).contains("account.password.common");
        assertThat(policy.violations("1234567890", "x@example.com")).contains("account.password.common");
    }

    @Test
    void refusesMoreThanBcryptReads() {
        assertThat(policy.violations("é".repeat(40), "x@example.com")).contains("account.password.tooLong");
    }
}
