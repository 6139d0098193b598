package org.mtboard.platform.api;

/** One thing wrong with a request: the field it is in, what is wrong, and what is allowed. */
public record Problem(String field, String message, String allowed) {
}
