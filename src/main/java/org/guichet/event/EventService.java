package org.guichet.event;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.EmailAddresses;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimiter;
import org.guichet.media.FileStorage;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.LinkSecrets;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusal.Reason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Events: what organizers do to theirs, and what everyone may see. */
@Service
public class EventService {

    static final int MAX_TITLE = 150;
    static final int MAX_DESCRIPTION = 20_000;
    /** The stored columns' sizes (V5__events.sql): what is typed is checked against them, never left to the database. */
    static final int MAX_VENUE = 150;
    static final int MAX_ADDRESS = 250;
    static final int MAX_CITY = 100;
    static final int MAX_COUNTRY = 100;
    static final int MAX_ONLINE_URL = 500;
    static final int MAX_DESCRIPTION_HTML = 60_000;
    static final int MAX_CAPACITY = 1_000_000;
    static final int MAX_PER_PERSON = 1_000;
    static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");
    private static final String ORGANIZERS = "hasAnyRole('ORGANIZER', 'ADMIN')";

    private final EventRepository events;
    private final CategoryRepository categories;
    private final EventInvitationRepository invitations;
    private final EventAuditRepository audit;
    private final UserRepository users;
    private final MarkdownRenderer markdown;
    private final ImageProcessor images;
    private final FileStorage storage;
    private final Outbox outbox;
    private final ApplicationEventPublisher publisher;
    private final List<EventDeletionGuard> deletionGuards;
    private final Clock clock;
    private final RateLimiter limits;
    private final AbsoluteLinks links;

    EventService(EventRepository events, CategoryRepository categories, EventInvitationRepository invitations,
            EventAuditRepository audit, UserRepository users, MarkdownRenderer markdown, ImageProcessor images,
            FileStorage storage, Outbox outbox, ApplicationEventPublisher publisher,
            List<EventDeletionGuard> deletionGuards, Clock clock, RateLimiter limits,
            AbsoluteLinks links) {
        this.publisher = publisher;
        this.deletionGuards = deletionGuards;
        this.events = events;
        this.categories = categories;
        this.invitations = invitations;
        this.audit = audit;
        this.users = users;
        this.markdown = markdown;
        this.images = images;
        this.storage = storage;
        this.outbox = outbox;
        this.clock = clock;
        this.limits = limits;
        this.links = links;
    }

    // Everyone

    @Transactional(readOnly = true)
    public Page<Event> search(EventSearch search) {
        return events.findAll(EventSpecifications.publicListing(search, clock.instant()),
                EventSpecifications.page(search));
    }

    /** The same listing, one page of the size asked for (the API's pages), in the search's order. */
    @Transactional(readOnly = true)
    public Page<Event> search(EventSearch search, Pageable paging) {
        return events.findAll(EventSpecifications.publicListing(search, clock.instant()),
                PageRequest.of(paging.getPageNumber(), paging.getPageSize(), EventSpecifications.order(search)));
    }

    @Transactional(readOnly = true)
    public List<Event> upcoming(int count) {
        return events.findNextPublic(clock.instant(), Limit.of(count));
    }

    /**
     * The event if this viewer may see it: public and published (or cancelled) for all; private through its secret
     * key or an invitation; a draft for its organizer only. Anything else does not exist.
     */
    @Transactional(readOnly = true)
    public Event viewable(long eventId, String key, AccountPrincipal viewer) {
        Event event = events.findWithDetails(eventId).orElseThrow(() -> new NotFound("event", eventId));
        if (canManage(event, viewer) || event.isOpenToEveryone()) {
            return event;
        }
        if (event.getStatus() == EventStatus.DRAFT || !hasPrivateAccess(event, key, viewer)) {
            throw new NotFound("event", eventId);
        }
        return event;
    }

    /** Whether this viewer manages the event (its organizer, or an admin): what {@link #manageable} lets through. */
    public boolean mayManage(Event event, AccountPrincipal viewer) {
        return canManage(event, viewer);
    }

    /** The event, without access checks: for modules that have decided access themselves (a ticket's holder). */
    @Transactional(readOnly = true)
    public Event get(long eventId) {
        return events.findWithDetails(eventId).orElseThrow(() -> new NotFound("event", eventId));
    }

    /** Several events at once, in one statement, for modules that have decided access themselves. */
    @Transactional(readOnly = true)
    public Map<Long, Event> getAll(Collection<Long> eventIds) {
        Map<Long, Event> found = new HashMap<>();
        events.findWithCategoryByIdIn(eventIds).forEach(event -> found.put(event.getId(), event));
        return found;
    }

    /** Private events this account is invited to: by its address once verified, or through a followed link. */
    @Transactional(readOnly = true)
    public List<Event> invitationsOf(AccountPrincipal viewer) {
        if (!viewer.isVerified()) {
            return List.of();
        }
        return events.findInvitedBy(viewer.email(), viewer.id());
    }

    /**
     * An invitation's personal link, followed by a verified account: the invitation becomes that account's,
     * whatever its address, and the link works for no other account. Returns the event to show.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + AccountPrincipal.VERIFIED + "')")
    public Event acceptInvitation(String secret, AccountPrincipal viewer) {
        if (!LinkSecrets.plausible(secret)) {
            throw new Refusal("event.invitation.linkInvalid");
        }
        EventInvitation invitation = invitations.findByTokenHash(LinkSecrets.hash(secret))
                .orElseThrow(() -> new Refusal("event.invitation.linkInvalid"));
        invitation.accept(viewer.id(), clock.instant());
        return events.findWithDetails(invitation.eventId())
                .orElseThrow(() -> new Refusal("event.invitation.linkInvalid"));
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return categories.findAll(Sort.by("slug"));
    }

    // Organizers

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<Event> organizedBy(AccountPrincipal organizer) {
        return events.findByOrganizer(organizer.id());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public Event manageable(long eventId, AccountPrincipal organizer) {
        Event event = events.findWithDetails(eventId).orElseThrow(() -> new NotFound("event", eventId));
        if (!canManage(event, organizer)) {
            throw new NotFound("event", eventId);
        }
        return event;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<EventInvitation> invitations(long eventId, AccountPrincipal organizer) {
        manageable(eventId, organizer);
        return invitations.findByEventIdOrderByCreatedAtDesc(eventId);
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event create(AccountPrincipal organizer, EventDetails details, byte[] image, boolean publishNow) {
        Instant now = clock.instant();
        Category category = check(details, null, now);
        User owner = users.getReferenceById(organizer.id());
        Event event = events.save(new Event(owner, details, category, markdown.toSafeHtml(details.description()),
                LinkSecrets.newSecret(), now));
        if (image != null) {
            storeImages(event, image);
        }
        record(event, organizer, EventAudit.Action.CREATED);
        publisher.publishEvent(new EventCreated(event.getId(), details.price(), event.getCapacity()));
        if (publishNow) {
            event.publish(now);
            record(event, organizer, EventAudit.Action.PUBLISHED);
        }
        return event;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event update(long eventId, AccountPrincipal organizer, EventDetails details, byte[] image) {
        Event event = manageable(eventId, organizer);
        Instant now = clock.instant();
        Category category = check(details, event, now);
        BigDecimal newPrice = singleTypePriceChange(event, details.price());
        boolean ticketingChanged = newPrice != null || event.getCapacity() != details.capacity();
        WhenAndWhere before = event.whenAndWhere();
        boolean tellHolders = event.getStatus() == EventStatus.PUBLISHED && !event.isOver(now);
        event.apply(details, category, markdown.toSafeHtml(details.description()), now);
        if (tellHolders && before.differsFrom(event.whenAndWhere())) {
            publisher.publishEvent(new EventWhenOrWhereChanged(eventId, before, event.whenAndWhere()));
        }
        if (ticketingChanged) {
            publisher.publishEvent(new EventPriceOrCapacityChanged(eventId, newPrice, event.getCapacity()));
        }
        if (newPrice != null) {
            event.pricedByOneType(newPrice);
        }
        if (image != null) {
            storeImages(event, image);
        }
        record(event, organizer, EventAudit.Action.UPDATED);
        if (event.getStatus() == EventStatus.PUBLISHED) {
            publisher.publishEvent(new EventUpdated(eventId));
        }
        return event;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event publish(long eventId, AccountPrincipal organizer) {
        Event event = manageable(eventId, organizer);
        event.publish(clock.instant());
        record(event, organizer, EventAudit.Action.PUBLISHED);
        publisher.publishEvent(new EventUpdated(eventId));
        return event;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event cancel(long eventId, AccountPrincipal organizer) {
        Event event = manageable(eventId, organizer);
        event.cancel(clock.instant());
        record(event, organizer, EventAudit.Action.CANCELLED);
        publisher.publishEvent(new EventCancelled(eventId));
        return event;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void delete(long eventId, AccountPrincipal organizer) {
        Event event = manageable(eventId, organizer);
        event.checkDeletable(deletionGuards.stream().anyMatch(guard -> guard.forbidsDeleting(eventId)));
        record(event, organizer, EventAudit.Action.DELETED);
        events.delete(event);
        storage.delete(event.getCardImageKey());
        storage.delete(event.getBannerImageKey());
    }

    /** A new draft with the same details, picture and ticket types (none sold), to edit before publishing. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event duplicate(long eventId, AccountPrincipal organizer) {
        Event source = manageable(eventId, organizer);
        Instant now = clock.instant();
        EventDetails details = new EventDetails(source.getTitle(), source.getDescription(),
                source.getCategory().getSlug(), source.getVenueName(), source.getAddress(), source.getCity(),
                source.getCountry(), source.getOnlineUrl(), source.getStartsAt(), source.getEndsAt(),
                source.getZone(), source.getCapacity(), null, source.getCurrency(), source.getVisibility(),
                source.getRefundsUntil(), source.getMaxPerPerson(), source.getReminders());
        Event copy = events.save(new Event(users.getReferenceById(organizer.id()), details, source.getCategory(),
                source.getDescriptionHtml(), LinkSecrets.newSecret(), now));
        copy.changeImages(storage.copy(source.getCardImageKey()), storage.copy(source.getBannerImageKey()));
        publisher.publishEvent(new EventDuplicated(source.getId(), copy.getId()));
        copy.pricedLike(source);
        record(copy, organizer, EventAudit.Action.DUPLICATED_FROM);
        return copy;
    }

    /** A new picture (the same checks as the event form's upload), replacing the old one. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event changeImage(long eventId, AccountPrincipal organizer, byte[] image) {
        Event event = manageable(eventId, organizer);
        storeImages(event, image);
        record(event, organizer, EventAudit.Action.UPDATED);
        if (event.getStatus() == EventStatus.PUBLISHED) {
            publisher.publishEvent(new EventUpdated(eventId));
        }
        return event;
    }

    /** A new secret link; the old one stops working at once. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Event renewPrivateLink(long eventId, AccountPrincipal organizer) {
        Event event = manageable(eventId, organizer);
        event.changePrivateToken(LinkSecrets.newSecret(), clock.instant());
        record(event, organizer, EventAudit.Action.PRIVATE_LINK_RENEWED);
        return event;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void invite(long eventId, AccountPrincipal organizer, String email) {
        Event event = manageable(eventId, organizer);
        String address = EmailAddresses.normalise(email);
        if (address == null || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
            throw Refusal.at("email", "event.invitation.invalidEmail");
        }
        if (invitations.existsByEventIdAndEmail(eventId, address)) {
            throw Refusal.at("email", "event.invitation.already");
        }
        // per event, whoever manages it; per organizer and per address, the controller's @RateLimited
        limits.take(RateLimit.INVITATION, RateLimit.Scope.EVENT, eventId);
        String secret = LinkSecrets.newSecret();
        invitations.save(new EventInvitation(eventId, address, LinkSecrets.hash(secret), clock.instant()));
        Optional<User> invited = users.findByEmail(address);
        outbox.enqueue(new Mail(address, invited.map(User::getLanguage).orElse(organizer.language()),
                "event-invitation", Map.of(
                        "organizerName", organizer.fullName(),
                        "eventTitle", event.getTitle(),
                        "link", links.base() + "/invitations/accept?token=" + secret), List.of(event.getTitle()))
                .sentFor(event.getOrganizer().getFullName()));
        record(event, organizer, EventAudit.Action.INVITED);
    }

    /**
     * Records in the event's audit that this organizer wrote to its ticket holders ({@code audience}, as the
     * message's sender describes it), with the subject and how many mails were written. The event itself is
     * unchanged: its pages stay as they are.
     */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void recordMessageToAttendees(long eventId, AccountPrincipal organizer, String audience, String subject,
            int recipients) {
        Event event = manageable(eventId, organizer);
        audit.save(new EventAudit(event.getId(), organizer.id(), EventAudit.Action.MESSAGED_ATTENDEES,
                clock.instant(), "audience=" + audience + "; recipients=" + recipients + "; subject=" + subject));
    }

    private Category check(EventDetails details, Event existing, Instant now) {
        List<Reason> violations = new ArrayList<>();
        if (details.title() == null || details.title().isBlank()) {
            violations.add(new Reason("title", "NotBlank"));
        } else if (details.title().strip().length() > MAX_TITLE) {
            violations.add(new Reason("title", "event.error.titleTooLong", MAX_TITLE));
        }
        if (details.description() != null && details.description().length() > MAX_DESCRIPTION) {
            violations.add(new Reason("description", "event.error.descriptionTooLong", MAX_DESCRIPTION));
        } else if (details.description() != null
                && markdown.toSafeHtml(details.description()).length() > MAX_DESCRIPTION_HTML) {
            // Escaping can make the page several times longer than the text (each < becomes &lt;).
            violations.add(new Reason("description", "event.error.descriptionMarkup"));
        }
        checkLength(violations, "venueName", details.venueName(), MAX_VENUE);
        checkLength(violations, "address", details.address(), MAX_ADDRESS);
        checkLength(violations, "city", details.city(), MAX_CITY);
        checkLength(violations, "country", details.country(), MAX_COUNTRY);
        checkLength(violations, "onlineUrl", details.onlineUrl(), MAX_ONLINE_URL);
        Optional<Category> category = Optional.ofNullable(details.categorySlug()).flatMap(categories::findBySlug);
        if (category.isEmpty()) {
            violations.add(new Reason("category", "event.error.category"));
        }
        if (details.startsAt() == null) {
            violations.add(new Reason("startsAt", "NotNull"));
        } else if (existing == null && !details.startsAt().isAfter(now)) {
            violations.add(new Reason("startsAt", "event.error.startInPast"));
        }
        if (details.endsAt() == null) {
            violations.add(new Reason("endsAt", "NotNull"));
        } else if (details.startsAt() != null && !details.endsAt().isAfter(details.startsAt())) {
            violations.add(new Reason("endsAt", "event.error.endBeforeStart"));
        }
        int taken = existing == null ? 0 : existing.getSeatsTaken();
        if (details.capacity() < 1 || details.capacity() > MAX_CAPACITY) {
            violations.add(new Reason("capacity", "event.error.capacity", MAX_CAPACITY));
        } else if (details.capacity() < taken) {
            violations.add(new Reason("capacity", "event.error.capacityBelowTaken", taken));
        }
        // with several ticket types their prices are set on the ticket types' page: the form sends none
        if (existing == null || existing.getTicketTypeCount() == 1) {
            checkPrice(details.price(), violations);
        }
        if (details.maxPerPerson() < 1 || details.maxPerPerson() > MAX_PER_PERSON) {
            violations.add(new Reason("maxPerPerson", "event.error.maxPerPerson", 1, MAX_PER_PERSON));
        }
        if (details.currency() == null || !Money.CURRENCIES.contains(details.currency())) {
            violations.add(new Reason("currency", "event.error.currency"));
        }
        if (details.onlineUrl() != null && !details.onlineUrl().isBlank() && !isWebAddress(details.onlineUrl())) {
            violations.add(new Reason("onlineUrl", "event.error.onlineUrl"));
        }
        if (isBlank(details.city()) && isBlank(details.venueName()) && isBlank(details.onlineUrl())) {
            violations.add(new Reason("city", "event.error.placeRequired"));
        }
        if (details.refundsUntil() != null && details.startsAt() != null
                && details.refundsUntil().isAfter(details.startsAt())) {
            violations.add(new Reason("refundsUntil", "event.error.refundsAfterStart"));
        }
        if (details.visibility() == null) {
            violations.add(new Reason("visibility", "NotNull"));
        }
        if (!violations.isEmpty()) {
            throw new Refusal(violations);
        }
        return category.orElseThrow();
    }

    private static void checkPrice(BigDecimal price, List<Reason> violations) {
        if (price == null) {
            violations.add(new Reason("price", "NotNull"));
        } else if (price.signum() < 0) {
            violations.add(new Reason("price", "event.error.priceNegative"));
        } else if (price.stripTrailingZeros().scale() > 2 || price.compareTo(MAX_PRICE) > 0) {
            violations.add(new Reason("price", "event.error.priceFormat"));
        }
    }

    /** The single ticket type's new price, or null when the form does not change it (unchanged, or several types). */
    private static BigDecimal singleTypePriceChange(Event event, BigDecimal price) {
        if (price == null || event.getTicketTypeCount() != 1 || event.getLowestPrice().compareTo(price) == 0) {
            return null;
        }
        return price;
    }

    private void storeImages(Event event, byte[] image) {
        try {
            List<byte[]> kept = images.process(image, EventImages.BOTH);
            byte[] card = kept.get(0);
            byte[] banner = kept.get(1);
            String oldCard = event.getCardImageKey();
            String oldBanner = event.getBannerImageKey();
            event.changeImages(storage.storeJpeg("events", card), storage.storeJpeg("events", banner));
            storage.delete(oldCard);
            storage.delete(oldBanner);
        } catch (ImageRejected rejected) {
            throw Refusal.at("image", rejected.messageKey(), rejected.arguments());
        }
    }

    private boolean canManage(Event event, AccountPrincipal viewer) {
        return viewer != null && (event.isOrganizedBy(viewer.id()) || viewer.hasRole(Role.ADMIN));
    }

    private boolean hasPrivateAccess(Event event, String key, AccountPrincipal viewer) {
        if (key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), event.getPrivateToken().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return viewer != null && viewer.isVerified()
                && invitations.invites(event.getId(), viewer.email(), viewer.id());
    }

    private void record(Event event, AccountPrincipal actor, EventAudit.Action action) {
        audit.save(new EventAudit(event.getId(), actor.id(), action, clock.instant()));
        publisher.publishEvent(new EventChanged(event.getId()));
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkLength(List<Reason> violations, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            violations.add(new Reason(field, "field.error.tooLong", max));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
