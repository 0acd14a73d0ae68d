#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Hostile inputs for the hongtou command line (tests/hostile/README.md).

    make-inputs.py [--quick] OUTDIR

writes one folder per case under OUTDIR/cases/ (NNN-name/: the files the case
needs, FIFOs, symbolic links, unwritable folders), a folder OUTDIR/outside/ of
files no case may change (the targets of planted links), and the manifest
OUTDIR/manifest.tsv that run.sh reads, one case a line, tab-separated:

    number  name  speed  expect  stdin  absent  description

with the arguments of case NNN in OUTDIR/args/NNN (each ended by a NUL byte).

speed is "quick" or "slow" (--quick writes only the quick cases; the slow ones
are large or take more than a few seconds); expect is the exit statuses the
case may end with, "|"-separated (docs/hongtou.1: 0 ok, 2 input, 3 output,
64 usage); stdin is a file the case reads on standard input, or "-" for
/dev/null; absent is the paths (relative to the case's folder, separated by
"|", or "-") that must not exist after the run; run.sh runs each case in its
own folder. The options @FONTS@ stand for
`--fonts tests/fonts/fonts.xml --font-dir tests/fonts --no-system-fonts`
(expanded here, into absolute paths of this checkout).

Text bodies are real published documents: the paragraphs of the committed
tests/corpus/*.xml.
Standard library only.
"""

import glob
import json
import os
import random
import re
import shutil
import stat
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FONTS_XML = os.path.join(ROOT, "tests", "fonts", "fonts.xml")
FONT_DIR = os.path.join(ROOT, "tests", "fonts")
SEAL_PNG = os.path.join(ROOT, "samples", "seals", "sample-seal.png")
FANGSONG = os.path.join(FONT_DIR, "FandolFang-Regular.subset.otf")
STD = ["--fonts", FONTS_XML, "--font-dir", FONT_DIR, "--no-system-fonts"]

# ----------------------------------------------------------------- the text


def load_corpus():
    """Documents as (title, doc_number, addressee, [paragraphs])."""
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.xml"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        paras = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", text, re.S)]
        paras = [p for p in paras if len(p) >= 20 and "&" not in p]
        if title and paras:
            docs.append((re.sub(r"<[^>]+>", "", title.group(1)), "国办发〔2019〕3号",
                         "各省、自治区、直辖市人民政府：", paras))
    if not docs:
        sys.exit("make-inputs.py: no corpus text found in tests/corpus")
    return docs


CORPUS = load_corpus()
TITLE, DOCNO, ADDRESSEE, PARAS = CORPUS[0]
ALL_PARAS = [p for d in CORPUS for p in d[3]]
ALL_TEXT = "".join(ALL_PARAS)
HANZI = [c for c in ALL_TEXT if "\u4e00" <= c <= "\u9fff"]  # for one-character paragraphs


def text_of(n):
    """n characters of real text, the corpus repeated as needed."""
    reps = n // len(ALL_TEXT) + 1
    return (ALL_TEXT * reps)[:n]


def doc(body=None, title=None, header=None, extra="", root_attrs=' layout="gbt9704"',
        signature=None, decl='<?xml version="1.0" encoding="UTF-8"?>\n', before_root=""):
    """A valid-looking document; each part may be replaced by hostile text."""
    if body is None:
        body = "".join("    <p>%s</p>\n" % p for p in PARAS[:3])
    if title is None:
        title = TITLE
    if header is None:
        header = ("  <header>\n    <issuer>国务院办公厅</issuer>\n"
                  "    <doc-number>%s</doc-number>\n  </header>\n" % DOCNO)
    if signature is None:
        signature = ("  <signature>\n    <organ>国务院办公厅</organ>\n"
                     "    <date>2019年1月9日</date>\n  </signature>\n")
    return ("%s%s<gongwen%s>\n%s  <title>%s</title>\n  <addressee>%s</addressee>\n"
            "  <body>\n%s  </body>\n%s%s</gongwen>\n"
            % (decl, before_root, root_attrs, header, title, ADDRESSEE, body, signature, extra))


def png(width, height, rows=None, bad_crc=False):
    """A PNG file: 8-bit RGBA, the IHDR saying width × height."""
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        if bad_crc:
            crc ^= 0xDEADBEEF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
    if rows is None:
        rows = b"\0" * 16  # far too little pixel data for the header
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def layout(inner, name="hostile", extends="gbt9704"):
    ext = ' extends="%s"' % extends if extends else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<layout name="%s"%s>\n  %s\n</layout>\n'
            % (name, ext, inner))


def fonts_xml(fangsong_file, family="Hostile Face"):
    """tests/fonts/fonts.xml with the fangsong role's one candidate replaced."""
    with open(FONTS_XML, encoding="utf-8") as f:
        text = f.read()
    return re.sub(r'<font family="FandolFang" style="Regular" file="[^"]*"/>',
                  '<font family="%s" style="Regular" file="%s"/>' % (family, fangsong_file), text)


# ----------------------------------------------------------------- the cases

CASES = []


def case(name, desc, args, expect="2", files=None, speed="quick", stdin=None, setup=None, absent=()):
    """args: after the binary; "@FONTS@" expands to the test fonts' options.
    files: {relative path: str or bytes (or a function giving one)} written
    into the case's folder. setup: a function(case_dir, outside_dir) for
    FIFOs, links and modes. absent: paths (relative to the case's folder)
    that must not exist after the run."""
    CASES.append(dict(name=name, desc=desc, args=args, expect=expect, files=files or {},
                      speed=speed, stdin=stdin, setup=setup, absent=list(absent)))


def sparse(path, size):
    """A file of size bytes that takes no room on the disk."""
    with open(path, "wb") as f:
        f.truncate(size)


def render(*extra, inp="doc.xml", out="out.pdf"):
    return ["@FONTS@", "render", inp, "-o", out] + list(extra)


def simple(name, desc, content, expect="2", speed="quick", extra=()):
    case(name, desc, render(*extra), expect, {"doc.xml": content}, speed)


GOOD = doc()
GOOD_B = GOOD.encode("utf-8")

# A control document: the harness itself must see a success.
simple("control-valid", "a valid document from the corpus (control: must succeed)", GOOD, "0")

# --- malformed XML and encodings
simple("empty-file", "0-byte document", b"")
simple("whitespace-only", "only spaces and newlines", "   \n\n\t  \n")
simple("decl-only", "an XML declaration and nothing else", '<?xml version="1.0" encoding="UTF-8"?>\n')
cut = GOOD_B.index("<body>".encode()) + 40
simple("truncated-mid-char", "valid document cut inside a multi-byte character", GOOD_B[:cut + 1 if GOOD_B[cut] >= 0x80 else cut])
simple("truncated-in-tag", "valid document cut inside a start tag", GOOD.split("<signature>")[0] + "<signa")
simple("unclosed-p", "a <p> never closed", doc(body="    <p>%s\n" % PARAS[0]))
simple("mismatched-tags", "<title> closed by </p>", GOOD.replace("</title>", "</p>", 1))
simple("two-roots", "a second <gongwen> after the first", GOOD + GOOD.split("\n", 1)[1])
simple("text-outside-root", "text after the root element", GOOD + "正文之外的文字\n")
simple("wrong-root", "root element <html>", "<html><body><p>%s</p></body></html>\n" % PARAS[0])
simple("attr-no-quotes", "attribute value without quotes", GOOD.replace('layout="gbt9704"', "layout=gbt9704"))
simple("latin1-declared", "encoding=ISO-8859-1 with Latin-1 bytes",
       doc(decl='<?xml version="1.0" encoding="ISO-8859-1"?>\n', body="    <p>caf\xe9 na\xefve</p>\n",
           title="Caf\xe9").encode("latin-1", "replace"))
simple("gbk-bytes", "the document in GBK, declared GB2312", doc(decl='<?xml version="1.0" encoding="GB2312"?>\n').encode("gbk", "replace"))
simple("bom-utf8", "a UTF-8 byte-order mark before the declaration", b"\xef\xbb\xbf" + GOOD_B, "0|2")
simple("bom-utf8-twice", "two UTF-8 byte-order marks", b"\xef\xbb\xbf\xef\xbb\xbf" + GOOD_B, "0|2")
simple("utf16le-bom", "the document in UTF-16LE with a BOM", b"\xff\xfe" + GOOD.encode("utf-16-le"))
simple("utf16be-nobom", "the document in UTF-16BE without a BOM", GOOD.encode("utf-16-be"))
simple("utf32le-bom", "the document in UTF-32LE with a BOM", b"\xff\xfe\0\0" + GOOD.encode("utf-32-le"))
simple("bom-utf16-then-utf8", "a UTF-16LE BOM before UTF-8 text", b"\xff\xfe" + GOOD_B)


def with_bytes(b):
    return doc(body="    <p>%s@@</p>\n" % PARAS[0]).encode("utf-8").replace(b"@@", b)


simple("invalid-utf8-ff", "byte 0xFF in a paragraph", with_bytes(b"\xff"))
simple("invalid-utf8-continuation", "a lone continuation byte 0x80", with_bytes(b"\x80"))
simple("overlong-slash", "overlong encoding of '/' (C0 AF)", with_bytes(b"\xc0\xaf"))
simple("overlong-nul", "overlong encoding of NUL (C0 80)", with_bytes(b"\xc0\x80"))
simple("overlong-3byte", "3-byte overlong encoding (E0 80 AF)", with_bytes(b"\xe0\x80\xaf"))
simple("overlong-lt", "overlong '<' (C0 BC) hiding markup", with_bytes(b"\xc0\xbcp\xc0\xbe"))
simple("utf8-surrogate", "an encoded surrogate U+D800 (ED A0 80)", with_bytes(b"\xed\xa0\x80"))
simple("utf8-above-max", "a code point above U+10FFFF (F4 90 80 80)", with_bytes(b"\xf4\x90\x80\x80"))
simple("utf8-5byte", "an obsolete 5-byte sequence (F8 88 80 80 80)", with_bytes(b"\xf8\x88\x80\x80\x80"))
simple("utf8-cut-at-eof", "the file ends inside a character (E4 B8)", GOOD_B.rstrip() + b"\xe4\xb8")

# --- character references and literal controls


def with_text(t, where="body"):
    if where == "title":
        return doc(title=TITLE + t)
    return doc(body="    <p>%s%s%s</p>\n" % (PARAS[0][:30], t, PARAS[0][30:]))


simple("ref-nul", "character reference &#0;", with_text("&#0;"))
simple("ref-c0", "character reference &#x1; (C0 control)", with_text("&#x1;"))
simple("ref-esc", "character reference &#x1B; (ESC) in the title", with_text("&#x1B;[31m", "title"))
simple("ref-c1", "character reference &#x85; (C1 control NEL)", with_text("&#x85;"), "0|2")
simple("ref-c1-csi", "character reference &#x9B; (C1 CSI)", with_text("&#x9B;"), "0|2")
simple("ref-surrogate", "character reference &#xD800; (a surrogate)", with_text("&#xD800;"))
simple("ref-surrogate-pair", "a surrogate pair as two references &#xD83D;&#xDE00;", with_text("&#xD83D;&#xDE00;"))
simple("ref-nonchar-ffff", "character reference &#xFFFF; (noncharacter)", with_text("&#xFFFF;"))
simple("ref-nonchar-fffe", "character reference &#xFFFE; (noncharacter)", with_text("&#xFFFE;"))
simple("ref-nonchar-fdd0", "character reference &#xFDD0; (noncharacter, XML-legal)", with_text("&#xFDD0;"), "0|2")
simple("ref-above-max", "character reference &#x110000; (above U+10FFFF)", with_text("&#x110000;"))
simple("ref-huge-decimal", "character reference of 30 decimal digits", with_text("&#" + "9" * 30 + ";"))
simple("ref-empty", "character references &#; and &#x;", with_text("&#;&#x;"))
simple("ref-in-attribute", "&#0; in the level attribute of <h>", doc(body='    <h level="&#0;">一、总体要求</h>\n'))
simple("literal-nul", "a raw NUL byte in a paragraph", with_bytes(b"\x00"))
simple("literal-c0", "raw C0 controls (BEL, BS, ESC) in a paragraph", with_bytes(b"\x07\x08\x1b[2J"))
simple("literal-del-c1", "raw DEL and C1 controls (U+007F, U+0085, U+009B)", with_bytes("\x7f\x85\x9b".encode()), "0|2")
simple("cr-only-newlines", "old Mac line ends (CR only) throughout", GOOD.replace("\n", "\r"), "0")
simple("bidi-override", "U+202E RIGHT-TO-LEFT OVERRIDE in title and body", doc(
    title="\u202e" + TITLE, body="    <p>%s\u202e%s\u202c</p>\n" % (PARAS[0][:20], PARAS[0][20:])), "0")
simple("bidi-isolates", "bidi isolates U+2066..U+2069 and marks U+200E/F", with_text("\u2066\u2067\u2068\u2069\u200e\u200f"), "0")
simple("zero-width", "zero-width space, joiner, non-joiner, BOM inside text", with_text("\u200b\u200c\u200d\ufeff\u2060"), "0")
simple("ref-bidi", "bidi override as a reference &#x202E; in the issuer", GOOD.replace("<issuer>国务院", "<issuer>&#x202E;国务院"), "0")

# --- DOCTYPE and entities
simple("billion-laughs", "DOCTYPE with nested internal entities (billion laughs)",
       '<?xml version="1.0"?>\n<!DOCTYPE gongwen [\n<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">\n'
       + "".join('<!ENTITY %s "%s">\n' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10) for i in range(9))
       + ']>\n' + doc(decl="", body="    <p>&j;</p>\n"))
simple("xxe-file", 'external entity SYSTEM "file:///etc/passwd"',
       '<?xml version="1.0"?>\n<!DOCTYPE gongwen [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
       + doc(decl="", body="    <p>&x;</p>\n"))
simple("xxe-parameter", "external parameter entity from http://",
       '<?xml version="1.0"?>\n<!DOCTYPE gongwen [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n'
       + doc(decl=""))
simple("doctype-plain", "a plain <!DOCTYPE gongwen> without entities", '<?xml version="1.0"?>\n<!DOCTYPE gongwen>\n' + doc(decl=""), "0|2")
simple("unknown-entity", "an unknown entity &nbsp;", with_text("&nbsp;"))
simple("bare-amp", "a bare & in text", with_text(" & "))
simple("amp-in-attribute", "a bare & in an attribute", GOOD.replace('layout="gbt9704"', 'layout="gb&t"'))
simple("lt-in-text", "a bare < in text", with_text(" a < b "))
simple("cdata-control", "a CDATA section holding a control character", with_text("<![CDATA[\x01]]>"))
simple("comment-double-dash", "a comment containing -- ", doc(before_root="<!-- a -- b -->\n"), "0|2")

# --- sizes and nesting


def nested(levels, tag="x"):
    return "<%s>" % tag * levels + "文" + "</%s>" % tag * levels


simple("nest-100", "100 levels of nested elements in a paragraph", doc(body="    <p>%s</p>\n" % nested(100)))
simple("nest-10000", "10,000 levels of nested elements", doc(body="    <p>%s</p>\n" % nested(10000)))
simple("nest-1000000", "1,000,000 levels of nested elements (7 MB)", doc(body="<p>%s</p>" % nested(1000000)))
simple("nest-unclosed-100000", "100,000 start tags, never closed", doc(body="<p>" + "<x>" * 100000))
simple("elements-300000", "300,000 paragraphs (over the element limit)",
       doc(body="".join("<p>%s</p>" % HANZI[i % 1000] for i in range(300000))))
simple("attrs-100000", "one element with 100,000 attributes",
       doc(body="    <p %s>%s</p>\n" % (" ".join('a%d="1"' % i for i in range(100000)), PARAS[0])))
simple("headings-50000-one-line", "50,000 headings on one line (within the element limit)",
       doc(body="".join('<h level="%d">%s</h>' % (i % 4 + 1, PARAS[i % len(PARAS)][:12]) for i in range(50000))),
       "0|2", "slow")
simple("paragraphs-190000", "190,000 one-character paragraphs (thousands of pages)",
       doc(body="".join("<p>%s</p>" % HANZI[i % 1000] for i in range(190000))), "0|2", "slow")
simple("title-2000", "a 2,000-character title (over the title limit)", doc(title=text_of(2000)))
simple("title-1000", "a 1,000-character title (at the limit)", doc(title=text_of(1000)), "0|2")
simple("title-300-brs", "a title of 300 one-character lines (<br/>)", doc(title="<br/>".join(text_of(300))), "0|2")
simple("para-200k", "a 200,000-character paragraph (over the paragraph limit)", doc(body="<p>%s</p>" % text_of(200000)))
simple("para-100k", "a 100,000-character paragraph (at the limit, ~160 pages)", doc(body="<p>%s</p>" % text_of(100000)), "0|2", "slow")
simple("word-50000-latin", "50,000 Latin letters without a break opportunity", with_text("x" * 50000), "0|2")
simple("digits-20000", "a 20,000-digit number (kept whole by the line breaker)", with_text("1" * 20000), "0|2")
simple("combining-10000", "one character carrying 10,000 combining marks (U+302A)", with_text("文" + "\u302a" * 10000))
simple("combining-17", "one character carrying 17 combining marks (limit 16)", with_text("文" + "\u302a" * 17), "0|2")
simple("combining-orphans", "5,000 combining marks with no base character", with_text("\u302a" * 5000), "0|2")
simple("emoji-astral", "astral characters no test font has (U+1F600, U+20000)", with_text("\U0001f600\U00020000"))
case("para-60mb", "a 60 MB paragraph (over the 16 MiB input limit)", render(),
     files={"doc.xml": lambda: doc(body="<p>%s</p>" % text_of(20 * 1024 * 1024))}, speed="slow")
case("file-20mb", "a 20 MB document of ordinary paragraphs (over 16 MiB)", render(),
     files={"doc.xml": lambda: doc(body="".join("<p>%s</p>\n" % p for p in ALL_PARAS * (20 * 2**20 // (3 * len(ALL_TEXT)) + 1)))},
     speed="slow")
case("stdin-20mb", "a 20 MB document on standard input", ["@FONTS@", "render", "-", "-o", "out.pdf"],
     files={"doc.xml": lambda: doc(body="".join("<p>%s</p>\n" % p for p in ALL_PARAS * (20 * 2**20 // (3 * len(ALL_TEXT)) + 1)))},
     speed="slow", stdin="doc.xml")
case("sparse-20mb", "a 20 MB sparse file (NUL bytes) as the document", render(),
     setup=lambda d, o: sparse(os.path.join(d, "doc.xml"), 20 * 2**20))

# --- the model
simple("missing-body", "no <body>", re.sub(r"  <body>.*</body>\n", "", GOOD, flags=re.S))
simple("missing-title", "no <title> (the layout requires one)", GOOD.replace("  <title>%s</title>\n" % TITLE, ""))
simple("missing-issuer", "<header> without <issuer>", GOOD.replace("    <issuer>国务院办公厅</issuer>\n", ""))
simple("empty-issuer", "an empty <issuer>", GOOD.replace("<issuer>国务院办公厅</issuer>", "<issuer> \n </issuer>"))
simple("unknown-element", "an unknown element <script> in <body>", doc(body="<script>alert(1)</script><p>%s</p>" % PARAS[0]))
simple("unknown-attribute", "an unknown attribute on <p>", doc(body='<p onclick="x">%s</p>' % PARAS[0]))
simple("duplicate-attribute", "the level attribute given twice", doc(body='<h level="1" level="2">一、总体要求</h>'))
simple("bad-level", "heading level of 20 digits", doc(body='<h level="99999999999999999999">一、总体要求</h>'))
simple("layout-traversal", 'layout="../../etc/passwd"', GOOD.replace('layout="gbt9704"', 'layout="../../etc/passwd"'))
simple("layout-unknown", 'layout="nosuch"', GOOD.replace('layout="gbt9704"', 'layout="nosuch"'))
simple("template-traversal", 'template="../../../etc/passwd"', GOOD.replace('layout="gbt9704"', 'template="../../../etc/passwd"'))
simple("bad-date-feb30", "成文日期 2024年2月30日", GOOD.replace("2019年1月9日", "2024年2月30日"), "0|2")
simple("bad-date-text", "成文日期 that is not a date", GOOD.replace("2019年1月9日", "昨天下午"), "0|2")
simple("copy-number-long", "a 份号 of 500 digits", GOOD.replace("<issuer>", "<copy-number>%s</copy-number>\n    <issuer>" % ("9" * 500), 1), "0|2")
simple("colspan-huge", "a table cell with colspan=\"4000000000\"",
       doc(body='<table><tbody><row><cell colspan="4000000000">一</cell></row></tbody></table>'))
simple("rowspan-huge", "a table cell with rowspan=\"2147483648\"",
       doc(body='<table><tbody><row><cell rowspan="2147483648">一</cell><cell>二</cell></row><row><cell>三</cell></row></tbody></table>'))
simple("table-2000-columns", "a table of 2,000 columns",
       doc(body="<table><tbody><row>%s</row></tbody></table>" % ("<cell>一</cell>" * 2000)), "0|2")
simple("table-column-width-huge", "a column 1e9 mm wide",
       doc(body='<table><columns><column width="1000000000mm"/></columns><tbody><row><cell>一</cell></row></tbody></table>'), "0|2")
simple("issuer-width-nan", '<issuer width="NaNmm">', GOOD.replace("<issuer>", '<issuer width="NaNmm">', 1))

# --- fields
simple("field-no-data", "a field {{x}} without data or default", with_text("{{x}}"))
simple("field-unclosed", "an unclosed field {{x", with_text("{{x"))
simple("field-in-attribute", "a field in the layout attribute, no data", GOOD.replace('layout="gbt9704"', 'layout="{{x}}"'))
case("field-data-control", "--data value holding BEL (U+0007)", render("--data", "data.json"),
     files={"doc.xml": with_text("{{x}}"), "data.json": json.dumps({"x": "响铃\u0007"})})
case("field-data-markup", "--data value holding markup and {{y}} (inserted as text)", render("--data", "data.json"), "0",
     files={"doc.xml": with_text("{{x}}"), "data.json": json.dumps({"x": "</p><p>{{y}}&amp;"}, ensure_ascii=False)})
case("field-data-deep-json", "--data of 1,000,000 nested arrays", render("--data", "data.json"),
     files={"doc.xml": with_text("{{x}}"), "data.json": '{"x": ' + "[" * 1000000 + "]" * 1000000 + "}"})
case("field-data-huge-value", "--data value of 5 MB (over the paragraph limit)", render("--data", "data.json"),
     files={"doc.xml": with_text("{{x}}"), "data.json": lambda: json.dumps({"x": text_of(1700000)}, ensure_ascii=False)})
case("field-data-bad-json", "--data that is not JSON", render("--data", "data.json"),
     files={"doc.xml": with_text("{{x}}"), "data.json": '{"x": "unterminated'})
case("field-data-devzero", "--data /dev/zero", render("--data", "/dev/zero"), files={"doc.xml": with_text("{{x}}")})
case("field-data-fifo", "--data is a FIFO nobody writes", render("--data", "data.fifo"),
     files={"doc.xml": with_text("{{x}}")}, setup=lambda d, o: os.mkfifo(os.path.join(d, "data.fifo")))

# --- seals


def sealed(src):
    return GOOD.replace("<date>2019年1月9日</date>", '<date>2019年1月9日</date>\n    <seal src="%s"/>' % src)


with open(SEAL_PNG, "rb") as f:
    SEAL = f.read()
case("seal-truncated", "a seal PNG cut in half", render(), files={"doc.xml": sealed("seal.png"), "seal.png": SEAL[:len(SEAL) // 2]})
case("seal-huge-header", "a seal PNG whose header says 100,000 × 100,000", render(),
     files={"doc.xml": sealed("seal.png"), "seal.png": png(100000, 100000)})
case("seal-max-header", "a seal PNG whose header says 2^31-1 × 2^31-1", render(),
     files={"doc.xml": sealed("seal.png"), "seal.png": png(2**31 - 1, 2**31 - 1)})
case("seal-zero-size", "a seal PNG of 0 × 0 pixels", render(), files={"doc.xml": sealed("seal.png"), "seal.png": png(0, 0)})
case("seal-empty", "a 0-byte seal PNG", render(), files={"doc.xml": sealed("seal.png"), "seal.png": b""})
case("seal-not-png", "a text file named seal.png", render(), files={"doc.xml": sealed("seal.png"), "seal.png": "这不是图片\n"})
case("seal-bad-crc", "a seal PNG with wrong chunk CRCs", render(), "0|2",
     files={"doc.xml": sealed("seal.png"), "seal.png": png(2, 2, b"\0" + b"\xff" * 8 + b"\0" + b"\xff" * 8, bad_crc=True)})
case("seal-bomb-in-limits", "a 4000 × 4000 PNG of 20 KB (64 MB of pixels, within the limits)", render(), "0",
     files={"doc.xml": sealed("seal.png"), "seal.png": lambda: png(4000, 4000, b"\0" * (4000 * (1 + 4000 * 4)))})
case("seal-missing", "a seal file that does not exist", render(), files={"doc.xml": sealed("nosuch.png")})
case("seal-parent-dir", 'seal src="../../outside/seal.png" (outside the document\'s folder)', render(),
     files={"doc.xml": sealed("../../outside/seal.png")})
case("seal-absolute", 'seal src="/etc/passwd"', render(), files={"doc.xml": sealed("/etc/passwd")})
case("seal-symlink-outside", "seal.png is a link to a PNG outside the document's folder", render(), "0|2",
     files={"doc.xml": sealed("seal.png")},
     setup=lambda d, o: os.symlink(os.path.join(o, "seal.png"), os.path.join(d, "seal.png")))
case("seal-fifo", "seal.png is a FIFO", render(), files={"doc.xml": sealed("seal.png")},
     setup=lambda d, o: os.mkfifo(os.path.join(d, "seal.png")))
case("seal-devzero", "seal /dev/zero with --allow-images-outside", render("--allow-images-outside"),
     files={"doc.xml": sealed("/dev/zero")})
case("seal-directory", "seal.png is a folder", render(), files={"doc.xml": sealed("seal.png")},
     setup=lambda d, o: os.mkdir(os.path.join(d, "seal.png")))

# --- layouts (--layout FILE)


def with_layout(name, desc, inner, expect="2", extends="gbt9704", speed="quick", docxml=GOOD):
    case(name, desc, render("--layout", "lay.xml"), expect,
         {"doc.xml": docxml, "lay.xml": layout(inner, extends=extends)}, speed)


with_layout("layout-page-zero", "page width 0mm", '<page width="0mm"/>')
with_layout("layout-page-negative", "page width -210mm", '<page width="-210mm"/>')
with_layout("layout-page-10m", "page 10 m × 10 m (beyond PDF's 200 in)", '<page width="10000mm" height="10000mm"/>', "0|2")
with_layout("layout-page-nan", "page width NaNmm", '<page width="NaNmm"/>')
with_layout("layout-page-inf", "page width infmm", '<page width="infmm"/>')
with_layout("layout-page-1e308", "page width 1e308mm", '<page width="1e308mm"/>')
with_layout("layout-page-400-digits", "page width of 400 digits", '<page width="%smm"/>' % ("9" * 400))
with_layout("layout-page-tiny", "page height 0.0000001mm", '<page height="0.0000001mm"/>')
with_layout("layout-margins-too-big", "type area left 300mm on an A4 page", '<type-area left="300mm"/>')
with_layout("layout-type-area-huge", "type area 10 m high on an A4 page", '<type-area height="10000mm"/>')
with_layout("layout-body-size-0", "body font size 0pt", '<body size="0pt"/>')
with_layout("layout-body-size-10000", "body font size 10,000pt", '<body size="10000pt"/>', "0|2")
with_layout("layout-title-size-10000", "title font size 10,000pt", '<title size="10000pt"/>', "0|2")
with_layout("layout-issuer-size-1e-9", "issuer font size 0.000000001pt", '<issuer size="0.000000001pt"/>', "0|2")
with_layout("layout-grid-1x1", "a grid of 1 character × 1 line (thousands of pages)", '<grid chars-per-line="1" lines-per-page="1"/>', "0|2")
with_layout("layout-grid-200x200", "a grid of 200 × 200 (3号 characters squeezed)", '<grid chars-per-line="200" lines-per-page="200"/>', "0|2")
with_layout("layout-grid-count-huge", "chars-per-line of 20 digits", '<grid chars-per-line="99999999999999999999"/>')
with_layout("layout-gap-ratio-huge", "grid gap-ratio 1e9", '<grid gap-ratio="1000000000"/>')
with_layout("layout-search-limit-huge", "title-breaking search-limit 1e15, max-lines 50, a 1,000-char title",
            '<title-breaking max-lines="50" extra-lines="50" search-limit="1000000000000000"/>', "0|2", speed="slow",
            docxml=doc(title=text_of(1000)))
with_layout("layout-self-cycle", "a layout that extends itself", "", extends="hostile")
case("layout-cycle-two", "two layouts extending each other (a -> b -> a)", render("--layout", "a.xml"),
     files={"doc.xml": GOOD, "a.xml": layout("", "a", "b"), "b.xml": layout("", "b", "a")})
with_layout("layout-extends-traversal", 'extends="../../etc/passwd"', "", extends="../../etc/passwd")
with_layout("layout-unknown-element", "an unknown element in a layout", "<stamp/>")
with_layout("layout-bad-colour", "colour #GGGGGG", '<issuer color="#GGGGGG"/>')
with_layout("layout-cmyk-overflow", "cmyk(0,1e400,0,0)", '<issuer color="cmyk(0,1e400,0,0)"/>')
case("layout-billion-laughs", "a layout with a billion-laughs DOCTYPE", render("--layout", "lay.xml"),
     files={"doc.xml": GOOD, "lay.xml": '<?xml version="1.0"?>\n<!DOCTYPE layout [<!ENTITY a "aaaaaaaaaa">'
            + "".join('<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10) for i in range(9))
            + ']>\n<layout name="x" extends="gbt9704"><note open="&j;"/></layout>\n'})
case("layout-wrong-root", "a document given as the layout", render("--layout", "doc.xml"), files={"doc.xml": GOOD})
case("layout-fifo", "--layout is a FIFO", render("--layout", "lay.fifo"), files={"doc.xml": GOOD},
     setup=lambda d, o: os.mkfifo(os.path.join(d, "lay.fifo")))
case("layout-devzero", "--layout /dev/zero", render("--layout", "/dev/zero"), files={"doc.xml": GOOD})
case("layout-directory", "--layout is a folder", render("--layout", "."), files={"doc.xml": GOOD})
case("layout-dir-fifo", "--layout-dir holding a FIFO named gbt9704.xml", ["--layout-dir", "lays"] + render(), "0|2",
     files={"doc.xml": GOOD}, setup=lambda d, o: (os.mkdir(os.path.join(d, "lays")), os.mkfifo(os.path.join(d, "lays", "gbt9704.xml"))))

# --- fonts


def with_fonts(name, desc, fangsong_file, expect="0|2", setup=None, family="Hostile Face"):
    case(name, desc, ["--fonts", "fonts.xml", "--font-dir", "fonts", "--font-dir", FONT_DIR,
                      "--no-system-fonts", "render", "doc.xml", "-o", "out.pdf"], expect,
         {"doc.xml": GOOD, "fonts.xml": fonts_xml(fangsong_file, family)},
         setup=lambda d, o: (os.mkdir(os.path.join(d, "fonts")), setup and setup(os.path.join(d, "fonts"))))


def put(fname, data):
    def f(fd):
        with open(os.path.join(fd, fname), "wb") as out:
            out.write(data() if callable(data) else data)
    return f


def font_head(n):
    with open(FANGSONG, "rb") as f:
        return f.read(n)


with_fonts("font-missing", "fonts.xml names a font file that does not exist", "missing.otf", "2")
with_fonts("font-truncated", "the fangsong font cut to its first 4 KB", "cut.otf", "0|2", put("cut.otf", lambda: font_head(4096)))
with_fonts("font-truncated-half", "the fangsong font cut in half", "half.otf", "0|2",
           put("half.otf", lambda: font_head(os.path.getsize(FANGSONG) // 2)))
with_fonts("font-random", "64 KB of random bytes named .otf", "random.otf", "0|2",
           put("random.otf", lambda: random.Random(9704).randbytes(65536)))


def garbled(step):
    """The fangsong font with every step-th byte after its table directory
    replaced by a random one: the tables are found, their contents are wrong."""
    data = bytearray(font_head(os.path.getsize(FANGSONG)))
    rng = random.Random(step)
    for i in range(1024, len(data), step):
        data[i] = rng.randrange(256)
    return bytes(data)


with_fonts("font-garbled", "the fangsong font with every 97th byte after its header randomised", "garbled.otf", "0|2",
           put("garbled.otf", lambda: garbled(97)))
with_fonts("font-garbled-sparse", "the fangsong font with every 9,973rd byte randomised", "garbled.otf", "0|2",
           put("garbled.otf", lambda: garbled(9973)))
case("font-shadowed-truncated", "a truncated copy of a test font, same name, in an earlier --font-dir",
     ["--fonts", FONTS_XML, "--font-dir", "fonts", "--font-dir", FONT_DIR, "--no-system-fonts", "render", "doc.xml",
      "-o", "out.pdf"], "0|2", {"doc.xml": GOOD},
     setup=lambda d, o: (os.mkdir(os.path.join(d, "fonts")),
                         put(os.path.basename(FANGSONG), lambda: font_head(300000))(os.path.join(d, "fonts"))))
with_fonts("font-empty", "a 0-byte .otf", "empty.otf", "0|2", put("empty.otf", b""))
with_fonts("font-header-lies", "an OpenType header claiming 65,535 tables", "lies.otf", "0|2",
           put("lies.otf", b"OTTO\xff\xff\0\0\0\0\0\0" + b"\xff" * 4096))
with_fonts("font-sparse-600mb", "a 600 MB sparse font file (over the font limit)", "big.otf", "0|2",
           lambda fd: sparse(os.path.join(fd, "big.otf"), 600 * 2**20))
with_fonts("font-fifo", "fonts.xml names a font that is a FIFO", "font.otf", "0|2",
           lambda fd: os.mkfifo(os.path.join(fd, "font.otf")))
with_fonts("font-directory", "fonts.xml names a font that is a folder", "dir.otf", "0|2",
           lambda fd: os.mkdir(os.path.join(fd, "dir.otf")))
with_fonts("font-traversal", 'fonts.xml file="../../../../../../etc/passwd"', "../../../../../../etc/passwd", "0|2")
with_fonts("font-devzero", 'fonts.xml file="/dev/zero"', "/dev/zero", "0|2")
case("font-dir-fifo", "a FIFO named x.otf inside the --font-dir", ["--fonts", FONTS_XML, "--font-dir", "fonts", "--font-dir",
     FONT_DIR, "--no-system-fonts", "render", "doc.xml", "-o", "out.pdf"], "0", {"doc.xml": GOOD},
     setup=lambda d, o: (os.mkdir(os.path.join(d, "fonts")), os.mkfifo(os.path.join(d, "fonts", "x.otf"))))
case("fonts-xml-fifo", "--fonts is a FIFO", ["--fonts", "fonts.fifo", "--font-dir", FONT_DIR, "--no-system-fonts",
     "render", "doc.xml", "-o", "out.pdf"], "2", {"doc.xml": GOOD},
     setup=lambda d, o: os.mkfifo(os.path.join(d, "fonts.fifo")))
case("fonts-xml-devzero", "--fonts /dev/zero", ["--fonts", "/dev/zero", "--font-dir", FONT_DIR, "--no-system-fonts",
     "render", "doc.xml", "-o", "out.pdf"], "2", {"doc.xml": GOOD})
case("fonts-xml-billion-laughs", "fonts.xml with a billion-laughs DOCTYPE",
     ["--fonts", "fonts.xml", "--font-dir", FONT_DIR, "--no-system-fonts", "render", "doc.xml", "-o", "out.pdf"], "2",
     {"doc.xml": GOOD, "fonts.xml": '<?xml version="1.0"?>\n<!DOCTYPE fonts [<!ENTITY a "aaaaaaaaaa">'
      + "".join('<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10) for i in range(9))
      + ']>\n<fonts><role name="fangsong" description="&j;"><font family="x"/></role></fonts>\n'})
case("font-dir-missing", "--font-dir that does not exist", ["--font-dir", "nosuch"] + render(), "64", {"doc.xml": GOOD})
case("font-dir-is-file", "--font-dir naming a regular file", ["--font-dir", "doc.xml"] + render(), "2|64", {"doc.xml": GOOD})
case("font-dir-1000", "--font-dir given 1,000 times", ["--font-dir", FONT_DIR] * 1000 + render(), "0", {"doc.xml": GOOD})
case("font-dir-10000", "--font-dir given 10,000 times", ["--font-dir", FONT_DIR] * 10000 + render(), "0", {"doc.xml": GOOD},
     speed="slow")

# --- special files as the input
case("input-fifo", "the document is a FIFO nobody writes", render(inp="doc.fifo"),
     setup=lambda d, o: os.mkfifo(os.path.join(d, "doc.fifo")))
case("input-devzero", "the document is /dev/zero", render(inp="/dev/zero"))
case("input-devurandom", "the document is /dev/urandom", render(inp="/dev/urandom"))
case("input-directory", "the document is a folder", render(inp="."))
case("input-missing", "the document does not exist", render(inp="nosuch.xml"))
case("input-symlink-loop", "the document is a symbolic link to itself", render(inp="loop.xml"),
     setup=lambda d, o: os.symlink("loop.xml", os.path.join(d, "loop.xml")))
case("input-empty-name", 'the document named ""', render(inp=""), "2|64")
case("stdin-empty", "'-' with empty standard input", render(inp="-"))
case("stdin-devzero", "'-' with /dev/zero on standard input", render(inp="-"), stdin="/dev/zero")
case("stdin-valid", "'-' with a valid document on standard input", render(inp="-"), "0", {"doc.xml": GOOD}, stdin="doc.xml")

# --- the output


def victim(o):
    return os.path.join(o, "victim.txt")


case("out-directory", "-o onto an existing folder", render(out="outdir"), "3", {"doc.xml": GOOD},
     setup=lambda d, o: os.mkdir(os.path.join(d, "outdir")))
case("out-devnull", "-o /dev/null (a character device: refused)", render(out="/dev/null"), "3", {"doc.xml": GOOD})
case("out-devfull", "-o /dev/full (a character device)", render(out="/dev/full"), "3", {"doc.xml": GOOD})
case("out-fifo", "-o onto a FIFO", render(out="out.fifo"), "3", {"doc.xml": GOOD},
     setup=lambda d, o: os.mkfifo(os.path.join(d, "out.fifo")))
case("out-symlink-outside-bad-input", "-o is a link planted to a file outside; the input is malformed",
     render(out="out.pdf"), "2", {"doc.xml": GOOD[:200]},
     setup=lambda d, o: os.symlink(victim(o), os.path.join(d, "out.pdf")))
case("out-symlink-outside-output-error", "-o is a link to a file outside; --format contradicts the name",
     render("--format", "trace", out="out.pdf"), "2|3|64", {"doc.xml": GOOD},
     setup=lambda d, o: os.symlink(victim(o), os.path.join(d, "out.pdf")))
case("out-symlink-write-through", "-o is a link to an existing file (documented: written through, link kept)",
     render(out="link.pdf"), "0", {"doc.xml": GOOD, "target.pdf": "old contents\n"},
     setup=lambda d, o: os.symlink("target.pdf", os.path.join(d, "link.pdf")))
case("out-symlink-dangling", "-o is a dangling link", render(out="dangling.pdf"), "0|3", {"doc.xml": GOOD},
     setup=lambda d, o: os.symlink("nowhere/x.pdf", os.path.join(d, "dangling.pdf")))
case("out-equals-input", "-o is the input file itself", render(inp="doc.xml", out="doc.xml"), "2|3|64", {"doc.xml": GOOD})
case("out-equals-input-link", "-o is a link to the input file", render(inp="doc.xml", out="same.xml"), "2|3|64",
     {"doc.xml": GOOD}, setup=lambda d, o: os.symlink("doc.xml", os.path.join(d, "same.xml")))
case("out-equals-layout", "-o is the --layout file", render("--layout", "lay.xml", out="lay.xml"), "2|3|64",
     {"doc.xml": GOOD, "lay.xml": layout('<issuer top="40mm"/>')})
case("out-unwritable-folder", "-o into a folder of mode 0555", render(out="ro/out.pdf"),
     "0|3" if os.geteuid() == 0 else "3", {"doc.xml": GOOD},
     setup=lambda d, o: (os.mkdir(os.path.join(d, "ro")), os.chmod(os.path.join(d, "ro"), 0o555)))
case("out-readonly-file", "-o onto an existing file of mode 0444", render(out="ro.pdf"), "0|3",
     {"doc.xml": GOOD, "ro.pdf": "old\n"}, setup=lambda d, o: os.chmod(os.path.join(d, "ro.pdf"), 0o444))
case("out-missing-folder", "-o into a folder that does not exist", render(out="nosuch/out.pdf"), "3", {"doc.xml": GOOD})
case("out-parent-is-file", "-o below a regular file (doc.xml/out.pdf)", render(out="doc.xml/out.pdf"), "3", {"doc.xml": GOOD})
case("out-proc", "-o into /proc (no file can be created)", render(out="/proc/hongtou-hostile.pdf"), "3", {"doc.xml": GOOD})
case("out-name-300", "-o with a 300-byte file name", render(out="o" * 296 + ".pdf"), "3", {"doc.xml": GOOD})
case("out-empty-name", '-o ""', render(out=""), "3|64", {"doc.xml": GOOD})

# --- the command line
case("creation-date-abc", "--creation-date abc", render("--creation-date", "abc"), "2|64", {"doc.xml": GOOD})
case("creation-date-negative-year", "--creation-date -1-01-01", render("--creation-date", "-1-01-01"), "2|64", {"doc.xml": GOOD})
case("creation-date-feb30", "--creation-date 2024-02-30", render("--creation-date", "2024-02-30"), "2|64", {"doc.xml": GOOD})
case("creation-date-hour-25", "--creation-date 2024-01-01T25:61:61", render("--creation-date", "2024-01-01T25:61:61"), "2|64", {"doc.xml": GOOD})
case("creation-date-year-huge", "--creation-date 99999999999-01-01", render("--creation-date", "99999999999-01-01"), "2|64", {"doc.xml": GOOD})
case("creation-date-injection", "--creation-date with a PDF string breaker ')>>'", render("--creation-date", "2024-01-01)>>endobj"), "2|64", {"doc.xml": GOOD})
case("creation-date-valid", "--creation-date 2024-02-29T23:59:59 (valid, leap day)", render("--creation-date", "2024-02-29T23:59:59"), "0", {"doc.xml": GOOD})
case("unknown-option", "an unknown option --frobnicate", render("--frobnicate"), "64", {"doc.xml": GOOD})
case("unknown-command", "an unknown command", ["@FONTS@", "rendr", "doc.xml", "-o", "out.pdf"], "64", {"doc.xml": GOOD})
case("no-arguments", "no arguments at all", [], "64")
case("missing-output", "render without -o", ["@FONTS@", "render", "doc.xml"], "64", {"doc.xml": GOOD})
case("option-without-value", "-o as the last argument", ["@FONTS@", "render", "doc.xml", "-o"], "64", {"doc.xml": GOOD})
case("format-bogus", "--format docx", render("--format", "docx"), "64", {"doc.xml": GOOD})
case("format-contradiction", "--format trace with -o out.pdf", render("--format", "trace"), "64|2", {"doc.xml": GOOD})
case("long-argument", "an argument of 100,000 characters", render("--layout", "L" * 100000), "2|64", {"doc.xml": GOOD})
case("merge-name-traversal", "merge: the --name field is ../../../outside/pwned", ["@FONTS@", "merge", "doc.xml", "rec.jsonl",
     "-o", "out", "--name", "名"], "0|1|2", {"doc.xml": with_text("{{名}}"),
     "rec.jsonl": json.dumps({"名": "../../../outside/pwned"}) + "\n" + json.dumps({"名": "../pwned"}) + "\n"},
     setup=lambda d, o: os.mkdir(os.path.join(d, "out")), absent=["pwned", "pwned.pdf"])
case("merge-name-absolute", "merge: the --name field is an absolute path", ["@FONTS@", "merge", "doc.xml", "rec.jsonl",
     "-o", "out", "--name", "名"], "0|1|2", {"doc.xml": with_text("{{名}}")},
     setup=lambda d, o: (os.mkdir(os.path.join(d, "out")), open(os.path.join(d, "rec.jsonl"), "w").write(
         json.dumps({"名": os.path.join(o, "abs-pwned")}) + "\n")))
case("merge-jobs-huge", "merge -j 1000000", ["@FONTS@", "merge", "doc.xml", "rec.jsonl", "-o", "out", "-j", "1000000"],
     "0|64", {"doc.xml": with_text("{{名}}"), "rec.jsonl": '{"名": "甲"}\n'}, setup=lambda d, o: os.mkdir(os.path.join(d, "out")))
case("merge-jobs-zero", "merge -j 0", ["@FONTS@", "merge", "doc.xml", "rec.jsonl", "-o", "out", "-j", "0"], "0|64",
     {"doc.xml": with_text("{{名}}"), "rec.jsonl": '{"名": "甲"}\n'}, setup=lambda d, o: os.mkdir(os.path.join(d, "out")))


# ----------------------------------------------------------------- writing


def main(argv):
    quick = "--quick" in argv
    rest = [a for a in argv if a != "--quick"]
    if len(rest) != 1:
        sys.exit("usage: make-inputs.py [--quick] OUTDIR")
    outdir = os.path.abspath(rest[0])
    cases_dir = os.path.join(outdir, "cases")
    args_dir = os.path.join(outdir, "args")
    outside = os.path.join(outdir, "outside")
    if os.path.exists(cases_dir):  # a rerun: make the 0555 folders removable first
        for d, subdirs, _ in os.walk(cases_dir):
            for s in subdirs:
                p = os.path.join(d, s)
                if not os.path.islink(p):
                    os.chmod(p, 0o755)
        shutil.rmtree(cases_dir)
    for d in (outside, args_dir):
        if os.path.exists(d):
            shutil.rmtree(d)
    os.makedirs(cases_dir)
    os.makedirs(args_dir)
    os.makedirs(outside)
    with open(victim(outside), "w") as f:
        f.write("a file outside the scratch folder: no case may change it\n")
    shutil.copyfile(SEAL_PNG, os.path.join(outside, "seal.png"))

    names = set()
    rows = []
    for number, c in enumerate(CASES, 1):
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        if quick and c["speed"] != "quick":
            continue
        d = os.path.join(cases_dir, "%03d-%s" % (number, c["name"]))
        os.makedirs(d)
        for rel, content in c["files"].items():
            if callable(content):
                content = content()
            if isinstance(content, str):
                content = content.encode("utf-8")
            with open(os.path.join(d, rel), "wb") as f:
                f.write(content)
        if c["setup"]:
            c["setup"](d, outside)
        args = []
        for a in c["args"]:
            args.extend(STD if a == "@FONTS@" else [a])
        with open(os.path.join(args_dir, "%03d" % number), "wb") as f:
            f.write(b"".join(a.encode("utf-8") + b"\0" for a in args))
        stdin = c["stdin"] or "-"
        absent = "|".join(c["absent"]) or "-"
        rows.append("\t".join(["%03d" % number, c["name"], c["speed"], c["expect"], stdin, absent,
                               c["desc"]]))
    with open(os.path.join(outdir, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(r + "\n" for r in rows))
    print("make-inputs.py: %d cases in %s (%d in all)" % (len(rows), cases_dir, len(CASES)))


if __name__ == "__main__":
    main(sys.argv[1:])
