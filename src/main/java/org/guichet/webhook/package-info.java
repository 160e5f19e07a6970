/**
 * Webhooks for organizers: the endpoints they register, the deliveries queued in the transaction of each change
 * (orders confirmed, cancelled, refunded; tickets checked in; events updated or cancelled), and the sender that
 * signs and posts them with back-off. Depends on registration, event, account and notification; none of them
 * depends on it.
 *
 * <h2>What a receiver gets</h2>
 * A {@code POST} with {@code Content-Type: application/json} and the body
 * {@code {"id": "<uuid>", "type": "order.confirmed", "created_at": "<ISO-8601, UTC>", "data": {...}}}; the same
 * {@code id} comes with every attempt and every resend of one delivery, so a receiver can ignore repeats. Headers:
 * <ul>
 * <li>{@code Guichet-Webhook-Id}: the delivery's id (as in the body);</li>
 * <li>{@code Guichet-Webhook-Timestamp}: seconds since the epoch when this attempt was signed;</li>
 * <li>{@code Guichet-Webhook-Signature}: {@code v1=<hex HMAC-SHA256>} of {@code "<timestamp>.<body>"} (the raw
 * body bytes, UTF-8) with the endpoint's secret as key (its UTF-8 bytes, {@code whsec_} prefix included). Compare in
 * constant time and refuse timestamps older than a few minutes.</li>
 * </ul>
 * The {@code data} of each type ({@link WebhookPayloads}): {@code order.*}: {@code id, reference, status, total}
 * (a decimal string, e.g. {@code "25.00"}), {@code currency, event_id, ticket_count}; {@code ticket.checked_in}:
 * {@code id, order_id, event_id, checked_in_at}; {@code event.*}: {@code id, title, starts_at, ends_at, time_zone,
 * status}. Statuses are lower case ({@code confirmed}, {@code published}...). A 2xx answer is a success; anything
 * else, a time-out or a refused address is retried with back-off.
 */
package org.guichet.webhook;
