package org.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a refused request left for the next page: the refusal's reasons, as {@link Refusals#flash} keeps them. */
public final class Refused {

    private Refused() {
    }

    /** The redirect carries a refusal whose first reason has this message key. */
    public static ResultMatcher flashed(String messageKey) {
        return result -> {
            Object refusal = result.getFlashMap().get(Refusals.ATTRIBUTE);
            assertThat(refusal).as("a refusal flashed for the next page").isInstanceOf(List.class);
            assertThat(((List<?>) refusal).get(0)).isInstanceOfSatisfying(Refusal.Reason.class,
                    reason -> assertThat(reason.messageKey()).isEqualTo(messageKey));
        };
    }
}
