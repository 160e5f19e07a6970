package org.guichet.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** The {@code test} profile, plus {@code postgres} when the suite runs with -Ppostgres. */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("guichet.test.db"));
    }
}
