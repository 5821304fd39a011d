package org.perfdesk.domain;

import java.util.List;

/**
 * Something went wrong that the user can understand and act on: the message (looked up by key in
 * the UI language) says what happened and what to do. Anything else is a bug and shows as one.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public UserError(String key, Object... args) {
        this(null, key, args);
    }

    public UserError(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** The message in the current UI language. */
    @Override
    public String getLocalizedMessage() {
        return Texts.current().get(key, args.toArray());
    }

    @Override
    public String getMessage() {
        return getLocalizedMessage();
    }
}
