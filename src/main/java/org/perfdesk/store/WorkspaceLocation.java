package org.perfdesk.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where a workspace folder lies, as far as it matters to SQLite: on a USB stick a pulled plug can
 * tear a write, and on a network share locking is unreliable, so either can damage the database.
 * Both work, but the user is warned and told to keep the workspace on the PC and use the stick
 * only to carry packages and backups.
 */
public enum WorkspaceLocation {
    LOCAL, REMOVABLE, NETWORK;

    private static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smbfs", "smb", "smb2", "smb3",
            "afpfs", "webdav", "davfs", "fuse.sshfs", "sshfs", "9p", "ncpfs", "fuse.davfs2");
    /** File systems USB sticks come formatted with; an office PC's own disk never uses them. */
    private static final Set<String> STICK_TYPES = Set.of("vfat", "msdos", "fat", "fat16", "fat32", "exfat");

    /** The location of {@code dir} (or of its nearest existing parent, for a folder yet to be made). */
    public static WorkspaceLocation of(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        String type = "";
        if (p != null) {
            try {
                FileStore store = Files.getFileStore(p);
                type = store.type();
            } catch (IOException | SecurityException e) {
                type = "";
            }
        }
        return classify(dir.toAbsolutePath().toString(), type, System.getProperty("os.name", ""));
    }

    /** The rule, apart from the file system it asks, so it can be checked for every system. */
    static WorkspaceLocation classify(String path, String fileSystemType, String osName) {
        String type = fileSystemType == null ? "" : fileSystemType.toLowerCase(Locale.ROOT);
        String os = osName.toLowerCase(Locale.ROOT);
        if (path.startsWith("\\\\") || path.startsWith("//") || NETWORK_TYPES.contains(type)) {
            return NETWORK;
        }
        if (STICK_TYPES.contains(type)) {
            return REMOVABLE;
        }
        String unix = path.replace('\\', '/');
        if (os.contains("linux") && (unix.startsWith("/media/") || unix.startsWith("/run/media/"))) {
            return REMOVABLE;
        }
        if (os.contains("mac") && unix.startsWith("/Volumes/")) {
            return REMOVABLE;
        }
        return LOCAL;
    }
}
