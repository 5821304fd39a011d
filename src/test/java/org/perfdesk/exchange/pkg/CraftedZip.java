package org.perfdesk.exchange.pkg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte, so that tests can make every lie a hostile sender could tell: sizes
 * the central directory under-states, entries that share their bytes, local headers that disagree
 * with the directory, data descriptors, ZIP64 records, bytes between entries. By default every header
 * tells the truth and the file is what any zip writer would make; each field of {@link Entry} changes
 * one thing.
 */
public final class CraftedZip {
    private final List<Entry> entries = new ArrayList<>();
    /** Bytes put before the central directory, after the last entry. */
    public byte[] beforeDirectory = new byte[0];
    /** The archive's comment (after the end record). */
    public byte[] comment = new byte[0];
    /** Write a ZIP64 end record and locator, and 0xFFFF / 0xFFFFFFFF in the end record. */
    public boolean zip64End;

    /** One entry: its content, how it is stored, and what each header says about it. */
    public static final class Entry {
        public final String name;
        public final byte[] data;
        public int method = 8;
        /** Flag bit 3: sizes and CRC after the data, zeros in the local header. */
        public boolean descriptor;
        /** The directory's (and, unless set on their own, the local header's and descriptor's) claims. */
        public Long size;
        public Long compressedSize;
        public Long crc;
        /** Lies told by the local header alone. */
        public String localName;
        public Integer localMethod;
        public Integer localFlags;
        public Long localSize;
        public Long localCrc;
        /** Lies told by the data descriptor alone. */
        public Long descriptorSize;
        /** The directory points this entry at the local header of an earlier entry (by index): they overlap. */
        public int sameAs = -1;
        /** The directory's offset of this entry moved by this many bytes (into the previous entry's data). */
        public int offsetShift;
        /** Bytes between the previous entry and this one. */
        public byte[] gapBefore = new byte[0];
        /** Extra fields, local and central. */
        public byte[] localExtra = new byte[0];
        public byte[] centralExtra = new byte[0];
        /** The compressed bytes, when they should be something else than {@code data} deflated. */
        public byte[] rawData;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }
    }

    /** Adds an entry (deflated, every header true) and returns it to be changed. */
    public Entry add(String name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    public Entry add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A ZIP64 extended-information extra field with the given sizes (as writers add for large entries). */
    public static byte[] zip64Extra(long size, long compressedSize) {
        ByteBuffer b = le(20);
        b.putShort((short) 1).putShort((short) 16).putLong(size).putLong(compressedSize);
        return b.array();
    }

    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    public static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        byte[][] stored = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            out.writeBytes(e.gapBefore);
            byte[] body = e.rawData != null ? e.rawData : e.method == 0 ? e.data : deflate(e.data);
            stored[i] = body;
            if (e.sameAs >= 0) {
                continue; // no bytes of its own: the directory points at another entry's
            }
            offsets[i] = out.size();
            int flags = flags(e);
            byte[] name = (e.localName != null ? e.localName : e.name).getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) 20)
                    .putShort((short) (e.localFlags != null ? e.localFlags : flags))
                    .putShort((short) (e.localMethod != null ? e.localMethod : e.method))
                    .putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) (e.descriptor ? 0 : e.localCrc != null ? e.localCrc : crc(e)))
                    .putInt((int) (e.descriptor ? 0 : compressed(e, body)))
                    .putInt((int) (e.descriptor ? 0 : e.localSize != null ? e.localSize : size(e)))
                    .putShort((short) name.length).putShort((short) e.localExtra.length);
            out.writeBytes(h.array());
            out.writeBytes(name);
            out.writeBytes(e.localExtra);
            out.writeBytes(body);
            if (e.descriptor) {
                ByteBuffer d = le(16);
                d.putInt(0x08074b50).putInt((int) crc(e)).putInt((int) compressed(e, body))
                        .putInt((int) (e.descriptorSize != null ? e.descriptorSize : size(e)));
                out.writeBytes(d.array());
            }
        }
        out.writeBytes(beforeDirectory);
        long directory = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            long offset = (e.sameAs >= 0 ? offsets[e.sameAs] : offsets[i]) + e.offsetShift;
            ByteBuffer h = le(46);
            h.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) flags(e))
                    .putShort((short) e.method).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc(e)).putInt((int) compressed(e, stored[i])).putInt((int) size(e))
                    .putShort((short) name.length).putShort((short) e.centralExtra.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
            out.writeBytes(h.array());
            out.writeBytes(name);
            out.writeBytes(e.centralExtra);
        }
        long directoryEnd = out.size();
        if (zip64End) {
            ByteBuffer z = le(56);
            z.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size()).putLong(directoryEnd - directory).putLong(directory);
            out.writeBytes(z.array());
            ByteBuffer l = le(20);
            l.putInt(0x07064b50).putInt(0).putLong(directoryEnd).putInt(1);
            out.writeBytes(l.array());
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64End ? 0xffff : entries.size()))
                .putShort((short) (zip64End ? 0xffff : entries.size()))
                .putInt((int) (zip64End ? 0xffffffffL : directoryEnd - directory))
                .putInt((int) (zip64End ? 0xffffffffL : directory))
                .putShort((short) comment.length);
        out.writeBytes(end.array());
        out.writeBytes(comment);
        return out.toByteArray();
    }

    private static int flags(Entry e) {
        return (e.descriptor ? 8 : 0) | 0x800;
    }

    private static long size(Entry e) {
        return e.size != null ? e.size : e.data.length;
    }

    private static long crc(Entry e) {
        return e.crc != null ? e.crc : crc(e.data);
    }

    private static long compressed(Entry e, byte[] body) {
        return e.compressedSize != null ? e.compressedSize : body.length;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
