#!/usr/bin/env python3
"""Check a PerfDesk package's zip structure by hand, the way PerfDesk does before it unpacks anything.

Usage:  python3 perfdesk-zipcheck.py PACKAGE.perfpkg

Prints "zip structure OK: N entries", or stops at the first rule broken (package-format.md §5 step 2):
the end record is the last one in the file, with only a comment after it; no ZIP64; the directory lies
right before the end record; only stored (0) and deflated (8) entries, none encrypted; each local header
has the directory entry's name, flags and method, and its CRC-32 and sizes (or zeros, with a data
descriptor after the data that has them); the entries lie one after the other from offset 0 to the
directory, with no byte shared and none left over. It does not unpack: `python3 -m zipfile -t` then
checks that each entry unpacks to its CRC-32 (reading no more than the directory's size).
Needs Python 3 only.
"""
import struct
import sys

d = open(sys.argv[1], 'rb').read()
ends = [i for i in range(len(d) - 22, max(-1, len(d) - 22 - 65536), -1)
        if d[i:i + 4] == b'PK\5\6' and i + 22 + struct.unpack('<H', d[i + 20:i + 22])[0] == len(d)]
assert ends, 'no end record: not a zip, or cut short'
e = ends[0]
disk, cd_disk, here, n, cd_size, cd_off, _ = struct.unpack('<HHHHIIH', d[e + 4:e + 22])
assert 0xFFFF not in (here, n) and 0xFFFFFFFF not in (cd_size, cd_off), 'ZIP64'
assert (disk, cd_disk) == (0, 0) and here == n, 'multi-disk'
assert cd_off + cd_size == e, 'bytes between the directory and the end record (a ZIP64 end record?)'


def has_zip64(extra):
    i = 0
    while i + 4 <= len(extra):
        if struct.unpack('<H', extra[i:i + 2])[0] == 1:
            return True
        i += 4 + struct.unpack('<H', extra[i + 2:i + 4])[0]
    return False


p, items = cd_off, []
for _ in range(n):
    (sig, _, _, flags, method, _, _, crc, csize, size, nlen, xlen, clen, _, _, _, off) = \
        struct.unpack('<IHHHHHHIIIHHHHHII', d[p:p + 46])
    name = d[p + 46:p + 46 + nlen]
    assert sig == 0x02014b50, 'not a directory entry'
    assert method in (0, 8) and not flags & 0x2041, (name, 'method or encryption')
    assert not has_zip64(d[p + 46 + nlen:p + 46 + nlen + xlen]), (name, 'ZIP64')
    items.append((off, name, flags, method, crc, csize, size))
    p += 46 + nlen + xlen + clen
assert p == e, 'bytes after the directory'
at = 0
for off, name, flags, method, crc, csize, size in sorted(items, key=lambda item: item[0]):
    assert off == at, (name, 'overlaps the entry before it' if off < at else 'bytes before it belong to no entry')
    (sig, _, lflags, lmethod, _, _, lcrc, lcsize, lsize, nlen, xlen) = struct.unpack('<IHHHHHIIIHH', d[off:off + 30])
    assert sig == 0x04034b50 and d[off + 30:off + 30 + nlen] == name, (name, 'local header name')
    assert (lflags, lmethod) == (flags, method), (name, 'local header flags or method')
    assert not has_zip64(d[off + 30 + nlen:off + 30 + nlen + xlen]), (name, 'ZIP64')
    end = off + 30 + nlen + xlen + csize
    if flags & 8:
        assert {lcrc, lcsize, lsize} <= {0, crc, csize, size}, (name, 'local header CRC-32 or sizes')
        with_signature = d[end:end + 4] == b'PK\7\10' and struct.unpack('<III', d[end + 4:end + 16]) == (crc, csize, size)
        end += 16 if with_signature else 12
        assert struct.unpack('<III', d[end - 12:end]) == (crc, csize, size), (name, 'data descriptor')
    else:
        assert (lcrc, lcsize, lsize) == (crc, csize, size), (name, 'local header CRC-32 or sizes')
    at = end
assert at == cd_off, 'the last entry overlaps the directory' if at > cd_off else 'bytes before the directory'
print('zip structure OK:', n, 'entries')
