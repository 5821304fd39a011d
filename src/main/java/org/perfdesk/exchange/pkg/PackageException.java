package org.perfdesk.exchange.pkg;

import org.perfdesk.domain.UserError;

/**
 * A package refused, with a stable code for scripts ({@code --json}) and a message for people
 * (text key "pkg.<code>"). Nothing has been written when one is thrown.
 */
public class PackageException extends UserError {
    private static final long serialVersionUID = 1L;

    private final String code;

    public PackageException(String code, Object... args) {
        this(null, code, args);
    }

    public PackageException(Throwable cause, String code, Object... args) {
        super(cause, "pkg." + code, args);
        this.code = code;
    }

    /** Stable reason code, e.g. "bad-signature", "stale", "fork". */
    public String code() {
        return code;
    }
}
