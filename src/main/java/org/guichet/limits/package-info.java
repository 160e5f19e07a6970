/**
 * Rate limits: how often one client address, one account or one event may do an action, in token buckets kept in
 * memory (per instance). Controllers declare them with {@link org.guichet.limits.RateLimited}; code that knows a
 * key only later (an event, once access to it is checked) asks {@link org.guichet.limits.RateLimiter}. A refusal
 * is {@link org.guichet.limits.TooManyRequests}: HTTP 429 with {@code Retry-After} and when to try again, in words.
 */
package org.guichet.limits;
