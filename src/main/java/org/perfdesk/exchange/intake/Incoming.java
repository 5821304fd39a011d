package org.perfdesk.exchange.intake;

import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * What a handler is given: a package that passed the reader, its signature, the addressing and the
 * chain, with its payload decrypted, and the workspace it is imported into; in a batch, its snapshot
 * may come parsed already ({@link ReadAhead}, from the same entry's bytes).
 */
public record Incoming(Workspace ws, PackageReader.Opened opened, ReadAhead.Taken readAhead) {
    public Incoming(Workspace ws, PackageReader.Opened opened) {
        this(ws, opened, null);
    }

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
        if (readAhead != null && type == Payloads.Snapshot.class && EntryNames.SNAPSHOT.equals(path)) {
            Payloads.Snapshot parsed = readAhead.takeSnapshot(); // from this package's entry, handed over once
            if (parsed != null) {
                return type.cast(parsed);
            }
        }
        return StrictJson.read(required(path), type, path);
    }
}
