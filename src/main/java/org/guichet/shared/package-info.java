/** What every module shares: the one way to refuse ({@link org.guichet.shared.Refusal}) and to say "not found". */
package org.guichet.shared;
