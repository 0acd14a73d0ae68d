#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Render one corpus document (tests/corpus/<name>.xml) and check the result.

Usage: corpus_test.py HONGTOU SOURCE_DIR DOC.xml OUT_DIR [PDFTOTEXT]

SOURCE_DIR is the project's folder (for tests/fonts); the trace and the PDF
are written to OUT_DIR; PDFTOTEXT (poppler-utils) defaults to the one on PATH.

Renders DOC with the committed test fonts to a trace and to a PDF, then checks:
  - both renders exit with status 0;
  - no line starts with a character that must not start a line, nor ends
    with one that must not end a line (避头尾);
  - no number is split over two lines of one paragraph (2019 | 年);
  - every line of body text that the next line of its paragraph continues
    ends flush with the type area's right edge (184.00 mm);
  - the PDF's extracted text (pdftotext -raw: the order of the content
    stream; the default mode's column detection splits rows with wide gaps,
    such as "3　预警监测" or table rows) holds the text of every text element
    of DOC, in document order, whitespace removed.
Prints, without failing: the engine's stats line, the characters set in a
fallback face, and the paragraphs' one-character last lines.
Exit status 0 when every check passes, 1 otherwise.
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# Line-breaking classes (GB/T 15834 practice). ― (U+2015) is listed with —
# because these texts use it as a dash (5―6级).
NO_START = set('。，、；：？！）］｝〕〉》」』】”’…—～·％‰℃―')
NO_END = set('（［｛〔〈《「『【“‘')
DIGITS = set('0123456789０１２３４５６７８９')
# What must not begin the line after a line ending in a digit.
NUMBER_TAILS = tuple(DIGITS) + tuple('年月日号%％万亿元个项条款型类级期次') + ('km', 'kg')

LEFT, RIGHT = 28.00, 184.00  # type area, mm
FLUSH_TOLERANCE = 0.05
EDGE_TOLERANCE = 0.3  # a line starting within this of LEFT continues a paragraph

RUN = re.compile(r'^  run (\S+) .*? x=(-?[\d.]+)\.\.(-?[\d.]+) .*? base=(-?[\d.]+) "(.*)"$')


# ---------------------------------------------------------------- the trace

class Line:
    """The runs of one page that share a baseline, left to right."""

    def __init__(self, page, base):
        self.page, self.base, self.runs = page, base, []

    def add(self, role, x0, x1, text):
        self.runs.append((x0, x1, role, text))
        self.runs.sort()

    @property
    def x0(self):
        return min(r[0] for r in self.runs)

    @property
    def x1(self):
        return max(r[1] for r in self.runs)

    @property
    def text(self):
        return ''.join(r[3] for r in self.runs)

    @property
    def kind(self):
        """'text' for the body flow (body, headings, article numbers), else the role."""
        roles = {re.sub(r'\d+$', '', r[2]) for r in self.runs}
        if roles <= {'body', 'heading', 'article', 'chapter'}:
            return 'text'
        return '+'.join(sorted(roles))

    def where(self):
        return f'page {self.page} y={self.base:.2f} x={self.x0:.2f}..{self.x1:.2f} "{self.text}"'


def parse_trace(text):
    """(first lines dict {'frames':…, 'stats':…}, [Line] in reading order)."""
    head, lines, page = {}, {}, 0
    for raw in text.splitlines():
        if raw.startswith('frames ') or raw.startswith('stats '):
            head[raw.split(' ', 1)[0]] = raw
        elif raw.startswith('page '):
            page = int(raw.split()[1])
        else:
            m = RUN.match(raw)
            if m and m.group(1) != 'page-number':
                role, x0, x1, base, t = m.groups()
                key = (page, float(base))
                lines.setdefault(key, Line(*key)).add(role, float(x0), float(x1), t)
    return head, [lines[k] for k in sorted(lines)]


def continues(prev, line):
    """Whether line continues prev's paragraph."""
    if prev is None or line.kind != prev.kind:
        return False
    if line.kind == 'text':  # a paragraph's first line is indented
        return line.x0 < LEFT + EDGE_TOLERANCE
    return line.kind in ('addressee', 'attachment-note', 'note', 'imprint')


def paragraphs(lines):
    """The lines grouped into paragraphs (lists of Line)."""
    out, prev = [], None
    for line in lines:
        if continues(prev, line):
            out[-1].append(line)
        else:
            out.append([line])
        prev = line
    return out


def one_char_last(paras):
    """Last lines of body paragraphs holding one character (plus punctuation)."""
    punct = NO_START | NO_END | set('　 ')
    return [p[-1] for p in paras
            if p[0].kind == 'text' and len(p) > 1
            and len([c for c in p[-1].text if c not in punct]) == 1]


def check_lines(paras):
    """Failures of the line checks, as strings."""
    fails = []
    for para in paras:
        for i, line in enumerate(para):
            t = line.text.strip(' 　')
            if t and t[0] in NO_START:
                fails.append(f'line starts with {t[0]}: {line.where()}')
            if t and t[-1] in NO_END:
                fails.append(f'line ends with {t[-1]}: {line.where()}')
            if i + 1 == len(para):
                continue
            nxt = para[i + 1].text.lstrip(' 　')
            if t and t[-1] in DIGITS and nxt.startswith(NUMBER_TAILS):
                fails.append(f'number split: {line.where()} | next "{nxt[:6]}"')
            if line.kind in ('text', 'addressee') and abs(line.x1 - RIGHT) > FLUSH_TOLERANCE:
                fails.append(f'full line not flush ({line.x1:.2f} mm): {line.where()}')
    return fails


# ---------------------------------------------------------- expected text

def is_cjk(c):
    """Chinese context as engine/layout/page/normalise.cpp defines it."""
    o = ord(c)
    return (0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF
            or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or c in '“”‘’…—')


def collapse_ws(s):
    """The model's whitespace rule (docs/model.md): runs of XML whitespace are
    dropped at the ends, dropped when they hold a line break between CJK
    characters (roughly: CJK as above), else one space."""
    def run(m):
        a = s[m.start() - 1] if m.start() > 0 else ''
        b = s[m.end()] if m.end() < len(s) else ''
        if not a or not b or (('\n' in m.group() or '\r' in m.group()) and is_cjk(a) and is_cjk(b)):
            return ''
        return ' '
    return re.sub(r'[ \t\r\n]+', run, s)


def widen(t):
    """The engine's normalisation of Chinese text (normalise.cpp), applied to
    the expected text of the 主送机关 and the body blocks:
      , . : ; ? ! ( )  ->  ， 。 ： ； ？ ！ （ ）  in Chinese context
      " '              ->  “ ” / ‘ ’, opening and closing in turn."""
    wide = dict(zip(',.:;?!()', '，。：；？！（）'))
    out, open_ = list(t), {'"': True, "'": True}
    for i, c in enumerate(t):
        before = t[i - 1] if i > 0 else ''
        after = t[i + 1] if i + 1 < len(t) else ''
        cb, ca = bool(before) and is_cjk(before), bool(after) and is_cjk(after)
        if c in wide:
            if c == '(':
                chinese = ca or (cb and after not in DIGITS)
            elif c == ')':
                chinese = cb or (ca and before not in DIGITS)
            else:
                chinese = cb and (after == '' or ca or after == ' ')
            if chinese:
                out[i] = wide[c]
        elif c in '"\'' and (cb or ca):
            out[i] = ('“' if open_[c] else '”') if c == '"' else ('‘' if open_[c] else '’')
            open_[c] = not open_[c]
    return ''.join(out)


def expected_items(doc_path):
    """(tag, text) of every text element of the document, in order."""
    items = []
    parents = {}
    root = ET.parse(doc_path).getroot()
    for parent in root.iter():
        for child in parent:
            parents[child] = parent
    for el in root.iter():
        tag = el.tag
        if tag in ('lead', 'article', 'br', 'seal') or len(el) and tag not in ('p', 'title'):
            continue  # containers, and spans read with their paragraph
        text = collapse_ws(''.join(el.itertext()))
        if not text:
            continue
        in_body = parents.get(el) is not None and parents[el].tag == 'body'
        if tag == 'addressee' or (in_body and tag in ('p', 'h', 'chapter')):
            text = widen(text)
        if tag == 'doc-number':  # the year in 六角括号
            text = re.sub(r'[\[【(（](\d{4})[\]】)）]', r'〔\1〕', text)
        if tag == 'note' and not (text.startswith('（') and text.endswith('）')):
            text = '（' + text + '）'
        items.append((tag, text))
    return items


def squeeze(s):
    return re.sub(r'\s+', '', s)


def check_text(pdf_text, items):
    """Failures: elements whose text is not in the PDF text in order."""
    pages = []
    for page in pdf_text.split('\f'):  # without the page numbers (— 1 —)
        pages.append('\n'.join(l for l in page.splitlines()
                               if not re.fullmatch(r'\s*[—-]\s*\d+\s*[—-]\s*', l)))
    got = squeeze(''.join(pages))
    fails, at = [], 0
    for tag, text in items:
        want = squeeze(text)
        k = got.find(want, at)
        if tag == 'issuer-suffix' and want in got[:at + 40]:
            pass  # 文件 beside a joint mark: its place in reading order varies
        elif k >= 0:
            at = k + len(want)
        elif tag == 'addressee' and got.find('主送：' + want[:-1], at) >= 0:
            pass  # a 主送机关 the engine moved to the 版记 (its colon dropped)
        else:
            n = 0  # how much of it is there, for the message
            while n < len(want) and got.find(want[:n + 1], at) >= 0:
                n += 1
            fails.append(f'text of <{tag}> not found in order in the PDF text: "{want[:40]}…"'
                         f' (found up to "{want[:n][-20:]}", missing from "{want[n:n + 20]}")')
    return fails


# ------------------------------------------------------------------ main

def render(hongtou, src, doc, out, fmt):
    cmd = [hongtou, '--fonts', os.path.join(src, 'tests', 'fonts', 'fonts.xml'),
           '--font-dir', os.path.join(src, 'tests', 'fonts'), '--no-system-fonts',
           'render', doc, '-o', out] + (['--format', fmt] if fmt else [])
    return subprocess.run(cmd, capture_output=True, text=True)


def fallback_chars(stderr):
    """The characters the render's warnings say were set in a fallback face:
    "character '―' (U+2015) is not in FandolFang; set in … (font substitution)"."""
    return re.findall(r"character '(.)' \(U\+[0-9A-F]+\) is not in .*\(font substitution\)", stderr)


def count_chars(lines, chars):
    """How often the characters occur in the trace's lines (the engine warns
    once per character, not at each occurrence)."""
    return sum(line.text.count(c) for line in lines for c in set(chars))


def main(argv):
    if len(argv) not in (5, 6):
        sys.exit(__doc__)
    hongtou, src, doc, outdir = argv[1:5]
    pdftotext = argv[5] if len(argv) == 6 else 'pdftotext'
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(doc))[0]
    trace_path = os.path.join(outdir, stem + '.trace')
    pdf_path = os.path.join(outdir, stem + '.pdf')
    fails = []

    r = render(hongtou, src, doc, trace_path, 'trace')
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        fails.append(f'trace render exited with status {r.returncode}')
    p = render(hongtou, src, doc, pdf_path, None)
    if p.returncode != 0:
        fails.append(f'PDF render exited with status {p.returncode}: {p.stderr.strip()}')

    if r.returncode == 0:
        with open(trace_path, encoding='utf-8') as f:
            head, lines = parse_trace(f.read())
        print(head.get('frames', 'frames ?'))
        print(head.get('stats', 'stats ?'))
        paras = paragraphs(lines)
        fails += check_lines(paras)
        fb = fallback_chars(r.stderr)
        print(f'fallback warnings: {len(fb)} {"".join(sorted(set(fb)))};'
              f' characters set in a fallback face: {count_chars(lines, fb)}')
        ones = one_char_last(paras)
        print(f'one-character last lines: {len(ones)}')
        for line in ones:
            print(f'  {line.where()}')
    if p.returncode == 0:
        t = subprocess.run([pdftotext, '-raw', '-enc', 'UTF-8', pdf_path, '-'],
                           capture_output=True, text=True)
        if t.returncode != 0:
            fails.append(f'pdftotext exited with status {t.returncode}: {t.stderr.strip()}')
        else:
            fails += check_text(t.stdout, expected_items(doc))

    for f in fails:
        print('FAIL ' + f)
    print(f'{stem}: {"ok" if not fails else str(len(fails)) + " failure(s)"}')
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
