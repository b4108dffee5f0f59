"""A bad rule file fails to load with a message naming the file and the line."""
from __future__ import annotations

import shutil

import pytest

from app.pathway.rules import BUNDLED_DIR
from app.pathway.rules import load_rules
from app.pathway.textfile import RuleFileError
from ui.problem_words import say


@pytest.fixture
def rules_dir(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(BUNDLED_DIR, target)
    return target


def edit(path, old, new) -> int:
    """Replace `old` once; returns the 1-based line where the new text starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def load_error(rules_dir) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_rules(bundled_dir=rules_dir)
    return info.value


def test_the_bundled_rules_load():
    rules = load_rules()
    assert {r.kind for r in rules.rules} == {"pathway", "action", "schedule", "screening", "nodule", "outcome"}
    assert all(r.version and r.source.title and r.source.year for r in rules.rules)


def test_an_unknown_stage_names_file_and_line(rules_dir):
    line = edit(rules_dir / "pathway.toml", 'screen = ["diagnose", "support"]', 'screen = ["diagnose", "suport"]')
    err = load_error(rules_dir)
    assert say(err, "en").startswith(f"{rules_dir / 'pathway.toml'}:{line}:")
    assert "suport" in say(err, "en")


def test_a_malformed_interval_names_the_line_of_the_step(rules_dir):
    path = rules_dir / "followup.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index('{ until = "5y", every = "6m" }')  # the colorectal rule's second step
    path.write_text(text[:first] + '{ until = "5y", every = "6 months" }' + text[first + 30:], encoding="utf-8")
    line = text[:first].count("\n") + 1
    err = load_error(rules_dir)
    assert err.line == line and f"followup.toml:{line}:" in say(err, "en")
    assert "6 months" in say(err, "en")


def test_a_cycle_of_transitions_is_refused(rules_dir):
    line = edit(rules_dir / "pathway.toml", 'rehab = ["support"]', 'rehab = ["support", "treat"]')
    err = load_error(rules_dir)
    assert f"pathway.toml:{line}:" in say(err, "en")
    assert "cycle" in say(err, "en") and "treat → rehab → treat" in say(err, "en")


def test_a_return_must_go_back(rules_dir):
    line = edit(rules_dir / "pathway.toml", 'screen = ["prevent"]', 'screen = ["prevent", "treat"]')
    err = load_error(rules_dir)
    assert f"pathway.toml:{line}:" in say(err, "en") and "earlier stage" in say(err, "en")


def test_a_toml_syntax_error_keeps_tomllibs_line(rules_dir):
    line = edit(rules_dir / "screening.toml", 'every = "6m"', 'every = = "6m"')
    err = load_error(rules_dir)
    assert err.line == line and "screening.toml" in say(err, "en")


def test_an_unknown_cancer_type_and_a_missing_source(rules_dir):
    line = edit(rules_dir / "screening.toml", 'cancers = ["liver"]', 'cancers = ["livr"]')
    err = load_error(rules_dir)
    assert f"screening.toml:{line}:" in say(err, "en") and "livr" in say(err, "en")


def test_a_file_without_source(rules_dir):
    path = rules_dir / "nodules.toml"
    edit(path, 'title = "中国肺癌筛查与早诊早治指南（2021，北京）"\nyear = 2021\n', "")
    line = path.read_text(encoding="utf-8").splitlines().index("[source]") + 1
    err = load_error(rules_dir)
    assert f"nodules.toml:{line}:" in say(err, "en") and "source" in say(err, "en")


def test_a_duplicate_rule_id_names_both_places(rules_dir):
    line = edit(rules_dir / "screening.toml", 'id = "screen-general"', 'id = "rehab-curative"')
    err = load_error(rules_dir)
    assert f"screening.toml:{line}:" in say(err, "en") and "followup.toml:" in say(err, "en")


def test_size_categories_must_meet(rules_dir):
    edit(rules_dir / "nodules.toml", "min_mm = 15\nbelow_mm = 1000\nrecheck = \"1m\"",
         "min_mm = 16\nbelow_mm = 1000\nrecheck = \"1m\"")
    err = load_error(rules_dir)
    assert "nodules.toml:" in say(err, "en") and "gaps" in say(err, "en")


def test_a_holiday_file_whose_year_disagrees_with_its_name(rules_dir):
    (rules_dir / "holidays" / "2027.toml").write_text(
        'version = "x"\nsource = "测试"\nyear = 2028\n', encoding="utf-8")
    err = load_error(rules_dir)
    assert f"{rules_dir / 'holidays' / '2027.toml'}:3:" in say(err, "en")


def test_a_holiday_date_that_is_not_a_date(rules_dir):
    (rules_dir / "holidays" / "2027.toml").write_text(
        'year = 2027\nversion = "x"\nsource = "测试"\n\n[[holiday]]\nname = "测试"\nfrom = "2027-10-01"\n',
        encoding="utf-8")
    err = load_error(rules_dir)
    assert "2027.toml:7:" in say(err, "en")
