"""A guard against PySide6 6.12's lost references to None (and True/False) on Python 3.11.

In shiboken6 6.12.0 every binding that returns void hands back None without taking a
reference (bool results likewise lose references to True and False) (harmless from Python 3.12, where None is immortal). On 3.11 each such call
drops None's count by one, and after a few thousand calls (12 lines repeating
QProgressBar.setValue crash after ~5,100) Python aborts with "none_dealloc: deallocating
None". Painting a letter makes hundreds of void calls a page, so the letters code puts
back what each block lost. Giving back too much is harmless (None is never freed); the
real fix is a PySide6 without the bug or Python 3.12, which makes this a no-op.
"""
from __future__ import annotations

import ctypes
import sys
from contextlib import contextmanager

NEEDED = sys.version_info < (3, 12)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


SINGLETONS = (None, True, False)


@contextmanager
def keep_none_alive():
    if not NEEDED:
        yield
        return
    before = [sys.getrefcount(x) for x in SINGLETONS]
    try:
        yield
    finally:
        for obj, count in zip(SINGLETONS, before):
            for _ in range(count - sys.getrefcount(obj)):
                _incref(obj)
