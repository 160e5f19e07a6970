package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;

/** What an administrator may do to an account, allowed and refused: the account decides (no Spring). */
class UserAdminRulesTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void anEnabledAccountIsDisabledOnceThenEnabledOnce() {
        User admin = user(1, Role.ADMIN, Role.ORGANIZER);
        User camille = user(2);
        assertThat(camille.isDisabled()).isFalse();
        refused(camille::enable, "account.admin.error.notDisabled");

        camille.disable(admin, NOW);
        assertThat(camille.isDisabled()).isTrue();
        assertThat(camille.getDisabledAt()).isEqualTo(NOW);
        assertThat(AccountPrincipal.of(camille).isEnabled()).isFalse();
        refused(() -> camille.disable(admin, NOW), "account.admin.error.alreadyDisabled");

        camille.enable();
        assertThat(camille.isDisabled()).isFalse();
        assertThat(AccountPrincipal.of(camille).isEnabled()).isTrue();
    }

    @Test
    void nobodyDisablesTheirOwnAccount() {
        User admin = user(1, Role.ADMIN, Role.ORGANIZER);
        refused(() -> admin.disable(admin, NOW), "account.admin.error.disableSelf");
        refused(() -> admin.disable(user(1, Role.ADMIN), NOW), "account.admin.error.disableSelf");
        assertThat(admin.isDisabled()).isFalse();
    }

    @Test
    void theOrganizerRoleIsGrantedAndRemovedOnceButAnAdministratorKeepsIt() {
        User camille = user(2);
        assertThat(camille.canGrantOrganizer()).isTrue();
        assertThat(camille.canRemoveOrganizer()).isFalse();
        refused(camille::removeOrganizer, "account.admin.error.notOrganizer");

        camille.grantOrganizer();
        assertThat(camille.hasRole(Role.ORGANIZER)).isTrue();
        assertThat(camille.canGrantOrganizer()).isFalse();
        assertThat(camille.canRemoveOrganizer()).isTrue();
        refused(camille::grantOrganizer, "account.admin.error.alreadyOrganizer");

        camille.removeOrganizer();
        assertThat(camille.hasRole(Role.ORGANIZER)).isFalse();
        assertThat(camille.hasRole(Role.PARTICIPANT)).isTrue();

        User admin = user(1, Role.ADMIN, Role.ORGANIZER);
        assertThat(admin.canRemoveOrganizer()).isFalse();
        refused(admin::removeOrganizer, "account.admin.error.adminOrganizes");
        assertThat(admin.hasRole(Role.ORGANIZER)).isTrue();
        assertThat(admin.hasRole(Role.ADMIN)).isTrue();
    }

    private static void refused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo(key));
    }

    private static User user(long id, Role... roles) {
        User user = new User("user" + id + "@example.org", "hash", "Camille", "Test", Locale.ENGLISH,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles), NOW);
        try {
            Field field = User.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(user, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return user;
    }
}
