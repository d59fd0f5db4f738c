/**
 * What the request builders and the client builder refuse before anything is sent, and why ({@code Validation},
 * {@code BuilderValidation}), and the checked fields of a message request ({@code MessageFields}). Not exported: nothing here is public API, and it may change in any release.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.internal.validation;

import org.jspecify.annotations.NullMarked;
