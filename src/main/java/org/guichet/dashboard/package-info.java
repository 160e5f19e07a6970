/**
 * The organizer's control room: what their events sell, earn and let in, read with aggregate SQL over the
 * registration and payment tables (never an entity per ticket), and the pages that show it.
 */
package org.guichet.dashboard;
