package org.guichet.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.guichet.support.TestProfiles;
import org.guichet.support.TestEvents;
import org.guichet.support.TestSupportConfig;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The application on a real port, driven by Debian's headless Chromium. All browser tests share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guichet.page-cache.time-to-live=10s")
@ActiveProfiles(resolver = TestProfiles.class)
@Import({TestSupportConfig.class, TestEvents.class})
@Tag("browser")
public @interface BrowserTest {
}
