package org.perfdesk.exchange.intake;

import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.Workspace;

/**
 * What a handler is given: a package that passed the reader, its signature, the addressing and the
 * chain, with its payload decrypted, and the workspace it is imported into.
 */
public record Incoming(Workspace ws, PackageReader.Opened opened) {
    public Manifest manifest() {
        return opened.manifest();
    }

    /** The sender's unit code, as the (signed) manifest names it. */
    public String sender() {
        return opened.manifest().sender().code();
    }

    /** An entry's bytes, or null when the package has none of that name. */
    public byte[] entry(String path) {
        return opened.entry(path);
    }

    /** An entry the kind cannot do without ({@code missing-entry} otherwise). */
    public byte[] required(String path) {
        byte[] bytes = opened.entry(path);
        if (bytes == null) {
            throw new PackageException("missing-entry", path);
        }
        return bytes;
    }

    /** A JSON payload the kind cannot do without, read strictly (package-format.md §8). */
    public <T> T read(String path, Class<T> type) {
        return StrictJson.read(required(path), type, path);
    }
}
