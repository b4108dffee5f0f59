"""The import dialog: columns mapped by header, a column mapped by hand, every problem
listed with a decision per line, all or nothing, Cancel leaving nothing, the mapping
remembered for the source, and the File menu action."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func
from sqlalchemy import select

from db.models import Patient
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.app.test_import_data import write_csv
from ui.screening.import_dialog import ImportDialog
from ui.tasks import run_in_background


def patients(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(Patient))


@pytest.fixture
def listfile(profile, tmp_path):
    network(profile)
    rows = [good_row(seq=1), good_row("甲", seq=3, phone="12"), good_row("乙", "女", "1958-03-02", seq=5)]
    headers = ["姓名", "性别", "出生时间", "身份证号", "联系电话", "街道", "社区", "现住址", "项目"]
    rows = [r[:2] + [""] + r[3:] for r in rows]  # the birth date column is left empty: IDs carry it
    return write_csv(tmp_path / "list.csv", rows, headers=headers)


@pytest.fixture
def dialog(qtbot, translations, profile, listfile):
    d = ImportDialog(profile)
    qtbot.addWidget(d)
    d.show()
    with qtbot.waitSignal(d.read_done, timeout=5000):
        d.open_file(listfile)
    return d


def test_mapping_check_decide_and_import(qtbot, profile, dialog, listfile):
    assert dialog.current_mapping() == {0: "name", 1: "sex", 3: "id_number", 4: "phone", 5: "street",
                                        6: "community", 7: "address", 8: "programme"}
    assert dialog.mapping.item(3, 1).text().startswith("330217") and "*" in dialog.mapping.item(3, 1).text()
    dialog.set_column(2, "birth_date")  # "出生时间" is not a header we know: mapped by hand
    with qtbot.waitSignal(dialog.checked, timeout=5000) as checked:
        dialog.check()
    report = checked.args[0]
    assert report.bad_lines == [3] and not dialog.import_button.isEnabled()
    assert dialog.problems.topLevelItemCount() == 1
    row = dialog.problems.topLevelItem(0)
    assert (row.text(0), row.text(1)) == ("3", "联系电话") and "不是有效电话" in row.text(2)
    assert "1 行需要处理" in dialog.summary.text()
    dialog.problems.choose(3, "exclude")
    with qtbot.waitSignal(dialog.checked, timeout=5000) as checked:
        dialog.check()
    assert checked.args[0].ok and dialog.import_button.isEnabled() and patients(profile) == 0
    with qtbot.waitSignal(dialog.imported, timeout=5000) as done:
        dialog.start_import()
    assert done.args[0].patients == 2 and patients(profile) == 2
    again = ImportDialog(profile)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.read_done, timeout=5000):
        again.open_file(listfile)
    assert again.current_mapping()[2] == "birth_date" and "沿用" in again.source_label.text()


def test_cancel_leaves_nothing(qtbot, profile, dialog):
    with qtbot.waitSignal(dialog.checked, timeout=5000):
        dialog.check()
    dialog.problems.exclude_all()
    with qtbot.waitSignal(dialog.checked, timeout=5000):
        dialog.check()
    gate = threading.Event()
    run_in_background(gate.wait, lambda _r: None)  # holds the database lane: the import queues behind
    dialog.start_import()
    assert dialog.cancel_button.text() == "停止"
    dialog.cancel()
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        gate.set()
    assert type(failed.args[0]).__name__ == "Cancelled" and patients(profile) == 0
    assert dialog.summary.text() == "已取消：未导入任何数据。"


def test_a_merge_candidate_is_decided_in_the_list(qtbot, profile, tmp_path, translations):
    network(profile)
    path = write_csv(tmp_path / "a.csv", [good_row()])
    from app.screening.importer import import_file
    import_file(profile, path)
    d = ImportDialog(profile, path)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.check_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(d.checked, timeout=5000):
        d.check()
    box = d.problems._choices[2]
    assert [box.itemText(i) for i in range(box.count())][:3] == ["请选择…", "排除此行", box.itemText(2)]
    assert box.itemText(2).startswith("合并到 张三 330217")
    d.problems.choose(2, "merge")
    with qtbot.waitSignal(d.checked, timeout=5000) as checked:
        d.check()
    assert checked.args[0].ok and checked.args[0].people[0].merge_into


def test_the_file_menu_opens_the_dialog(window):
    from ui.workspace import Workspace

    ws = Workspace(window)
    assert ws.import_action.action.text() == "导入筛查名单(&I)…"
    assert window.file_menu.actions()[0] is ws.import_action.action
    dialog = ws.import_action.open()
    assert dialog.isVisible() and dialog.windowTitle() == "导入筛查名单"
    dialog.reject()


def test_exclude_all_problem_lines_leaves_likely_duplicates_to_a_person(qtbot, profile, tmp_path, translations):
    network(profile)
    from app.screening.importer import import_file
    import_file(profile, write_csv(tmp_path / "first.csv", [good_row()]))  # 张三 is now on file
    path = write_csv(tmp_path / "b.csv", [good_row(), good_row("甲", seq=3, phone="12")])
    d = ImportDialog(profile, path)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.check_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(d.checked, timeout=5000):
        d.check()
    d.problems.exclude_all()
    assert d.problems._choices[3].currentData() == "exclude"  # the bad phone: excluded
    assert d.problems._choices[2].currentData() != "exclude"  # the likely duplicate: still to decide


def test_an_import_with_every_line_excluded_says_so_and_writes_nothing(qtbot, profile, tmp_path, translations):
    from app.errors import CaseDeskError
    from app.screening.importer import import_file
    from app.screening.validate import Decisions
    from db.models import OutboxEntry
    from ui import problem_words

    network(profile)
    path = write_csv(tmp_path / "c.csv", [good_row("甲", seq=3, phone="12")])
    with profile.sessions() as s:
        queued = s.scalar(select(func.count()).select_from(OutboxEntry))
    with pytest.raises(CaseDeskError) as exc:
        import_file(profile, path, decisions=Decisions(frozenset({2})))
    assert exc.value.problem.code == "screening.nothing_to_import"
    assert "没有可导入的内容" in problem_words.say(exc.value, "zh_CN")
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == queued and patients(profile) == 0


def test_a_saved_template_reads_back_with_every_column_recognised(qtbot, profile, tmp_path, translations):
    from app.screening.fields import FIELD_KEYS
    from app.screening.importer import import_file

    network(profile)
    d = ImportDialog(profile)
    qtbot.addWidget(d)
    out = d.save_template(str(tmp_path / "模板.xlsx"))
    assert out and "模板已保存" in d.summary.text()
    report, _ = import_file(profile, out)  # read back by the real reader (calamine)
    # the example row is well formed; only its street is not one of this test network's
    assert report.rows == 1 and {p.code for p in report.problems} <= {"unknown_street", "unknown_community"}
    with qtbot.waitSignal(d.read_done, timeout=5000):
        d.open_file(out)
    assert sorted(d.current_mapping().values()) == sorted(FIELD_KEYS)


def test_a_second_file_with_long_headers_keeps_the_mapping_column_wide(qtbot, dialog, tmp_path):
    long = ["姓名（请填写身份证上的姓名，不要填写别名或曾用名）" * 2, "性别", "出生日期", "身份证号码（18位）" * 4,
            "联系电话", "街道", "社区", "现住址" * 10, "项目"]
    path = write_csv(tmp_path / "long.csv", [good_row()], headers=long)
    with qtbot.waitSignal(dialog.read_done, timeout=5000):
        dialog.open_file(path)
    widest = max(dialog.mapping.cellWidget(i, 2).sizeHint().width() for i in range(dialog.mapping.rowCount()))
    assert dialog.mapping.columnWidth(2) >= widest
    assert dialog.mapping.columnWidth(0) <= 260 and dialog.mapping.columnWidth(1) <= 260
