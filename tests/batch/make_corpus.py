#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds a corpus of distinct documents for `hongtou batch` (its tests and
bench/batch) from the real texts of tests/corpus/*.xml and samples/*.xml.

usage: make_corpus.py SOURCE_DIR OUT_DIR [COUNT] [--groups G] [--broken]

Copy i of a source document (in order, round robin) goes to
OUT_DIR/gNN/<name>-<i>.xml (G folders, default 10, each with the sample
seal images beside it): its 发文字号 gets the number i+1 and a paragraph
"第<i+1>号" opens its body, so every document differs from every other.
--broken adds three documents that must fail: malformed XML, an unknown
element, an empty file (in OUT_DIR/broken/).
"""
import argparse
import os
import re
import shutil
import sys


def sources(source_dir):
    """The source documents: every corpus text and sample that renders alone."""
    found = []
    for folder in ("tests/corpus", "samples"):
        path = os.path.join(source_dir, folder)
        for name in sorted(os.listdir(path)):
            # report-template.xml needs its data file (hongtou render --data).
            if name.endswith(".xml") and name != "report-template.xml":
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    found.append((name[:-4], f.read()))
    return found


DOC_NUMBER = re.compile(r"(<doc-number>[^<]*?)(\d+)(号</doc-number>)")
BODY = re.compile(r"<body>")


def vary(text, i):
    """The text with the number i+1 in its 发文字号 and a first paragraph of its own."""
    text = DOC_NUMBER.sub(lambda m: m.group(1) + str(i + 1) + m.group(3), text, count=1)
    return BODY.sub("<body>\n    <p>第%d号</p>" % (i + 1), text, count=1)


BROKEN = {
    "malformed.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<gongwen layout="gbt9704">\n'
                     "  <title>未闭合的标题</title>\n  <body>\n    <p>正文</body>\n</gongwen>\n",
    "unknown-element.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<gongwen layout="gbt9704">\n'
                           "  <title>标题</title>\n  <body>\n    <p>正文</p>\n"
                           "    <marquee>不认识的元素</marquee>\n  </body>\n</gongwen>\n",
    "empty.xml": "",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", help="the hongtou source tree")
    parser.add_argument("out_dir")
    parser.add_argument("count", nargs="?", type=int, default=500)
    parser.add_argument("--groups", type=int, default=10)
    parser.add_argument("--broken", action="store_true")
    args = parser.parse_args()
    docs = sources(args.source_dir)
    if not docs:
        sys.exit("make_corpus.py: no source documents in " + args.source_dir)
    seals = os.path.join(args.source_dir, "samples", "seals")
    groups = max(1, args.groups)
    for g in range(groups):
        folder = os.path.join(args.out_dir, "g%02d" % g, "seals")
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(seals):
            if name.endswith(".png"):
                shutil.copyfile(os.path.join(seals, name), os.path.join(folder, name))
    width = len(str(args.count))
    for i in range(args.count):
        name, text = docs[i % len(docs)]
        path = os.path.join(args.out_dir, "g%02d" % (i % groups),
                            "%s-%0*d.xml" % (name, width, i + 1))
        with open(path, "w", encoding="utf-8") as f:
            f.write(vary(text, i))
    if args.broken:
        folder = os.path.join(args.out_dir, "broken")
        os.makedirs(folder, exist_ok=True)
        for name, text in BROKEN.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
