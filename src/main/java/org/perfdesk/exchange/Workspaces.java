package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.store.Workspace;
import org.perfdesk.store.WorkspaceLock;

/** Creating a workspace together with its keys (signing and encryption) of one algorithm suite: all or nothing. */
public final class Workspaces {
    /**
     * The suite of workspaces made without naming one: intl-1, as before suites. The test suite sets
     * {@value #TEST_SUITE_PROPERTY} to run every exchange test under gm-1 as well.
     */
    static final String TEST_SUITE_PROPERTY = "perfdesk.test.suite";

    private Workspaces() {
    }

    /** The suite a workspace gets when none is chosen ({@code init} without {@code --suite}, the tests). */
    public static Suite defaultSuite() {
        String s = System.getProperty(TEST_SUITE_PROPERTY);
        return s == null || s.isBlank() ? Suite.INTL : Suite.of(s.strip());
    }

    /** A new workspace and its key, open and unlocked. */
    public record Created(Workspace workspace, Signer signer) {
    }

    public static Created create(Path dir, Workspace.Setup setup, char[] passphrase) {
        return create(dir, setup, passphrase, defaultSuite());
    }

    /** A new workspace using {@code suite} for every year, with keys of that suite, open and unlocked. */
    public static Created create(Path dir, Workspace.Setup setup, char[] passphrase, Suite suite) {
        if (passphrase == null || passphrase.length < KeyFile.MIN_PASSPHRASE_LENGTH) {
            throw new UserError("error.key.passphraseTooShort", String.valueOf(KeyFile.MIN_PASSPHRASE_LENGTH));
        }
        Workspace ws = Workspace.create(dir, setup);
        try {
            SuitePlan.start(ws, suite);
            return new Created(ws, WorkspaceKeys.create(ws, passphrase, suite));
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
        for (Suite suite : Suite.all()) {
            if (suite != Suite.INTL) {
                Path keys = dir.resolve("keys").resolve(suite.id());
                for (String name : List.of(WorkspaceKeys.KEY_FILE, WorkspaceKeys.PUBLIC_PEM, WorkspaceKeys.ENCRYPTION_FILE,
                        WorkspaceKeys.ENCRYPTION_PEM)) {
                    files.add(keys.resolve(name));
                }
                files.add(keys);
            }
        }
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
