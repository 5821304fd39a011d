package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.store.Workspace;
import org.perfdesk.store.WorkspaceLock;

/** Creating a workspace together with its keys (signing and encryption): all or nothing. */
public final class Workspaces {
    private Workspaces() {
    }

    /** A new workspace and its key, open and unlocked. */
    public record Created(Workspace workspace, Signer signer) {
    }

    public static Created create(Path dir, Workspace.Setup setup, char[] passphrase) {
        if (passphrase == null || passphrase.length < KeyFile.MIN_PASSPHRASE_LENGTH) {
            throw new UserError("error.key.passphraseTooShort", String.valueOf(KeyFile.MIN_PASSPHRASE_LENGTH));
        }
        Workspace ws = Workspace.create(dir, setup);
        try {
            return new Created(ws, WorkspaceKeys.create(ws, passphrase));
        } catch (RuntimeException e) {
            ws.close();
            removeWhatWasMade(dir);
            throw e;
        }
    }

    /** Removes exactly what creation makes; anything else in the folder stays. */
    private static void removeWhatWasMade(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String name : List.of(Workspace.DB_FILE, Workspace.DB_FILE + "-wal", Workspace.DB_FILE + "-shm",
                WorkspaceLock.FILE_NAME)) {
            files.add(dir.resolve(name));
        }
        files.add(dir.resolve("keys").resolve(WorkspaceKeys.KEY_FILE));
        files.add(dir.resolve("keys").resolve(WorkspaceKeys.PUBLIC_PEM));
        files.add(dir.resolve("keys").resolve(WorkspaceKeys.ENCRYPTION_FILE));
        files.add(dir.resolve("keys").resolve(WorkspaceKeys.ENCRYPTION_PEM));
        for (String folder : Workspace.FOLDERS) {
            files.add(dir.resolve(folder));
        }
        for (Path p : files) {
            try {
                Files.deleteIfExists(p); // a folder is only removed when empty
            } catch (IOException ignored) {
                // best effort: the error that led here is the one to report
            }
        }
    }
}
