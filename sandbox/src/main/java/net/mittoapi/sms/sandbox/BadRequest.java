package net.mittoapi.sms.sandbox;

/** A request the sandbox cannot read at all (malformed JSON, a field of the wrong JSON type): HTTP 400. */
final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
