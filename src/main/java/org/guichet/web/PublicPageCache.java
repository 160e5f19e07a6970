package org.guichet.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.guichet.event.EventChanged;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The pages every visitor sees alike (home, the events list, an event's page), rendered once and served to the next
 * visitors for a few seconds, in front of everything else but the request id and the forwarded-headers rule. Only a
 * request with no session and no remember-me cookie is served from here, so nobody signed in ever gets a page made
 * for someone else; a page is kept only when it went out whole (200, HTML) without setting a cookie. Kept pages carry
 * no CSRF token: the only form on them that posts, the language switcher, does not need one from a visitor. Any
 * change to an event a visitor could notice drops them all at once; past its time a page is rendered anew by one
 * request while the others still get it, so nobody waits on a busy listing every few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(PageCacheSettings.class)
class PublicPageCache extends OncePerRequestFilter {

    static final String HEADER = "X-Page-Cache";
    private static final Set<String> SIGNED_IN_COOKIES = Set.of("SESSION", "remember-me");
    private static final Pattern PUBLIC_PAGES = Pattern.compile("/|/events|/events/\\d+(/[^/]+)?");
    /** Set by the filters outside this one, or proper to each answer. */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "date",
            "transfer-encoding", "connection", "keep-alive", RequestIdFilter.HEADER.toLowerCase(Locale.ROOT));
    private static final long LEADER_WAIT_SECONDS = 5;

    private final LocaleResolver locales;
    private final AsyncCache<String, CachedPage> pages;
    private final boolean enabled;
    private final long freshNanos;
    /** Moves on each drop: a page rendered across a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    PublicPageCache(LocaleResolver locales, PageCacheSettings settings) {
        this.locales = locales;
        this.enabled = settings.enabled();
        Duration fresh = settings.enabled() ? settings.timeToLive() : Duration.ofSeconds(1);
        this.freshNanos = fresh.toNanos();
        this.pages = Caffeine.newBuilder()
                // past its time a page is still served while one request renders it anew, for as long again at most
                .expireAfterWrite(fresh.multipliedBy(2))
                .maximumWeight(Math.max(1, settings.maxSize().toBytes()))
                .<String, CachedPage>weigher((key, page) -> key.length() + page.weight())
                .buildAsync();
    }

    /** After the change commits (or rolls back: a refused sale learns that seats are gone), whichever comes. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(EventChanged change) {
        generation.incrementAndGet();
        pages.synchronous().invalidateAll();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enabled || !servedAlike(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        if ("HEAD".equals(request.getMethod())) {
            CompletableFuture<CachedPage> kept = pages.getIfPresent(key);
            CachedPage page = kept == null ? null : kept.getNow(null);
            if (page == null) {
                chain.doFilter(request, response);
            } else {
                page.writeTo(response, false);
            }
            return;
        }
        CompletableFuture<CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPage> found = pages.get(key, (ignored, executor) -> mine);
        if (found == mine) {
            lead(key, mine, request, response, chain);
            return;
        }
        CachedPage page = awaitLeader(found);
        if (page == null) {
            chain.doFilter(request, response);
        } else if (page.staleAt(System.nanoTime(), freshNanos) && page.claimRefresh()) {
            refresh(key, request, response, chain);
        } else {
            page.writeTo(response, true);
        }
    }

    /** The first request for a page renders it while the others asking for it wait. */
    private void lead(String key, CompletableFuture<CachedPage> mine, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long startedIn = generation.get();
        CachedPage page = null;
        try {
            page = render(request, response, chain);
        } finally {
            mine.complete(page);
            if (generation.get() != startedIn) {
                pages.asMap().remove(key, mine);
            }
        }
    }

    /** A page past its time is rendered anew by one request; the others keep getting the previous one meanwhile. */
    private void refresh(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long startedIn = generation.get();
        CachedPage page = render(request, response, chain);
        if (page == null) {
            pages.synchronous().invalidate(key);
        } else if (generation.get() == startedIn) {
            pages.put(key, CompletableFuture.completedFuture(page));
        }
    }

    /** A visitor asking for one of the public pages, as anyone else would see it. */
    private static boolean servedAlike(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (!PUBLIC_PAGES.matcher(request.getRequestURI()).matches() || request.getHeader("HX-Request") != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SIGNED_IN_COOKIES.contains(cookie.getName())) {
                    return false;
                }
            }
        }
        // a private event's secret link: never kept, so a renewed link stops working at once
        return !request.getParameterMap().containsKey("key");
    }

    private String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return (request.isSecure() ? "https " : "http ") + locales.resolveLocale(request).toLanguageTag() + " "
                + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static CachedPage awaitLeader(CompletableFuture<CachedPage> leader) {
        try {
            return leader.get(LEADER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException notServed) {
            return null;
        }
    }

    private static CachedPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> before = new HashSet<>();
        response.getHeaderNames().forEach(name -> before.add(name.toLowerCase(Locale.ROOT)));
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(new WithoutCsrfToken(request), capture);
        CachedPage page = keepable(capture) ? CachedPage.of(capture, before) : null;
        capture.setHeader(HEADER, "miss");
        capture.copyBodyToResponse();
        return page;
    }

    private static boolean keepable(ContentCachingResponseWrapper response) {
        String type = response.getContentType();
        return response.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty();
    }

    /** Hides the CSRF token from the page: it would be one visitor's, served to all. */
    private static final class WithoutCsrfToken extends HttpServletRequestWrapper {

        WithoutCsrfToken(HttpServletRequest request) {
            super(request);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (!"_csrf".equals(name) && !CsrfToken.class.getName().equals(name)) {
                super.setAttribute(name, value);
            }
        }
    }

    private static final class CachedPage {

        private final String contentType;
        private final Locale language;
        private final List<String[]> headers;
        private final byte[] body;
        private final long renderedAt = System.nanoTime();
        private final AtomicBoolean refreshing = new AtomicBoolean();

        private CachedPage(String contentType, Locale language, List<String[]> headers, byte[] body) {
            this.contentType = contentType;
            this.language = language;
            this.headers = headers;
            this.body = body;
        }

        static CachedPage of(ContentCachingResponseWrapper response, Set<String> setOutside) {
            List<String[]> headers = new ArrayList<>();
            for (String name : new HashSet<>(response.getHeaderNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!setOutside.contains(lower) && !NOT_REPLAYED.contains(lower)) {
                    response.getHeaders(name).forEach(value -> headers.add(new String[] {name, value}));
                }
            }
            return new CachedPage(response.getContentType(), response.getLocale(), List.copyOf(headers),
                    response.getContentAsByteArray());
        }

        boolean staleAt(long now, long freshNanos) {
            return now - renderedAt > freshNanos;
        }

        /** True for the one request that renders this page anew. */
        boolean claimRefresh() {
            return refreshing.compareAndSet(false, true);
        }

        int weight() {
            return body.length + headers.size() * 64;
        }

        void writeTo(HttpServletResponse response, boolean withBody) throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setLocale(language);
            response.setContentType(contentType);
            headers.forEach(header -> response.addHeader(header[0], header[1]));
            response.setHeader(HEADER, "hit");
            response.setContentLength(body.length);
            if (withBody) {
                response.getOutputStream().write(body);
            }
        }
    }
}
