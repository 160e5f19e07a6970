package org.guichet.security;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.CategoryAdmin;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.payment.PaymentService;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypeDetails;
import org.guichet.registration.TicketTypes;
import org.guichet.registration.WaitingLists;
import org.guichet.support.Accounts;
import org.guichet.support.Images;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.guichet.webhook.WebhookEndpointDetails;
import org.guichet.webhook.WebhookEndpoints;
import org.guichet.webhook.WebhookEventType;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One little world the security suite probes, built once per run through the real services: an owner organizer
 * with a published public event (a picture, a free and a paid ticket type), a draft and a private event; a
 * participant holding a free order and a paid order still held, invited to the private event and waiting for a
 * seat of a sold-out one; an attendee checked in at the door; another organizer; an administrator; a category no
 * event uses; a rendered mail with its attachment and a sandbox checkout page; the owner's webhook endpoint with
 * the delivery of the participant's free order.
 */
final class SecurityFixture {

    /**
     * Who asks: the matrix's columns. Visitors have no account; the unverified account signed up to organise and
     * has not followed the link that proves its address.
     */
    enum Role { VISITOR, UNVERIFIED, PARTICIPANT, ORGANIZER, OWNER, ADMIN }

    private static SecurityFixture built;

    final User owner;
    final User unverified;
    final User otherOrganizer;
    final User participant;
    final User attendee;
    final User admin;
    final Event event;
    final Event draft;
    final Event privateEvent;
    final Event soldOut;
    final TicketType freeType;
    final TicketType paidType;
    final Order freeOrder;
    final Order heldOrder;
    final Ticket ticket;
    final Ticket checkedIn;
    final long waitlistEntry;
    final long category;
    final String sandboxSession;
    final long mail;
    final long attachment;
    final long webhook;
    final long webhookDelivery;

    private final TestEvents testEvents;
    private final ParticipantOrders orders;
    private final TicketTypes ticketTypes;
    private final WaitingLists waitingLists;
    private final CategoryAdmin categories;
    private final AccountService accounts;
    private final UserRepository users;
    private final WebhookEndpoints webhooks;

    static synchronized SecurityFixture in(ApplicationContext context) {
        if (built == null) {
            built = new SecurityFixture(context);
        }
        return built;
    }

    private SecurityFixture(ApplicationContext context) {
        testEvents = context.getBean(TestEvents.class);
        orders = context.getBean(ParticipantOrders.class);
        ticketTypes = context.getBean(TicketTypes.class);
        waitingLists = context.getBean(WaitingLists.class);
        categories = context.getBean(CategoryAdmin.class);
        accounts = context.getBean(AccountService.class);
        users = context.getBean(UserRepository.class);
        webhooks = context.getBean(WebhookEndpoints.class);
        EventService events = context.getBean(EventService.class);
        CheckIns checkIns = context.getBean(CheckIns.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        owner = Accounts.organizer(accounts);
        unverified = Accounts.signUpUnverified(accounts, Accounts.uniqueEmail("unverified"),
                EnumSet.of(org.guichet.account.Role.ORGANIZER), Locale.ENGLISH);
        otherOrganizer = Accounts.organizer(accounts);
        participant = Accounts.participant(accounts);
        attendee = Accounts.participant(accounts);
        admin = Accounts.admin(users, context.getBean(PasswordEncoder.class));

        event = testEvents.as(owner, () -> events.create(AccountPrincipal.of(owner),
                testEvents.details("Probe night", "Lyon", "conference", 10, "0", Visibility.PUBLIC),
                Images.jpeg(1600, 900), true));
        freeType = ticketTypes.of(event.getId()).get(0);
        paidType = testEvents.as(owner, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(owner),
                new TicketTypeDetails("Supporter", new BigDecimal("25.00"), 20, 4, null, null)));
        draft = testEvents.draft(owner, testEvents.details("Probe draft", "Lyon", "conference", 12, "0",
                Visibility.PUBLIC));
        privateEvent = testEvents.published(owner, testEvents.details("Probe private", "Lyon", "conference", 12,
                "0", Visibility.PRIVATE));
        testEvents.as(owner, () -> {
            events.invite(privateEvent.getId(), AccountPrincipal.of(owner), participant.getEmail());
            return null;
        });

        webhook = newWebhook();
        freeOrder = testEvents.register(participant, event.getId(), freeType.getId(), 1);
        heldOrder = testEvents.register(participant, event.getId(), paidType.getId(), 1);
        ticket = ticketOf(participant, freeOrder);
        Order attendeeOrder = testEvents.register(attendee, event.getId(), freeType.getId(), 1);
        checkedIn = ticketOf(attendee, attendeeOrder);
        testEvents.as(owner, () -> checkIns.checkInChosen(event.getId(), AccountPrincipal.of(owner),
                checkedIn.getId()));

        soldOut = testEvents.published(owner, TestEvents.withCapacity(
                testEvents.details("Probe sold out", "Lyon", "conference", 12, "0", Visibility.PUBLIC), 1));
        testEvents.register(attendee, soldOut.getId(), ticketTypes.of(soldOut.getId()).get(0).getId(), 1);
        waitlistEntry = testEvents.as(participant, () -> waitingLists.join(AccountPrincipal.of(participant),
                soldOut.getId(), null, null)).getId();

        category = newCategory();
        sandboxSession = testEvents.as(participant, () -> context.getBean(PaymentService.class)
                .startCheckout(AccountPrincipal.of(participant), heldOrder.getId())).sessionId();

        context.getBean(TestMail.class).deliverAndRead(participant.getEmail());
        mail = jdbc.queryForObject("select max(m.id) from outbox_messages m join outbox_attachments a "
                + "on a.message_id = m.id where m.recipient = ?", Long.class, participant.getEmail());
        attachment = jdbc.queryForObject("select min(id) from outbox_attachments where message_id = ?", Long.class,
                mail);
        webhookDelivery = jdbc.queryForObject("select min(id) from webhook_deliveries where endpoint_id = ?",
                Long.class, webhook);
    }

    /** The value of each path variable, for one route: {@code {id}} means what the route's first segment names. */
    Map<String, String> pathValues(String pattern) {
        Map<String, String> values = new HashMap<>();
        String id = switch (firstSegment(pattern)) {
            case "orders" -> String.valueOf(heldOrder.getId());
            case "tickets" -> String.valueOf(ticket.getId());
            case "admin" -> String.valueOf(category);
            case "dev" -> String.valueOf(mail);
            case "sandbox" -> sandboxSession;
            default -> String.valueOf(event.getId());
        };
        values.put("id", id);
        if (pattern.startsWith("/admin/mail/")) {
            // the administrators' mail page names mails, not categories
            values.put("id", String.valueOf(mail));
        }
        if (pattern.startsWith("/admin/users/")) {
            // the administrators' user pages name accounts: the participant, only looked at (the actions get
            // a fresh account each, below)
            values.put("id", String.valueOf(participant.getId()));
        }
        if (pattern.startsWith("/dashboard/webhooks/")) {
            values.put("id", String.valueOf(webhook));
        }
        values.put("deliveryId", String.valueOf(webhookDelivery));
        values.put("slug", event.getSlug());
        values.put("typeId", String.valueOf(paidType.getId()));
        values.put("ticketId", String.valueOf(checkedIn.getId()));
        values.put("entryId", String.valueOf(waitlistEntry));
        values.put("orderId", String.valueOf(heldOrder.getId()));
        values.put("attachmentId", String.valueOf(attachment));
        values.put("format", "csv");
        values.put("size", "card");
        return values;
    }

    /**
     * Routes whose success uses up their target (deleting, cancelling, leaving): each request gets a target of its
     * own, so one role's success does not change what the next role sees.
     */
    Map<String, Supplier<Map<String, String>>> consumed() {
        Map<String, Supplier<Map<String, String>>> fresh = new LinkedHashMap<>();
        fresh.put("POST /dashboard/events/{id}/delete", () -> Map.of("id", String.valueOf(
                testEvents.draft(owner, testEvents.details("Probe to delete", "Lyon", "conference", 12, "0",
                        Visibility.PUBLIC)).getId())));
        fresh.put("POST /dashboard/events/{id}/cancel", () -> Map.of("id", String.valueOf(
                testEvents.published(owner, "Probe to cancel", "Lyon").getId())));
        fresh.put("POST /dashboard/events/{id}/tickets/{typeId}/delete", () -> Map.of("typeId", String.valueOf(
                testEvents.as(owner, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(owner),
                        new TicketTypeDetails("Probe removable", BigDecimal.ZERO, 5, 2, null, null))).getId())));
        fresh.put("POST /dashboard/webhooks/{id}/delete", () -> Map.of("id", String.valueOf(newWebhook())));
        fresh.put("POST /admin/categories/{id}/delete", () -> Map.of("id", String.valueOf(newCategory())));
        for (String action : List.of("disable", "enable", "organizer/grant", "organizer/remove")) {
            fresh.put("POST /admin/users/{id}/" + action, () -> Map.of("id",
                    String.valueOf(Accounts.participant(accounts).getId())));
        }
        fresh.put("POST /orders/{id}/cancel", () -> {
            Event another = testEvents.published(owner, "Probe to leave", "Lyon");
            return Map.of("id", String.valueOf(testEvents.register(participant, another.getId(),
                    ticketTypes.of(another.getId()).get(0).getId(), 1).getId()));
        });
        fresh.put("POST /waitlist/{entryId}/leave", () -> {
            Event full = testEvents.published(owner, TestEvents.withCapacity(testEvents.details("Probe full",
                    "Lyon", "conference", 12, "0", Visibility.PUBLIC), 1));
            testEvents.register(attendee, full.getId(), ticketTypes.of(full.getId()).get(0).getId(), 1);
            return Map.of("entryId", String.valueOf(testEvents.as(participant, () -> waitingLists.join(
                    AccountPrincipal.of(participant), full.getId(), null, null)).getId()));
        });
        return fresh;
    }

    /**
     * Named targets a matrix line can ask for instead of the default ones ({@code GET /events/{id}[draft]}): the
     * draft, the private event asked without its key, and the attendee's order and ticket (another person's).
     */
    Map<String, String> target(String name) {
        return switch (name) {
            case "draft" -> Map.of("id", String.valueOf(draft.getId()), "slug", draft.getSlug());
            case "private" -> Map.of("id", String.valueOf(privateEvent.getId()), "slug", privateEvent.getSlug());
            case "others" -> Map.of("id", String.valueOf(checkedIn.getOrder().getId()));
            case "othersTicket" -> Map.of("id", String.valueOf(checkedIn.getId()));
            case "free" -> Map.of("id", String.valueOf(freeOrder.getId()));
            default -> throw new IllegalArgumentException("no target " + name);
        };
    }

    /** Values for the parameters a route requires, so a request reaches its access decision, not a 400. */
    Map<String, String> requiredParameters() {
        return Map.of("eventId", String.valueOf(soldOut.getId()), "lang", "fr", "token", "probe-unknown-token",
                "address", participant.getEmail());
    }

    User user(Role role) {
        return switch (role) {
            case VISITOR -> null;
            case UNVERIFIED -> unverified;
            case PARTICIPANT -> participant;
            case ORGANIZER -> otherOrganizer;
            case OWNER -> owner;
            case ADMIN -> admin;
        };
    }

    /** The account as it is now (a name changed by a form shows in the next request's principal). */
    User current(Role role) {
        User user = user(role);
        return user == null ? null : users.findById(user.getId()).orElseThrow();
    }

    /** An endpoint of the owner's that hears every confirmed order (a closed local port: its deliveries fail). */
    private long newWebhook() {
        return testEvents.as(owner, () -> webhooks.create(AccountPrincipal.of(owner), new WebhookEndpointDetails(
                "http://127.0.0.1:9/guichet-probe", "Probe", Set.of(WebhookEventType.ORDER_CONFIRMED), null)))
                .endpoint().getId();
    }

    private long newCategory() {
        String slug = "probe-" + Long.toString(System.nanoTime(), 36);
        return testEvents.as(admin, () -> categories.add(slug, "Probe", "Sonde")).getId();
    }

    private Ticket ticketOf(User holder, Order order) {
        List<Ticket> held = testEvents.as(holder, () -> orders.ticketsOf(AccountPrincipal.of(holder)));
        return held.stream().filter(one -> one.getOrder().getId().equals(order.getId())).findFirst().orElseThrow();
    }

    private static String firstSegment(String pattern) {
        String[] segments = pattern.split("/");
        return segments.length > 1 ? segments[1] : "";
    }
}
