package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import org.guichet.GuichetApplication;
import org.guichet.notification.OutboxSender;
import org.guichet.support.TestMail;
import org.guichet.support.TestMailServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A fresh {@code prod} install, started as an operator would with only the documented environment, on a new empty
 * PostgreSQL database: the configured administrator gets the set-password mail, follows it, signs in, finds the
 * standard categories in both languages and publishes a first event that the public listing shows. Over real
 * HTTP, so Tomcat's own cookies are checked too.
 */
class ProductionFirstStartTests {

    private static final String ADMIN = "owner@guichet.example";
    private static final String PASSWORD = "a first rare passphrase";

    @Test
    void aFreshProductionInstallMailsItsAdministratorWhoPublishesAFirstEvent() throws Exception {
        String database = "guichet_first_start_" + System.nanoTime();
        Path storage = Files.createTempDirectory("guichet-first-start");
        createDatabase(database);
        try (ConfigurableApplicationContext guichet = start(database, storage)) {
            Site site = new Site(guichet.getEnvironment().getProperty("local.server.port"));

            String link = TestMail.firstLinkPath(setPasswordMail(guichet));
            assertThat(link).startsWith("/password/reset?token=");
            Document reset = site.page(link);
            site.post("/password/reset", reset, "token", reset.selectFirst("input[name=token]").val(),
                    "password", PASSWORD).expectRedirectTo("/login?reset");

            Response signIn = site.post("/login", site.page("/login"), "email", ADMIN, "password", PASSWORD,
                    "remember-me", "on");
            signIn.expectRedirectTo("/");
            assertThat(signIn.setCookie("remember-me")).contains("HttpOnly", "Secure", "SameSite=Lax");
            assertThat(signIn.setCookie("SESSION")).contains("HttpOnly", "Secure", "SameSite=Lax");

            Document form = site.page("/dashboard/events/new");
            assertThat(form.select("select[name=category] option").eachText())
                    .contains("Conference", "Workshop", "Concert", "Meetup", "Sport", "Festival", "Exhibition",
                            "Networking");
            site.post("/locale", form, "lang", "fr", "redirect", "/dashboard/events/new");
            form = site.page("/dashboard/events/new");
            assertThat(form.select("select[name=category] option").eachText())
                    .contains("Conférence", "Atelier", "Exposition");

            LocalDateTime start = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.HOURS).withHour(19);
            DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            String event = site.post("/dashboard/events/new", form, "title", "Première soirée", "description",
                    "Notre premier événement", "category", "exhibition", "venueName", "La Halle", "address",
                    "1 place du Marché", "city", "Nantes", "country", "France", "startsAt", start.format(minutes),
                    "endsAt", start.plusHours(3).format(minutes), "timeZone", "Europe/Paris", "capacity", "40",
                    "price", "0", "currency", "EUR", "maxPerPerson", "4", "visibility", "PUBLIC").location();
            assertThat(event).matches("/dashboard/events/\\d+");
            site.post(event + "/publish", site.page(event)).expectRedirectTo(event);

            Document listing = new Site(guichet.getEnvironment().getProperty("local.server.port")).page("/events");
            assertThat(listing.text()).contains("Première soirée", "Nantes");
        } finally {
            dropDatabase(database);
            deleteRecursively(storage);
        }
    }

    /** The documented environment of a production start, with no setting the test profile adds. */
    private static ConfigurableApplicationContext start(String database, Path storage) throws Exception {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("GUICHET_DB_URL", databaseUrl(database));
        environment.put("GUICHET_DB_USER", postgresUser());
        environment.put("GUICHET_DB_PASSWORD", postgresPassword().isEmpty() ? "trusted" : postgresPassword());
        environment.put("GUICHET_SMTP_HOST", "127.0.0.1");
        environment.put("GUICHET_SMTP_PORT", String.valueOf(mailServer().getSmtp().getPort()));
        environment.put("GUICHET_SMTP_STARTTLS", "false");
        environment.put("GUICHET_MAIL_FROM", "Guichet <no-reply@guichet.example>");
        environment.put("GUICHET_BASE_URL", "https://tickets.guichet.example");
        environment.put("GUICHET_STORAGE_DIR", storage.toString());
        environment.put("GUICHET_TICKET_KEY", newTicketKey());
        environment.put("GUICHET_API_KEY", java.util.Base64.getEncoder().encodeToString(
                java.security.SecureRandom.getSeed(32)));
        environment.put("GUICHET_ALLOW_SANDBOX", "true");
        environment.put("GUICHET_ADMIN_EMAIL", ADMIN);
        environment.put("server.port", "0");
        return new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("prod")
                .properties(environment)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("productionClassesOnly", new ProductionClassesOnly()))
                .run();
    }

    /** The administrator's mail, delivered by the application's own outbox to the suite's GreenMail. */
    private static MimeMessage setPasswordMail(ConfigurableApplicationContext guichet) throws Exception {
        GreenMail server = mailServer();
        int before = server.getReceivedMessages().length;
        guichet.getBean(OutboxSender.class).sendDue();
        server.waitForIncomingEmail(10_000, before + 1);
        List<MimeMessage> received = Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(ADMIN)).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Choose the password of your Guichet administrator account");
        return received.get(0);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail mailServer() {
        return TestMailServer.get();
    }

    private static String newTicketKey() throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
    }

    private static String adminUrl() {
        String url = System.getenv("GUICHET_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
    }

    private static String databaseUrl(String database) {
        String admin = adminUrl();
        return admin.substring(0, admin.lastIndexOf('/') + 1) + database;
    }

    private static String postgresUser() {
        String user = System.getenv("GUICHET_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String postgresPassword() {
        String password = System.getenv("GUICHET_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    private static void createDatabase(String database) throws SQLException {
        administer("create database " + database);
    }

    private static void dropDatabase(String database) throws SQLException {
        administer("drop database if exists " + database + " with (force)");
    }

    private static void administer(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl(), postgresUser(), postgresPassword());
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The production context scans org.guichet: the test sources' components and configurations stay out. */
    static class ProductionClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProductionClassesOnly;
        }

        @Override
        public int hashCode() {
            return ProductionClassesOnly.class.hashCode();
        }
    }

    /**
     * A person's browser over HTTP: keeps cookies (as a browser behind the site's HTTPS proxy would, so the
     * {@code Secure} ones too), follows no redirect by itself, and sends forms with their page's CSRF token.
     */
    private static final class Site {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String origin;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Site(String port) {
            this.origin = "http://127.0.0.1:" + port;
        }

        Document page(String path) throws Exception {
            Response response = send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
            assertThat(response.status()).as("GET " + path).isEqualTo(200);
            return Jsoup.parse(response.body());
        }

        Response post(String path, Document formPage, String... fields) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", formPage.selectFirst("input[name=_csrf]").val());
            for (int i = 0; i < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            String body = form.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            Response response = send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.status()).as("POST " + path + " answers " + response.body()).isEqualTo(302);
            return response;
        }

        private Response send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String header : setCookies) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                if (header.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                }
            }
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null), setCookies);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private record Response(int status, String body, String redirect, List<String> setCookies) {

        /** Where the redirect goes, as a path and query. */
        String location() {
            URI target = URI.create(redirect);
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        void expectRedirectTo(String pathAndQuery) {
            assertThat(location()).isEqualTo(pathAndQuery);
        }

        String setCookie(String name) {
            return setCookies.stream().filter(header -> header.startsWith(name + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + name + " cookie set"));
        }
    }
}
