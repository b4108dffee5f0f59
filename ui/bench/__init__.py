"""Benchmarks that need Qt (run as `python main.py bench NAME`; registered in app/commands/bench.py)."""
from __future__ import annotations

import os


def bench_application():
    """The QApplication a benchmark draws with: offscreen on a machine with no window server,
    the bundled CJK font and garbage collected on the GUI thread, as the workstation runs."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from ui import collector
    from ui.resources import resources_dir

    app = QApplication.instance() or QApplication([])
    collector.install(app)
    QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    return app
