# SPDX-License-Identifier: Apache-2.0
"""The Python module (bindings/python/hongtou.py) over the C API, with the
committed test fonts: a document to PDF bytes, errors as exceptions with
their line and column, fields. Run by ctest with HONGTOU_LIBRARY set to the
build tree's libhongtou.so.0; argv[1] is the source tree."""
import os
import sys
import unittest

SOURCE = sys.argv.pop(1)
sys.path.insert(0, os.path.join(SOURCE, "bindings", "python"))
import hongtou  # noqa: E402

FONTS = os.path.join(SOURCE, "tests", "fonts")
NOTICE = ("<gongwen><header><issuer>{{机关}}文件</issuer><doc-number>国办发〔2019〕3号"
          "</doc-number></header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
          "</title><body><p>各地要高度重视。</p></body></gongwen>")


def engine():
    return hongtou.Engine(fonts_file=os.path.join(FONTS, "fonts.xml"), font_dirs=[FONTS],
                          system_fonts=False)


class HongtouTest(unittest.TestCase):
    def test_version(self):
        self.assertEqual(hongtou.version(), "0.1.0")

    def test_report_to_pdf(self):
        path = os.path.join(SOURCE, "samples", "report.xml")
        with open(path, encoding="utf-8") as f:
            pdf = engine().render(f.read(), name=path)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertGreater(len(pdf), 100000)

    def test_font_cache_in_memory_gives_the_same_pdf(self):
        path = os.path.join(SOURCE, "samples", "report.xml")
        with open(path, encoding="utf-8") as f:
            xml = f.read()
        memory = hongtou.Engine(fonts_file=os.path.join(FONTS, "fonts.xml"), font_dirs=[FONTS],
                                system_fonts=False, font_cache=False)
        self.assertEqual(memory.render(xml, name=path), engine().render(xml, name=path))

    def test_pdfa(self):
        path = os.path.join(SOURCE, "samples", "report.xml")
        with open(path, encoding="utf-8") as f:
            xml = f.read()
        pdf = engine().render(xml, name=path, pdfa=True, creation_date="2024-05-31")
        self.assertTrue(pdf.startswith(b"%PDF-1.7\n"))
        self.assertIn(b"<pdfaid:part>2</pdfaid:part>", pdf)
        self.assertIn(b"/GTS_PDFA1", pdf)
        self.assertIn(b"<xmp:CreateDate>2024-05-31T00:00:00Z</xmp:CreateDate>", pdf)
        self.assertNotIn(b"pdfaid", engine().render(xml, name=path))

    def test_error_with_line_and_column(self):
        bad = "<gongwen>\n  <body><p>各地要高度重视。</p><foo/></body>\n</gongwen>\n"
        with self.assertRaises(hongtou.RenderError) as caught:
            engine().render(bad, name="bad.xml")
        errors = [d for d in caught.exception.diagnostics if d.severity == "error"]
        first = [d for d in errors if "unknown element <foo>" in d.message]
        self.assertEqual(len(first), 1)
        self.assertEqual((first[0].file, first[0].line, first[0].column), ("bad.xml", 2, 24))
        self.assertIn("bad.xml:2:24: error: unknown element <foo>", str(caught.exception))
        self.assertEqual(caught.exception.status, 2)

    def test_fields_and_trace(self):
        trace = engine().render(NOTICE, fields={"机关": "国务院办公厅"}, trace=True).decode()
        self.assertIn('"国务院办公厅文件"', trace)
        with self.assertRaises(hongtou.RenderError) as caught:
            engine().render(NOTICE)  # the field has no value
        self.assertIn("机关", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
