package org.guichet.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 10 characters, at most 72 bytes (bcrypt reads no further), free of the
 * email's local part, and not one of the common passwords shipped with the app (OWASP SecLists, top 1M).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this(loadCommonPasswords());
    }

    PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** The message keys of every rule the password breaks; empty when it is acceptable. */
    public List<String> violations(String password, String email) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            violations.add("account.password.tooShort");
            return violations;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add("account.password.tooLong");
        }
        String lowered = password.toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String localPart = EmailAddresses.localPart(email);
            if (localPart.length() >= SHORTEST_LOCAL_PART_CHECKED && lowered.contains(localPart)) {
                violations.add("account.password.containsEmail");
            }
        }
        if (commonPasswords.contains(lowered)) {
            violations.add("account.password.common");
        }
        return violations;
    }

    private static Set<String> loadCommonPasswords() {
        ClassPathResource list = new ClassPathResource("account/common-passwords.txt");
        Set<String> passwords = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common password list", e);
        }
        return Set.copyOf(passwords);
    }
}
