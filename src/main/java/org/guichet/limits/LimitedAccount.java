package org.guichet.limits;

/**
 * A signed-in principal the per-account buckets can key by a stable id (an email address can change); other
 * principals are keyed by their name.
 */
public interface LimitedAccount {

    long id();
}
