/**
 * The listener's plumbing: the events of each call delivered to the application's
 * {@link net.mittoapi.sms.MittoClientListener} in order, exactly once, and never letting a listener's failure
 * change a call ({@code CallEvents}). Not exported: nothing here is public API, and it may change in any release.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.internal.events;

import org.jspecify.annotations.NullMarked;
