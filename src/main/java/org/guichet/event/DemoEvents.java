package org.guichet.event;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.guichet.account.User;
import org.guichet.media.FileStorage;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default run's demo events: upcoming ones in several cities, categories and weeks, free and paid, each with a
 * drawn picture; a few past ones; a private one; a draft. Past events cannot be made through the organizer's
 * form, so they are written here directly.
 */
@Component
public class DemoEvents {

    private record Demo(String title, String category, String venue, String city, String country, String zone,
            int inDays, int hour, int hours, int capacity, String price, Visibility visibility, boolean publish,
            String description) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("Spring & Java Day Paris", "conference", "Station F", "Paris", "France", "Europe/Paris", 5, 9, 8, 400, "89.00", Visibility.PUBLIC, true,
                    "A full day about **Java 17+**, Spring Boot 4 and the JVM.\n\n- Keynote on virtual threads\n- Hands-on labs\n- Lunch included"),
            new Demo("Café des langues", "meetup", "Café de la Gare", "Lyon", "France", "Europe/Paris", 3, 19, 3, 40, "0", Visibility.PUBLIC, true,
                    "Practise French, English or Spanish over a coffee. All levels welcome."),
            new Demo("Atelier céramique pour débutants", "workshop", "Atelier Terre & Feu", "Marseille", "France", "Europe/Paris", 8, 14, 3, 12, "45.00", Visibility.PUBLIC, true,
                    "Learn to throw your first bowl on the wheel. *Clay and firing included.*"),
            new Demo("Jazz au bord de l'eau", "concert", "Darwin", "Bordeaux", "France", "Europe/Paris", 10, 20, 3, 250, "22.50", Visibility.PUBLIC, true,
                    "An evening of jazz by the Garonne with the **Quartet Aquitaine**."),
            new Demo("Semi-marathon des Flandres", "sport", "Grand Place", "Lille", "France", "Europe/Paris", 24, 8, 5, 1500, "25.00", Visibility.PUBLIC, true,
                    "21.1 km through Lille's old town. Timing chip and medal included."),
            new Demo("Festival des Nuits Nantaises", "festival", "Parc des Chantiers", "Nantes", "France", "Europe/Paris", 31, 16, 10, 2000, "35.00", Visibility.PUBLIC, true,
                    "Three stages, twenty artists, food trucks and a silent disco until late."),
            new Demo("Impressionnistes en lumière", "exhibition", "Halle aux Grains", "Toulouse", "France", "Europe/Paris", 12, 10, 8, 300, "14.00", Visibility.PUBLIC, true,
                    "An immersive exhibition of impressionist paintings projected in light and music."),
            new Demo("Founders Breakfast", "networking", "Le Tank", "Paris", "France", "Europe/Paris", 6, 8, 2, 60, "0", Visibility.PUBLIC, true,
                    "Meet other founders over croissants. One-minute pitches, no slides."),
            new Demo("Montréal Tech Meetup", "meetup", "Maison Notman", "Montréal", "Canada", "America/Toronto", 14, 18, 3, 120, "0", Visibility.PUBLIC, true,
                    "Lightning talks from Montréal's tech community, in French and English."),
            new Demo("Brussels Data Conference", "conference", "BOZAR", "Bruxelles", "Belgique", "Europe/Brussels", 40, 9, 9, 600, "149.00", Visibility.PUBLIC, true,
                    "Data engineering, analytics and AI in production. Two tracks, 24 talks."),
            new Demo("Atelier d'écriture", "workshop", "Librairie du Rhône", "Genève", "Suisse", "Europe/Zurich", 17, 18, 2, 15, "30.00", Visibility.PUBLIC, true,
                    "Short-story writing workshop led by a published author."),
            new Demo("Quatuor à cordes : Beethoven", "concert", "Salle Rameau", "Lyon", "France", "Europe/Paris", 21, 20, 2, 500, "28.00", Visibility.PUBLIC, true,
                    "Beethoven's late string quartets, performed by the **Quatuor Ébène**."),
            new Demo("Yoga au parc", "sport", "Parc de la Tête d'Or", "Lyon", "France", "Europe/Paris", 2, 9, 1, 30, "0", Visibility.PUBLIC, true,
                    "A gentle morning yoga session outdoors. Bring your own mat."),
            new Demo("Web Accessibility Workshop", "workshop", null, null, null, "Europe/Paris", 9, 18, 2, 200, "0", Visibility.PUBLIC, true,
                    "Online: make your site usable by everyone. WCAG 2.2 in practice."),
            new Demo("Fête de la musique électronique", "festival", "Friche la Belle de Mai", "Marseille", "France", "Europe/Paris", 45, 18, 8, 1200, "19.90", Visibility.PUBLIC, true,
                    "Electronic music from sunset to midnight on the rooftop."),
            new Demo("Photographie de rue", "exhibition", "Galerie Vivienne", "Paris", "France", "Europe/Paris", 19, 11, 7, 150, "8.00", Visibility.PUBLIC, true,
                    "Street photography from Paris, Lagos and Tokyo."),
            new Demo("Afterwork des organisateurs", "networking", "La Cantine", "Nantes", "France", "Europe/Paris", 27, 18, 3, 80, "0", Visibility.PUBLIC, true,
                    "Event organisers share tips on ticketing, check-in and sponsors."),
            new Demo("Masterclass piano", "workshop", "Conservatoire", "Bordeaux", "France", "Europe/Paris", 52, 15, 3, 20, "60.00", Visibility.PUBLIC, true,
                    "A masterclass for advanced pianists, open to listeners."),
            new Demo("Dîner privé des partenaires", "networking", "Hôtel Particulier", "Paris", "France", "Europe/Paris", 15, 20, 3, 24, "0", Visibility.PRIVATE, true,
                    "An invitation-only dinner for our partners."),
            new Demo("Conférence d'été (brouillon)", "conference", "Palais des Congrès", "Lyon", "France", "Europe/Paris", 120, 9, 8, 800, "99.00", Visibility.PUBLIC, false,
                    "Programme to be announced."),
            new Demo("Rencontre Kotlin & Java", "meetup", "Epitech", "Lille", "France", "Europe/Paris", -20, 19, 3, 80, "0", Visibility.PUBLIC, true,
                    "Past meetup: talks about Kotlin and Java interoperability."),
            new Demo("Nuit des musées", "exhibition", "Musée des Beaux-Arts", "Lyon", "France", "Europe/Paris", -45, 19, 5, 900, "0", Visibility.PUBLIC, true,
                    "A past night at the museum."),
            new Demo("Concert d'automne", "concert", "L'Olympia", "Paris", "France", "Europe/Paris", -10, 20, 3, 1800, "42.00", Visibility.PUBLIC, true,
                    "A past autumn concert."));

    private static final Color[] PALETTE = {new Color(55, 48, 163), new Color(190, 24, 93), new Color(13, 148, 136),
            new Color(217, 119, 6), new Color(37, 99, 235), new Color(126, 34, 206), new Color(22, 163, 74),
            new Color(220, 38, 38)};

    private final EventRepository events;
    private final CategoryRepository categories;
    private final MarkdownRenderer markdown;
    private final ImageProcessor images;
    private final FileStorage storage;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DemoEvents(EventRepository events, CategoryRepository categories, MarkdownRenderer markdown,
            ImageProcessor images, FileStorage storage, ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.events = events;
        this.categories = categories;
        this.markdown = markdown;
        this.images = images;
        this.storage = storage;
        this.clock = clock;
    }

    @Transactional
    public int seed(User organizer) {
        Instant now = clock.instant();
        int index = 0;
        for (Demo demo : DEMOS) {
            ZoneId zone = ZoneId.of(demo.zone());
            Instant start = LocalDate.ofInstant(now, zone).plusDays(demo.inDays()).atTime(LocalTime.of(demo.hour(), 0))
                    .atZone(zone).toInstant();
            EventDetails details = new EventDetails(demo.title(), demo.description(), demo.category(), demo.venue(),
                    demo.venue() == null ? null : "1 place de l'Événement", demo.city(), demo.country(),
                    demo.city() == null ? "https://meet.example.org/guichet-demo" : null, start,
                    start.plus(Duration.ofHours(demo.hours())), zone, demo.capacity(), new BigDecimal(demo.price()),
                    "Canada".equals(demo.country()) ? "CAD" : "Suisse".equals(demo.country()) ? "CHF" : "EUR",
                    demo.visibility());
            Category category = categories.findBySlug(demo.category()).orElseThrow();
            Event event = new Event(organizer, details, category, markdown.toSafeHtml(demo.description()), token(),
                    now.minus(Duration.ofDays(60)));
            if (demo.publish()) {
                // published a while ago, and always before it started (the past demo events too)
                Instant publishedAt = now.minus(Duration.ofDays(30 - index));
                event.publish(publishedAt.isBefore(start) ? publishedAt : start.minus(Duration.ofDays(7)));
            }
            Event saved = events.save(event);
            publisher.publishEvent(new EventCreated(saved.getId(), details.price(), saved.getCapacity()));
            try {
                byte[] picture = picture(demo.title(), PALETTE[index % PALETTE.length]);
                List<byte[]> kept = images.process(picture, EventImages.BOTH);
                saved.changeImages(storage.storeJpeg("events", kept.get(0)), storage.storeJpeg("events", kept.get(1)));
            } catch (ImageRejected impossible) {
                throw new IllegalStateException("A drawn picture is always a valid image", impossible);
            }
            index++;
        }
        return DEMOS.size();
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] picture(String title, Color color) {
        int width = 1600;
        int height = 900;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setPaint(new GradientPaint(0, 0, color, width, height, color.darker().darker()));
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(new Color(255, 255, 255, 40));
            for (int i = 0; i < 6; i++) {
                int size = 220 + i * 90;
                graphics.fillOval(width - size / 2 - i * 60, -size / 3 + i * 40, size, size);
            }
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 96));
            int y = height / 2;
            for (String line : wrap(title, 22)) {
                graphics.drawString(line, 120, y);
                y += 110;
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
