"""Every risk rule file's test vectors ([[vector]], taken from its guideline's text at each
boundary) give the level, the screening-age verdict and the criteria the file says they give,
or are refused naming the question; and each programme named in issue #18 has a full citation."""
from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ValidationError
from app.screening.risk import evaluate
from app.screening.riskrules import load_all

TODAY = dt.date(2026, 6, 1)
RULES = load_all()
VECTORS = [(cancer, v) for cancer, rules in sorted(RULES.items()) for v in rules.vectors]
GUIDELINES = ("lung", "colorectal", "stomach", "liver", "oesophagus", "breast", "cervical")


@pytest.mark.parametrize("cancer, vector", VECTORS, ids=[f"{c}.toml:{v.line}" for c, v in VECTORS])
def test_vector(cancer, vector):
    rules = RULES[cancer]
    where = f"{rules.path.name}:{vector.line} {vector.note}"
    if vector.refused:
        with pytest.raises(ValidationError) as info:
            evaluate(rules, dict(vector.answers), TODAY)
        assert info.value.field == vector.refused, where
        return
    result = evaluate(rules, dict(vector.answers), TODAY)
    assert result.level == vector.level, where
    if vector.screen is not None:
        assert result.screen == vector.screen, where
    if vector.fired is not None:
        assert [h.id for h in result.fired] == list(vector.fired), where


@pytest.mark.parametrize("cancer", GUIDELINES)
def test_each_guideline_file_is_cited_in_full_and_tested_at_its_boundaries(cancer):
    rules = RULES[cancer]
    c = rules.citation
    assert c is not None and all((c.authors, c.journal, c.volume, c.pages, c.doi)), cancer
    assert str(c.year) in str(c) and rules.criterion_text.strip()
    assert len(rules.vectors) >= 8 and any(v.refused for v in rules.vectors) or cancer in ("breast", "cervical")
    ages = {v.answers.get("age") for v in rules.vectors}
    bounds = [c.value for c in rules.eligibility.conditions if c.question == "age"]
    for band in (rules.screening or {}).values():
        bounds += [c.value for c in band.test.conditions if c.question == "age"]
    for bound in bounds:  # each age boundary is tested on both sides
        assert {bound - 1, bound} <= ages or {bound, bound + 1} <= ages, (cancer, bound, sorted(ages))


def test_the_county_sets_what_the_guideline_leaves_to_the_programme(tmp_path):
    """A published (or profile) file with another setting replaces the bundled one: the
    colorectal programme that stops screening at 74 no longer screens a 75-year-old."""
    from app.screening.risk import assess
    from app.screening.riskrules import BUNDLED_DIR

    text = (BUNDLED_DIR / "colorectal.toml").read_text(encoding="utf-8")
    assert assess("colorectal", {"age": 75, "polyp_history": True}, today=TODAY).screen
    county = text.replace('version = "2026.2"', 'version = "2026.2-county"').replace("value = 75", "value = 74")
    (tmp_path / "colorectal.toml").write_text(county, encoding="utf-8")
    result = assess("colorectal", {"age": 75, "polyp_history": True}, tmp_path, today=TODAY)
    assert result.high_risk and not result.screen and result.rules.version == "2026.2-county"
    assert [s.value for s in result.rules.settings] == [74]


def test_rules_vectors_names_a_vector_a_changed_setting_breaks(tmp_path):
    from app.screening.riskrules import BUNDLED_DIR
    from tests.support import run_main

    county = tmp_path / "colorectal.toml"
    county.write_text((BUNDLED_DIR / "colorectal.toml").read_text(encoding="utf-8").replace("value = 75", "value = 74"),
                      encoding="utf-8")
    done = run_main("--lang", "en", "rules", "vectors", "--file", str(county))
    assert done.returncode == 1
    line = next(v.line for v in RULES["colorectal"].vectors if v.answers.get("age") == 75 and v.level == "medium")
    assert f"colorectal.toml:{line} (75 岁一般风险：仍筛查): expected screen=True, got screen=False" in done.stdout
    assert "14 test vectors, 2 not as expected" in done.stdout
    assert run_main("rules", "vectors").returncode == 0
