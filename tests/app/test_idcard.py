"""Resident ID numbers after GB 11643: check character, birth date, sex, parsing."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import idcard

# The standard's own example, and a number with a plain digit check.
EXAMPLE = "11010519491231002X"


def test_the_standard_example_is_valid_and_parses():
    assert idcard.check_digit(EXAMPLE[:17]) == "X"
    assert idcard.validate(EXAMPLE)
    assert idcard.parse(EXAMPLE) == ("110105", dt.date(1949, 12, 31), "F")


def test_a_lower_case_x_is_accepted_and_normalize_cleans_input():
    assert idcard.validate(EXAMPLE.lower())
    assert idcard.normalize(" 110105 19491231\u3000002x ") == EXAMPLE


@pytest.mark.parametrize("value, reason", [
    ("110105194912310021", "check digit"),  # X expected
    ("11010519491231002", "18 characters"),
    ("11010519491231002XX", "18 characters"),
    ("1101051949123100AX", "digits"),
    ("11010519490231002X", "not a date"),  # 31 February
    ("99010519491231002X", "province"),
    ("110105187912310021", "out of range"),
    ("11010519491231002Y", "digit or X"),
])
def test_malformed_numbers_are_refused_with_a_reason(value, reason):
    assert not idcard.validate(value)
    assert reason in idcard.problem(value)
    with pytest.raises(ValueError):
        idcard.parse(value)


def test_a_birth_date_after_today_is_refused_when_today_is_given():
    number = idcard.make_id("330217", dt.date(2030, 1, 1), 12, "M")
    assert idcard.validate(number)
    assert not idcard.validate(number, today=dt.date(2029, 12, 31))


def test_make_id_sets_the_parity_of_the_sequence_to_the_sex():
    male = idcard.make_id("330217", dt.date(1960, 5, 6), 124, "M")
    female = idcard.make_id("330217", dt.date(1960, 5, 6), 124, "F")
    assert male[14:17] == "125" and female[14:17] == "124"
    assert idcard.parse(male)[2] == "M" and idcard.parse(female)[2] == "F"
    assert idcard.make_id("330217", dt.date(1960, 5, 6), 999, "F")[14:17] == "998"


def test_make_id_refuses_bad_parts():
    with pytest.raises(ValueError):
        idcard.make_id("3302", dt.date(1960, 1, 1), 1, "M")
    with pytest.raises(ValueError):
        idcard.make_id("330217", dt.date(1960, 1, 1), 1000, "M")
    with pytest.raises(ValueError):
        idcard.make_id("330217", dt.date(1960, 1, 1), 1, "X")
    with pytest.raises(ValueError):
        idcard.check_digit("１２３４５６７８９０１２３４５６７")  # full-width digits


@given(region=st.sampled_from(["110105", "330217", "420117", "650102"]),
       birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)),
       seq=st.integers(0, 999), sex=st.sampled_from("MF"))
def test_every_made_number_round_trips(region, birth, seq, sex):
    number = idcard.make_id(region, birth, seq, sex)
    assert len(number) == 18 and idcard.validate(number)
    assert idcard.parse(number) == (region, birth, sex)


@given(first17=st.text("0123456789", min_size=17, max_size=17), wrong=st.sampled_from("0123456789X"))
def test_exactly_one_check_character_fits(first17, wrong):
    right = idcard.check_digit(first17)
    if wrong != right:
        assert idcard.problem(first17 + wrong) is not None
