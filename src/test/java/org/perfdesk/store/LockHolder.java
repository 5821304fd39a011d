package org.perfdesk.store;

import java.nio.file.Path;

/** Run in a child JVM by {@link WorkspaceLockTest}: holds a workspace open until killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.println("LOCKED " + ws.self().code());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
