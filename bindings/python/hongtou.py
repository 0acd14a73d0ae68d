# SPDX-License-Identifier: Apache-2.0
"""hongtou — GB/T 9704-2012 official documents (公文) from XML to PDF, from Python.

A thin ctypes layer over the C API of libhongtou.so (include/hongtou/hongtou.h);
no compiled extension:

    import hongtou
    pdf = hongtou.Engine().render(open("notice.xml", encoding="utf-8").read())
    open("notice.pdf", "wb").write(pdf)

A document with errors raises RenderError, whose .diagnostics hold each
problem with its file, line and column. The library is found through
HONGTOU_LIBRARY (a path), else as libhongtou.so.0 on the loader's path.
"""
import ctypes
import ctypes.util
import os

__all__ = ["Engine", "Diagnostic", "RenderError", "version"]

_SEVERITY = {0: "note", 1: "warning", 2: "error"}


def _load():
    path = os.environ.get("HONGTOU_LIBRARY") or ctypes.util.find_library("hongtou") \
        or "libhongtou.so.0"
    lib = ctypes.CDLL(path)
    p, c, sz, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int
    sigs = {
        "ht_version": (c, []), "ht_status_message": (c, [i]),
        "ht_options_create": (p, []), "ht_options_destroy": (None, [p]),
        "ht_options_set_data_dir": (i, [p, c]), "ht_options_set_fonts_file": (i, [p, c]),
        "ht_options_add_font_dir": (i, [p, c]), "ht_options_add_layout_dir": (i, [p, c]),
        "ht_options_set_system_fonts": (i, [p, i]),
        "ht_options_set_font_cache_dir": (i, [p, c]), "ht_options_set_font_cache": (i, [p, i]),
        "ht_render_options_create": (p, []), "ht_render_options_destroy": (None, [p]),
        "ht_render_options_set_format": (i, [p, i]),
        "ht_render_options_set_field": (i, [p, c, c]),
        "ht_render_options_set_creation_date": (i, [p, c]),
        "ht_render_options_set_pdfa": (i, [p, i]),
        "ht_engine_create": (i, [p, ctypes.POINTER(p)]), "ht_engine_destroy": (None, [p]),
        "ht_render_to_memory": (i, [p, c, sz, c, p, ctypes.POINTER(p)]),
        "ht_result_status": (i, [p]),
        "ht_result_bytes": (ctypes.POINTER(ctypes.c_ubyte), [p, ctypes.POINTER(sz)]),
        "ht_result_pages": (i, [p]), "ht_result_diagnostic_count": (sz, [p]),
        "ht_result_diagnostic_severity": (i, [p, sz]), "ht_result_diagnostic_file": (c, [p, sz]),
        "ht_result_diagnostic_line": (i, [p, sz]), "ht_result_diagnostic_column": (i, [p, sz]),
        "ht_result_diagnostic_message": (c, [p, sz]), "ht_result_diagnostic_text": (c, [p, sz]),
        "ht_result_destroy": (None, [p]),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = res, args
    return lib


_lib = _load()


def version():
    """The library's version, e.g. "0.1.0"."""
    return _lib.ht_version().decode()


class Diagnostic:
    """One problem: severity ("note", "warning", "error"), file, line, column, message."""

    def __init__(self, severity, file, line, column, message, text):
        self.severity, self.file, self.line, self.column = severity, file, line, column
        self.message, self.text = message, text

    def __str__(self):
        return self.text

    def __repr__(self):
        return "Diagnostic(%r)" % self.text


class RenderError(Exception):
    """A render that failed; .status is the C API's status, .diagnostics every problem."""

    def __init__(self, status, diagnostics):
        self.status, self.diagnostics = status, diagnostics
        errors = [d for d in diagnostics if d.severity == "error"] or diagnostics
        super().__init__("\n".join(str(d) for d in errors) or
                         _lib.ht_status_message(status).decode())


def _check(status):
    if status != 0:
        raise RenderError(status, [])


class Engine:
    """An engine keeps its layouts and fonts across renders; it may be shared by threads."""

    def __init__(self, data_dir=None, fonts_file=None, font_dirs=(), layout_dirs=(),
                 system_fonts=True, font_cache_dir=None, font_cache=True):
        opts = _lib.ht_options_create()
        if not opts:
            raise MemoryError()
        try:
            if data_dir:
                _check(_lib.ht_options_set_data_dir(opts, os.fsencode(data_dir)))
            if fonts_file:
                _check(_lib.ht_options_set_fonts_file(opts, os.fsencode(fonts_file)))
            for d in font_dirs:
                _check(_lib.ht_options_add_font_dir(opts, os.fsencode(d)))
            for d in layout_dirs:
                _check(_lib.ht_options_add_layout_dir(opts, os.fsencode(d)))
            _check(_lib.ht_options_set_system_fonts(opts, 1 if system_fonts else 0))
            if font_cache_dir:
                _check(_lib.ht_options_set_font_cache_dir(opts, os.fsencode(font_cache_dir)))
            _check(_lib.ht_options_set_font_cache(opts, 1 if font_cache else 0))
            handle = ctypes.c_void_p()
            _check(_lib.ht_engine_create(opts, ctypes.byref(handle)))
            self._handle = handle
        finally:
            _lib.ht_options_destroy(opts)

    def close(self):
        """Frees the engine (also done when it is collected)."""
        if getattr(self, "_handle", None):
            _lib.ht_engine_destroy(self._handle)
            self._handle = None

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def render(self, xml, name="document.xml", fields=None, trace=False, pdfa=False,
               creation_date=None):
        """The PDF (or, with trace=True, the position trace) of an XML document
        given as str or UTF-8 bytes; `fields` fills its {{name}} fields; pdfa=True
        makes it PDF/A-2b; creation_date ("YYYY-MM-DD[THH:MM:SS]") dates it.
        Raises RenderError when the document cannot be rendered; warnings are
        in .warnings afterwards."""
        data = xml.encode("utf-8") if isinstance(xml, str) else bytes(xml)
        ropts = _lib.ht_render_options_create()
        if not ropts:
            raise MemoryError()
        result = ctypes.c_void_p()
        try:
            _check(_lib.ht_render_options_set_format(ropts, 1 if trace else 0))
            _check(_lib.ht_render_options_set_pdfa(ropts, 1 if pdfa else 0))
            if creation_date:
                _check(_lib.ht_render_options_set_creation_date(ropts, creation_date.encode()))
            for k, v in (fields or {}).items():
                _check(_lib.ht_render_options_set_field(ropts, str(k).encode(), str(v).encode()))
            status = _lib.ht_render_to_memory(self._handle, data, len(data), os.fsencode(name),
                                              ropts, ctypes.byref(result))
            if not result:
                raise RenderError(status, [])
            diags = [Diagnostic(_SEVERITY.get(_lib.ht_result_diagnostic_severity(result, i)),
                                _lib.ht_result_diagnostic_file(result, i).decode(),
                                _lib.ht_result_diagnostic_line(result, i),
                                _lib.ht_result_diagnostic_column(result, i),
                                _lib.ht_result_diagnostic_message(result, i).decode(),
                                _lib.ht_result_diagnostic_text(result, i).decode())
                     for i in range(_lib.ht_result_diagnostic_count(result))]
            if status != 0:
                raise RenderError(status, diags)
            self.warnings = [d for d in diags if d.severity != "error"]
            size = ctypes.c_size_t()
            ptr = _lib.ht_result_bytes(result, ctypes.byref(size))
            return ctypes.string_at(ptr, size.value)
        finally:
            if result:
                _lib.ht_result_destroy(result)
            _lib.ht_render_options_destroy(ropts)
