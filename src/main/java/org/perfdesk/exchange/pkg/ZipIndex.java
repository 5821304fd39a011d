package org.perfdesk.exchange.pkg;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A package file's zip structure, read by PerfDesk itself and checked whole before any entry is
 * unpacked, so that what PerfDesk reads is what any other zip reader would (package-format.md §5, §8):
 * <ul>
 *   <li>the end record is the last thing in the file (a comment may follow it, nothing else); no
 *       ZIP64, no multi-disk archive, no encryption, only the methods stored and deflated
 *       ({@code unsupported-zip-feature});</li>
 *   <li>the central directory: names, kinds, duplicates and declared sizes, as before;</li>
 *   <li>every local header agrees with the directory on name, flags, method, CRC-32 and sizes
 *       (through its data descriptor when flag bit 3 says the sizes follow the data)
 *       ({@code zip-mismatch});</li>
 *   <li>the entries lie one after the other from the first byte to the directory, each local header,
 *       its data and its descriptor: nothing overlaps ({@code overlapping-entries}) and nothing lies
 *       between them ({@code zip-gap}).</li>
 * </ul>
 * Unpacking ({@link #unpack}) counts the bytes it produces: never more than the directory's size (a
 * directory that under-states it is {@code zip-mismatch} after one byte more; that size passed the
 * per-entry cap and the ratio), within the package's total ({@code zip-bomb}), ending exactly at the
 * directory's compressed size with its CRC-32 ({@code zip-mismatch}, {@code damaged-entry}). Since no
 * two entries share a byte, the data a package unpacks is bounded by its file and these caps.
 * A zip that cannot be read at all throws an {@link IOException} (the reader says {@code truncated}).
 */
final class ZipIndex implements Closeable {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int END_SIZE = 22;
    private static final int LOCAL_SIZE = 30;
    private static final int CENTRAL_SIZE = 46;
    private static final long MAX_16 = 0xffff;
    private static final long MAX_32 = 0xffffffffL;
    /** Flag bits: encrypted, sizes in a data descriptor, strong encryption, directory encrypted. */
    private static final int ENCRYPTED = 1;
    private static final int HAS_DESCRIPTOR = 8;
    private static final int STRONG_ENCRYPTION = 64;
    private static final int MASKED_DIRECTORY = 0x2000;
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int CHUNK = 64 * 1024;

    /** One entry as the directory describes it, checked against its local header. */
    record Item(String name, byte[] rawName, int flags, int method, long crc, long compressedSize, long size,
                long localOffset, long dataOffset) {
    }

    private final FileChannel channel;
    private final Limits limits;
    private final Map<String, Item> byName;
    private long held;

    private ZipIndex(FileChannel channel, Limits limits, Map<String, Item> byName) {
        this.channel = channel;
        this.limits = limits;
        this.byName = byName;
    }

    /** Reads and checks the whole structure of a file of {@code fileSize} bytes. */
    static ZipIndex open(Path file, long fileSize, Limits limits) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Map<String, Item> items = readStructure(channel, fileSize, limits);
            return new ZipIndex(channel, limits, items);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The entries by name, in the directory's order. */
    Map<String, Item> items() {
        return Collections.unmodifiableMap(byName);
    }

    Item get(String name) {
        return byName.get(name);
    }

    /** Bytes unpacked so far, which the caller holds: counted against the package's total. */
    long held() {
        return held;
    }

    // ---- the structure ----

    private static Map<String, Item> readStructure(FileChannel ch, long fileSize, Limits limits) throws IOException {
        // The end record: the last one in the file whose comment reaches exactly to the end.
        int tailLength = (int) Math.min(fileSize, END_SIZE + MAX_16);
        ByteBuffer tail = readAt(ch, fileSize - tailLength, tailLength);
        int at = -1;
        for (int i = tailLength - END_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == END && i + END_SIZE + u16(tail, i + 20) == tailLength) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new EOFException("no end of central directory record");
        }
        long endOffset = fileSize - tailLength + at;
        int disk = u16(tail, at + 4);
        int directoryDisk = u16(tail, at + 6);
        long entriesHere = u16(tail, at + 8);
        long entries = u16(tail, at + 10);
        long directorySize = u32(tail, at + 12);
        long directoryOffset = u32(tail, at + 16);
        if (entries == MAX_16 || entriesHere == MAX_16 || directorySize == MAX_32 || directoryOffset == MAX_32) {
            throw unsupported("ZIP64");
        }
        if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
            throw unsupported("multi-disk");
        }
        if (entries > limits.maxEntries()) {
            throw new PackageException("too-many-entries", limits.maxEntries());
        }
        long directoryEnd = directoryOffset + directorySize;
        if (directoryEnd > endOffset) {
            throw new EOFException("central directory beyond its end record");
        }
        if (directoryEnd < endOffset) {
            if (endOffset - directoryEnd >= 20 && readAt(ch, endOffset - 20, 4).getInt(0) == ZIP64_LOCATOR) {
                throw unsupported("ZIP64");
            }
            throw new PackageException("zip-gap", directory(), endOffset - directoryEnd);
        }
        Map<String, Item> items = readDirectory(ch, directoryOffset, directorySize, (int) entries, limits);
        checkLayout(ch, items, directoryOffset);
        return items;
    }

    private static Map<String, Item> readDirectory(FileChannel ch, long offset, long length, int entries, Limits limits)
            throws IOException {
        Map<String, Item> items = new LinkedHashMap<>();
        // read in order through a buffer: one read for the directory of an ordinary package
        InputStream in = new BufferedInputStream(Channels.newInputStream(ch.position(offset)), CHUNK);
        ByteBuffer h = ByteBuffer.allocate(CENTRAL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long position = offset;
        long end = offset + length;
        long total = 0;
        for (int i = 0; i < entries; i++) {
            if (position + CENTRAL_SIZE > end) {
                throw new EOFException("central directory cut short");
            }
            if (in.readNBytes(h.array(), 0, CENTRAL_SIZE) != CENTRAL_SIZE) {
                throw new EOFException("central directory cut short");
            }
            if (h.getInt(0) != CENTRAL) {
                throw new EOFException("not a central directory header");
            }
            int madeBy = u16(h, 4);
            int flags = u16(h, 8);
            int method = u16(h, 10);
            long crc = u32(h, 16);
            long compressed = u32(h, 20);
            long size = u32(h, 24);
            int nameLength = u16(h, 28);
            int extraLength = u16(h, 30);
            int commentLength = u16(h, 32);
            int diskStart = u16(h, 34);
            long external = u32(h, 38);
            long localOffset = u32(h, 42);
            long next = position + CENTRAL_SIZE + nameLength + extraLength + commentLength;
            if (next > end) {
                throw new EOFException("central directory cut short");
            }
            ByteBuffer variable = ByteBuffer.wrap(in.readNBytes(nameLength + extraLength)).order(ByteOrder.LITTLE_ENDIAN);
            if (variable.capacity() != nameLength + extraLength) {
                throw new EOFException("central directory cut short");
            }
            in.skipNBytes(commentLength);
            byte[] rawName = new byte[nameLength];
            variable.get(0, rawName);
            String name = new String(rawName, StandardCharsets.UTF_8);
            if (EntryNames.isUnsafe(name)) {
                throw new PackageException("unsafe-entry-name", printable(name));
            }
            boolean unix = (madeBy >> 8) == 3;
            int unixType = (int) (external >> 16) & 0xf000;
            if ((external & 0x10) != 0 || (unix && unixType != 0 && unixType != 0x8000)) {
                throw new PackageException("not-regular-entry", printable(name)); // a directory, link, device…
            }
            if (items.containsKey(name)) {
                throw new PackageException("duplicate-entry", printable(name));
            }
            if ((flags & (ENCRYPTED | STRONG_ENCRYPTION | MASKED_DIRECTORY)) != 0) {
                throw unsupported("encryption");
            }
            if (method != STORED && method != DEFLATED) {
                throw unsupported("compression method " + method);
            }
            if (compressed == MAX_32 || size == MAX_32 || localOffset == MAX_32 || diskStart == MAX_16
                    || hasZip64(variable, nameLength, extraLength)) {
                throw unsupported("ZIP64");
            }
            if (diskStart != 0) {
                throw unsupported("multi-disk");
            }
            if (method == STORED && compressed != size) {
                throw mismatch(printable(name), "stored");
            }
            // What the directory declares, judged before anything is unpacked; unpacking counts again.
            if (size > limits.maxEntrySize()) {
                throw new PackageException("zip-bomb", printable(name));
            }
            if (size > Limits.RATIO_FLOOR && compressed > 0 && size / compressed > limits.maxRatio()) {
                throw new PackageException("zip-bomb", printable(name));
            }
            total += size;
            if (total > limits.maxTotalSize()) {
                throw new PackageException("zip-bomb", printable(name));
            }
            items.put(name, new Item(name, rawName, flags, method, crc, compressed, size, localOffset, -1));
            position = next;
        }
        if (position != end) {
            throw new PackageException("zip-gap", directory(), end - position);
        }
        return items;
    }

    /**
     * Each entry's local header agrees with the directory, and the entries lie one after the other
     * from offset 0 to the directory: local header, data, data descriptor if any, nothing else.
     */
    private static void checkLayout(FileChannel ch, Map<String, Item> items, long directoryOffset) throws IOException {
        List<Item> inFile = new ArrayList<>(items.values());
        inFile.sort(Comparator.comparingLong(Item::localOffset));
        long expected = 0;
        for (Item item : inFile) {
            if (item.localOffset() < expected) {
                throw new PackageException("overlapping-entries", printable(item.name()));
            }
            if (item.localOffset() > expected) {
                throw new PackageException("zip-gap", printable(item.name()), item.localOffset() - expected);
            }
            if (item.localOffset() + LOCAL_SIZE > directoryOffset) {
                throw new PackageException("overlapping-entries", printable(item.name()));
            }
            ByteBuffer h = readAt(ch, item.localOffset(), LOCAL_SIZE);
            if (h.getInt(0) != LOCAL) {
                throw new EOFException("not a local header");
            }
            int flags = u16(h, 6);
            int method = u16(h, 8);
            long crc = u32(h, 14);
            long compressed = u32(h, 18);
            long size = u32(h, 22);
            int nameLength = u16(h, 26);
            int extraLength = u16(h, 28);
            long data = item.localOffset() + LOCAL_SIZE + nameLength + extraLength;
            if (data > directoryOffset) {
                throw new PackageException("overlapping-entries", printable(item.name()));
            }
            ByteBuffer variable = readAt(ch, item.localOffset() + LOCAL_SIZE, nameLength + extraLength);
            byte[] name = new byte[nameLength];
            variable.get(0, name);
            String which = printable(item.name());
            if (!Arrays.equals(name, item.rawName())) {
                throw mismatch(which, "name");
            }
            if (flags != item.flags()) {
                throw mismatch(which, "flags");
            }
            if (method != item.method()) {
                throw mismatch(which, "method");
            }
            if (hasZip64(variable, nameLength, extraLength)) {
                throw unsupported("ZIP64");
            }
            long dataEnd = data + item.compressedSize();
            if (dataEnd > directoryOffset) {
                throw new PackageException("overlapping-entries", which);
            }
            long descriptor = 0;
            if ((flags & HAS_DESCRIPTOR) == 0) {
                if (crc != item.crc() || compressed != item.compressedSize() || size != item.size()) {
                    throw mismatch(which, "sizes");
                }
            } else {
                // The local header may leave these zero (the writer did not know them yet), or say them.
                if ((crc != 0 && crc != item.crc()) || (compressed != 0 && compressed != item.compressedSize())
                        || (size != 0 && size != item.size())) {
                    throw mismatch(which, "sizes");
                }
                descriptor = descriptorLength(ch, item, dataEnd, directoryOffset);
            }
            items.put(item.name(), new Item(item.name(), item.rawName(), item.flags(), item.method(), item.crc(),
                    item.compressedSize(), item.size(), item.localOffset(), data));
            expected = dataEnd + descriptor;
        }
        if (expected > directoryOffset) {
            throw new PackageException("overlapping-entries", directory());
        }
        if (expected < directoryOffset) {
            throw new PackageException("zip-gap", directory(), directoryOffset - expected);
        }
    }

    /** A data descriptor after the data, with or without its signature: 16 or 12 bytes that agree with the directory. */
    private static long descriptorLength(FileChannel ch, Item item, long at, long limit) throws IOException {
        int available = (int) Math.min(16, limit - at);
        ByteBuffer d = readAt(ch, at, available);
        if (available >= 16 && d.getInt(0) == DESCRIPTOR && agrees(d, 4, item)) {
            return 16;
        }
        if (available >= 12 && agrees(d, 0, item)) {
            return 12;
        }
        throw mismatch(printable(item.name()), "descriptor");
    }

    private static boolean agrees(ByteBuffer d, int at, Item item) {
        return u32(d, at) == item.crc() && u32(d, at + 4) == item.compressedSize() && u32(d, at + 8) == item.size();
    }

    /**
     * Whether an extra field block holds a ZIP64 record (header id 1). Padding that is not a record
     * (some tools align data that way) is passed over, as other zip readers do.
     */
    private static boolean hasZip64(ByteBuffer variable, int from, int length) {
        int at = from;
        int end = from + length;
        while (at + 4 <= end) {
            if (u16(variable, at) == ZIP64_EXTRA) {
                return true;
            }
            at += 4 + u16(variable, at + 2);
        }
        return false;
    }

    // ---- unpacking ----

    /**
     * The entry's bytes: exactly the directory's size, with its CRC-32. Refused as soon as the data
     * unpacks to more than that ({@code zip-mismatch}), beyond the ratio, or beyond the package's total
     * of unpacked bytes ({@code zip-bomb}); a stream that ends early or fails its CRC is {@code damaged-entry}.
     */
    byte[] unpack(Item item) throws IOException {
        byte[] out = item.method() == STORED ? readStored(item) : inflate(item);
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != item.crc()) {
            throw new PackageException("damaged-entry", printable(item.name()));
        }
        return out;
    }

    private byte[] readStored(Item item) throws IOException {
        // The bytes are in the file itself, in a span no other entry uses: nothing is amplified.
        count(item, item.size());
        byte[] out = new byte[(int) item.size()];
        readFully(channel, ByteBuffer.wrap(out), item.dataOffset());
        return out;
    }

    private byte[] inflate(Item item) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, item.compressedSize()))];
            long fed = 0;
            long size = item.size();
            // grown as bytes come, so a directory that over-states the size costs nothing
            byte[] out = new byte[(int) Math.min(size, CHUNK)];
            int produced = 0;
            byte[] probe = new byte[1];
            int idle = 0;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (fed == item.compressedSize()) {
                        throw new PackageException("damaged-entry", printable(item.name())); // cut short
                    }
                    int n = (int) Math.min(chunk.length, item.compressedSize() - fed);
                    readFully(channel, ByteBuffer.wrap(chunk, 0, n), item.dataOffset() + fed);
                    inflater.setInput(chunk, 0, n);
                    fed += n;
                }
                int n;
                if (produced == size) {
                    // All the directory announced is there: one byte more means it under-states the entry.
                    n = inflater.inflate(probe);
                    if (n > 0) {
                        throw mismatch(printable(item.name()), "unpacked");
                    }
                } else {
                    if (produced == out.length) {
                        out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
                    }
                    n = inflater.inflate(out, produced, out.length - produced);
                    produced += n;
                    count(item, n);
                }
                idle = n > 0 || inflater.needsInput() ? 0 : idle + 1;
                if (inflater.needsDictionary() || idle > 2) {
                    throw new PackageException("damaged-entry", printable(item.name()));
                }
            }
            if (produced != size) {
                throw mismatch(printable(item.name()), "unpacked");
            }
            if (fed - inflater.getRemaining() != item.compressedSize()) {
                // bytes after the end of the compressed stream, inside the entry's span
                throw mismatch(printable(item.name()), "compressed");
            }
            return out;
        } catch (DataFormatException e) {
            throw new PackageException(e, "damaged-entry", printable(item.name()));
        } finally {
            inflater.end();
        }
    }

    /** Counts unpacked bytes against the package's total, which the caller holds in memory. */
    private void count(Item item, long bytes) {
        held += bytes;
        if (held > limits.maxTotalSize()) {
            throw new PackageException("zip-bomb", printable(item.name()));
        }
    }

    // ---- bytes ----

    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, position);
        return b.flip();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new EOFException("file ends at " + at);
            }
            at += n;
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.order(ByteOrder.LITTLE_ENDIAN).getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.order(ByteOrder.LITTLE_ENDIAN).getInt(at));
    }

    /** "the zip directory", in the user's language, where a message names a place rather than an entry. */
    private static String directory() {
        return org.perfdesk.domain.Texts.t("pkg.zipDirectory");
    }

    /** The zip's records of an entry disagree; {@code field} names what, in the user's language. */
    private static PackageException mismatch(String entry, String field) {
        return new PackageException("zip-mismatch", entry, org.perfdesk.domain.Texts.t("pkg.zipField." + field));
    }

    private static PackageException unsupported(String feature) {
        return new PackageException("unsupported-zip-feature", feature);
    }

    /** A name for a message: control characters written as escapes. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
