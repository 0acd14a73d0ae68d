#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The Python part of make-test-fonts.sh (standard library only).

  charset  --root REPO [--text DIR]... [--exclude HEX]... --out FILE
           writes the character set of the test fonts (format below)
  unicodes CHARSET OUT
           writes CHARSET's code points as the hex list hb-subset reads
           (--unicodes-file)
  latin-unicodes OUT
           writes the code points of the Latin test font (LATIN_SET) as
           that list
  rename   FONT --replace OLD=NEW... [--forbid WORD]...
           rewrites the family, full, unique and PostScript names of an
           sfnt file in place (every platform and language), then fails if a
           forbidden word is left in any of those names
  copy-tables SOURCE INDEX FONT TAG...
           puts the named tables of face INDEX of SOURCE, byte for byte, into
           FONT (valid because FONT keeps SOURCE's glyph ids)
  tables   FONT [INDEX]
           prints the table tags of an sfnt file or of one face of a .ttc

charset.txt: lines starting with '#' are comments; every other line is one
code point: four to six upper-case hex digits, a tab, the character.
"""

import argparse
import pathlib
import re
import struct
import sys
import unicodedata

# --- character set -----------------------------------------------------------

# Fixed ranges, inclusive.
RANGES = [
    (0x0020, 0x007E, "printable ASCII"),
    (0x2010, 0x2027, "general punctuation (dashes, quotes, leaders)"),
    (0x2030, 0x203B, "general punctuation (per mille, primes, reference mark)"),
    (0x2160, 0x217F, "Roman numerals"),
    (0x2460, 0x2473, "circled numbers 1-20"),
    (0x3000, 0x303F, "CJK symbols and punctuation"),
    (0xFF01, 0xFF5E, "full-width ASCII forms"),
    # Characters HarfBuzz puts in by itself, so that shaping a subset gives
    # what shaping its source gives:
    (0x25CC, 0x25CC, "dotted circle (set before a mark that has no base)"),
    (0xFE10, 0xFE19, "vertical forms (vertical text in a font without GSUB 'vert')"),
    (0xFE30, 0xFE4F, "CJK compatibility forms (likewise)"),
]

# Sources inside the repository, relative to its root: (folder, pattern, recursive).
REPO_SOURCES = [
    ("samples", "*.xml", False),
    ("tests", "*.cpp", True),
    ("tests", "*.hpp", True),
    ("tests", "*.xml", True),
    ("tests", "*.txt", True),
    ("tests", "*.trace", True),
    ("fuzz/corpus", "*", False),
    ("layouts", "*.xml", False),
    ("fonts", "fonts.xml", False),
]

# The test fonts' own folder is not a source (charset.txt would feed itself).
SKIP_DIRS = ["tests/fonts"]

# Characters test sources spell as escapes rather than literally:
# "\xE4\xB6\xB5" (UTF-8 bytes), "\u3000", "\U000E0100", and "U+4DB5" in prose.
ESCAPE_BYTES = re.compile(r"(?:\\x[0-9A-Fa-f]{2})+")
ESCAPE_U = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
PROSE_U = re.compile(r"\bU\+([0-9A-Fa-f]{4,6})\b")


def gb2312_level1():
    """The 3,755 hanzi of GB 2312 level 1: rows 16-55, bytes 0xB0A1-0xD7F9."""
    out = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass  # the five empty cells at the end of row 55
    return out


def wanted(cp):
    """Characters worth a glyph: no controls, surrogates or non-characters."""
    if cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return False
    if (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF:
        return False
    return unicodedata.category(chr(cp)) not in ("Cc", "Cs")


def read_text(path):
    """The file's text, or None for a binary or non-UTF-8 file."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def escaped(text):
    """Code points written as escapes in source code."""
    out = set()
    for m in ESCAPE_BYTES.finditer(text):
        raw = bytes(int(h, 16) for h in m.group(0).split("\\x")[1:])
        out.update(ord(c) for c in raw.decode("utf-8", "ignore"))
    for m in ESCAPE_U.finditer(text):
        out.add(int(m.group(1) or m.group(2), 16))
    for m in PROSE_U.finditer(text):
        out.add(int(m.group(1), 16))
    return out


def source_files(root, extra_dirs):
    files = []
    for folder, pattern, recursive in REPO_SOURCES:
        base = root / folder
        if not base.is_dir():
            sys.exit(f"charset: {base} is missing")
        found = base.rglob(pattern) if recursive else base.glob(pattern)
        for f in found:
            rel = f.relative_to(root).as_posix()
            if f.is_file() and not any(rel.startswith(d + "/") for d in SKIP_DIRS):
                files.append(f)
    for d in extra_dirs:
        if not d.is_dir():
            sys.exit(f"charset: text folder {d} is missing")
        files.extend(f for f in d.iterdir() if f.is_file())
    return sorted(set(files))


def cmd_charset(args):
    root = pathlib.Path(args.root).resolve()
    cps = set()
    for lo, hi, _ in RANGES:
        cps.update(range(lo, hi + 1))
    hanzi = gb2312_level1()
    assert len(hanzi) == 3755, len(hanzi)
    cps.update(hanzi)
    files = source_files(root, [pathlib.Path(d) for d in args.text])
    read = skipped = 0
    for f in files:
        text = read_text(f)
        if text is None:
            skipped += 1
            print(f"charset: skipped binary or non-UTF-8 file {f}", file=sys.stderr)
            continue
        read += 1
        cps.update(ord(c) for c in text)
        if f.suffix in (".cpp", ".hpp"):
            cps.update(escaped(text))
    excluded = {int(h, 16) for h in args.exclude}
    cps = sorted(cp for cp in cps if wanted(cp) and cp not in excluded)
    lines = [
        "# Character set of the test fonts in this folder (README.md), written by",
        "# make-test-fonts.sh (make_test_fonts.py charset): do not edit by hand.",
        "# The union of:",
    ]
    lines += [f"#   U+{lo:04X}-U+{hi:04X} {name}" for lo, hi, name in RANGES]
    lines += [
        "#   the 3,755 hanzi of GB 2312 level 1",
        "#   every character of samples/*.xml, tests/**/*.{cpp,hpp,xml,txt,trace}",
        "#   (but tests/fonts/), fuzz/corpus/*, layouts/*.xml, fonts/fonts.xml and",
        "#   the published documents given with --text, with the characters",
        "#   the C++ tests write as escapes (\\xE4\\xB6\\xB5, \\u3000, U+4DB5)",
        "# Excluded: " + (", ".join(f"U+{cp:04X}" for cp in sorted(excluded)) or "none") + ".",
        "# A font keeps only those of these characters it has.",
        f"# {len(cps)} code points, one a line: hex, a tab, the character.",
    ]
    lines += [f"{cp:04X}\t{chr(cp)}" for cp in cps]
    pathlib.Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"charset: {len(cps)} code points from {read} files ({skipped} skipped)", file=sys.stderr)


def read_charset(path):
    cps = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cps.append(int(line.split("\t", 1)[0], 16))
    return cps


def cmd_unicodes(args):
    cps = read_charset(args.charset)
    pathlib.Path(args.out).write_text("".join(f"{cp:04X}\n" for cp in cps), encoding="ascii")


# The Latin test font (Liberation Serif): printable ASCII, a few Latin-1
# letters and marks, and the ambiguous-width marks “ ” ‘ ’ – — … that Chinese
# text must still take from its CJK face (the tests check that it does).
LATIN_SET = (list(range(0x20, 0x7F)) + [0xA0, 0xB7, 0xC9, 0xE0, 0xE7, 0xE8, 0xE9, 0xF6, 0xFC] +
             [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026])


def cmd_latin_unicodes(args):
    pathlib.Path(args.out).write_text("".join(f"{cp:04X}\n" for cp in LATIN_SET), encoding="ascii")


# --- sfnt files --------------------------------------------------------------


def face_offset(data, index):
    if data[:4] == b"ttcf":
        count = struct.unpack(">I", data[8:12])[0]
        if index >= count:
            sys.exit(f"face index {index} out of range ({count} faces)")
        return struct.unpack(">I", data[12 + 4 * index:16 + 4 * index])[0]
    if index != 0:
        sys.exit("face index given for a single-face file")
    return 0


def read_tables(data, offset=0):
    num = struct.unpack(">H", data[offset + 4:offset + 6])[0]
    tables = {}
    for i in range(num):
        rec = data[offset + 12 + 16 * i:offset + 28 + 16 * i]
        tag, _, off, length = struct.unpack(">4sIII", rec)
        tables[tag] = data[off:off + length]
    return data[offset:offset + 4], tables


def checksum(b):
    b = b + b"\0" * (-len(b) % 4)
    return sum(struct.unpack(">%dI" % (len(b) // 4), b)) & 0xFFFFFFFF


def write_sfnt(version, tables):
    """An sfnt file: tables in tag order, 4-byte aligned, with checksums."""
    tags = sorted(tables)
    n = len(tags)
    es = n.bit_length() - 1
    sr = 16 * (1 << es)
    header = version + struct.pack(">HHHH", n, sr, es, 16 * n - sr)
    offset = 12 + 16 * n
    directory = b""
    body = b""
    head = tables.get(b"head")
    if head is not None:  # checkSumAdjustment is computed over the whole file with 0 here
        tables[b"head"] = head = head[:8] + b"\0\0\0\0" + head[12:]
    for tag in tags:
        t = tables[tag]
        directory += struct.pack(">4sIII", tag, checksum(t), offset + len(body), len(t))
        body += t + b"\0" * (-len(t) % 4)
    font = bytearray(header + directory + body)
    if head is not None:
        adj = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
        pos = 12 + 16 * tags.index(b"head")
        head_off = struct.unpack(">I", font[pos + 8:pos + 12])[0]
        font[head_off + 8:head_off + 12] = struct.pack(">I", adj)
    return bytes(font)


# Names that present the font to users (OFL-1.1 §3, "primary font name"),
# plus the unique and PostScript names built from them.
RENAMED_IDS = {1, 3, 4, 6, 16, 17, 18, 20, 21, 22}


def decode_name(pid, eid, raw):
    if pid in (0, 3):
        return raw.decode("utf-16-be")
    if pid == 1:
        return raw.decode({0: "mac_roman", 25: "gb2312"}[eid])
    raise ValueError(f"name record of platform {pid}")


def encode_name(pid, eid, s):
    if pid in (0, 3):
        return s.encode("utf-16-be")
    return s.encode({0: "mac_roman", 25: "gb2312"}[eid])


def cmd_rename(args):
    path = pathlib.Path(args.font)
    data = path.read_bytes()
    version, tables = read_tables(data)
    name = tables[b"name"]
    fmt, count, string_off = struct.unpack(">HHH", name[:6])
    if fmt != 0:
        sys.exit(f"rename: name table format {fmt} is not handled")
    pairs = [r.split("=", 1) for r in args.replace]
    records = []
    for i in range(count):
        pid, eid, lid, nid, length, off = struct.unpack(">6H", name[6 + 12 * i:18 + 12 * i])
        raw = name[string_off + off:string_off + off + length]
        if nid in RENAMED_IDS:
            s = decode_name(pid, eid, raw)
            for old, new in pairs:
                s = s.replace(old, new)
            for word in args.forbid:
                if word in s:
                    sys.exit(f"rename: name {nid} ({pid}/{eid}/{lid}) still holds {word!r}: {s!r}")
            raw = encode_name(pid, eid, s)
        records.append((pid, eid, lid, nid, raw))
    records.sort(key=lambda r: r[:4])
    storage = b""
    recs = b""
    for pid, eid, lid, nid, raw in records:
        at = storage.find(raw) if raw else 0
        if at < 0:
            at = len(storage)
            storage += raw
        recs += struct.pack(">6H", pid, eid, lid, nid, len(raw), at)
    tables[b"name"] = struct.pack(">HHH", 0, len(records), 6 + len(recs)) + recs + storage
    path.write_bytes(write_sfnt(version, tables))


def cmd_copy_tables(args):
    src = pathlib.Path(args.source).read_bytes()
    _, src_tables = read_tables(src, face_offset(src, args.index))
    path = pathlib.Path(args.font)
    version, tables = read_tables(path.read_bytes())
    for tag in args.tags:
        key = tag.encode("latin-1").ljust(4)
        if key not in src_tables:
            sys.exit(f"copy-tables: {args.source} has no {tag} table")
        tables[key] = src_tables[key]
    path.write_bytes(write_sfnt(version, tables))


def cmd_tables(args):
    data = pathlib.Path(args.font).read_bytes()
    _, tables = read_tables(data, face_offset(data, args.index))
    print(" ".join(t.decode("latin-1") for t in sorted(tables)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("charset")
    c.add_argument("--root", required=True)
    c.add_argument("--text", action="append", default=[])
    c.add_argument("--exclude", action="append", default=[])
    c.add_argument("--out", required=True)
    c.set_defaults(func=cmd_charset)
    u = sub.add_parser("unicodes")
    u.add_argument("charset")
    u.add_argument("out")
    u.set_defaults(func=cmd_unicodes)
    lu = sub.add_parser("latin-unicodes")
    lu.add_argument("out")
    lu.set_defaults(func=cmd_latin_unicodes)
    r = sub.add_parser("rename")
    r.add_argument("font")
    r.add_argument("--replace", action="append", default=[])
    r.add_argument("--forbid", action="append", default=[])
    r.set_defaults(func=cmd_rename)
    k = sub.add_parser("copy-tables")
    k.add_argument("source")
    k.add_argument("index", type=int)
    k.add_argument("font")
    k.add_argument("tags", nargs="+")
    k.set_defaults(func=cmd_copy_tables)
    t = sub.add_parser("tables")
    t.add_argument("font")
    t.add_argument("index", nargs="?", type=int, default=0)
    t.set_defaults(func=cmd_tables)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
