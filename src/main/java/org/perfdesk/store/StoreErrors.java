package org.perfdesk.store;

import java.nio.file.Path;
import java.sql.SQLException;

import org.perfdesk.domain.UserError;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into messages a user can act on. */
final class StoreErrors {
    private StoreErrors() {
    }

    static UserError translate(Path file, SQLException e) {
        return translate(file, e, "error.db.failed");
    }

    /** @param otherKey the message for errors without a more specific one; it gets the path and SQLite's text */
    static UserError translate(Path file, SQLException e, String otherKey) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String where = file.toString();
        if (code != null) {
            switch (code.code & 0xff) {
                case 13: // SQLITE_FULL
                    return new UserError(e, "error.db.full", where);
                case 5: // SQLITE_BUSY
                case 6: // SQLITE_LOCKED
                    return new UserError(e, "error.db.busy", where);
                case 11: // SQLITE_CORRUPT
                case 26: // SQLITE_NOTADB
                    return new UserError(e, "error.db.damaged", where, e.getMessage());
                case 8: // SQLITE_READONLY
                    return new UserError(e, "error.db.readOnly", where);
                case 10: // SQLITE_IOERR
                    return new UserError(e, "error.db.io", where, e.getMessage());
                default:
                    break;
            }
        }
        return new UserError(e, otherKey, where, e.getMessage());
    }
}
