"""The server's log files (server/logs.py): several workers share one file across a rotation
without losing a day, and an error's text keeps no row values or long numbers."""
from __future__ import annotations

import logging

from server import logs


def record(message: str, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("casedesk", logging.ERROR, __file__, 1, message, None, exc_info)


def test_two_workers_rotate_one_file_and_neither_loses_the_others_lines(tmp_path):
    path = tmp_path / "access.log"
    first = logs._handler(path, 30, logs.ACCESS_FORMAT)
    second = logs._handler(path, 30, logs.ACCESS_FORMAT)  # another worker process, same file
    try:
        first.emit(record("day one from the first worker"))
        second.emit(record("day one from the second worker"))
        first.rolloverAt = second.rolloverAt = 0  # midnight has passed for both
        first.emit(record("day two from the first worker"))
        second.emit(record("day two from the second worker"))  # finds the file rotated: reopens it
    finally:
        first.close()
        second.close()
    rotated = [p for p in tmp_path.iterdir() if p.name.startswith("access.log.") and not p.name.endswith(".lock")]
    assert len(rotated) == 1
    old, new = rotated[0].read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
    assert "day one from the first worker" in old and "day one from the second worker" in old
    assert "day two from the first worker" in new and "day two from the second worker" in new
    assert "day two" not in old and "day one" not in new


def test_an_error_text_keeps_no_row_and_no_id_number(tmp_path):
    try:
        raise RuntimeError('duplicate key value violates unique constraint "uq_patients_id_number"\n'
                           'DETAIL:  Key (id_number, name)=(33020619800101123X, 张三) already exists.\n'
                           'phone 13912345678')
    except RuntimeError:
        import sys
        line = logs.Scrubbing(logs.FORMAT).format(record("push failed", sys.exc_info()))
    assert "uq_patients_id_number" in line and "DETAIL: (withheld" in line and "Traceback" in line
    assert "33020619800101123X" not in line and "张三" not in line and "13912345678" not in line
