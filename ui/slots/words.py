"""Words the slot pool shows: examinations (from the problem catalogue's terms, so a refusal
and a list name an examination alike), a booking's state and whether the server has it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale

from app.rulebook.slots import MODALITIES
from ui import problem_words


def modality_name(code: str) -> str:
    return problem_words.term("modality", code)


def modalities() -> list[tuple[str, str]]:
    return [(m, modality_name(m)) for m in MODALITIES]


def state_name(state: str) -> str:
    names = {
        "booked": QCoreApplication.translate("SlotWords", "Booked"),
        "attended": QCoreApplication.translate("SlotWords", "Attended"),
        "no_show": QCoreApplication.translate("SlotWords", "No-show"),
        "cancelled": QCoreApplication.translate("SlotWords", "Cancelled"),
    }
    return names.get(state, state)


def status_name(status: str) -> str:
    names = {
        "confirmed": QCoreApplication.translate("SlotWords", "Confirmed"),
        "tentative": QCoreApplication.translate("SlotWords", "Tentative — confirmed at the next sync"),
        "refused": QCoreApplication.translate("SlotWords", "Refused — rebook"),
    }
    return names.get(status, status)


def when(moment: dt.datetime, minutes: int = 0) -> str:
    """'2026-11-23 Mon 08:00–08:30' in the window's language (China's time, as the pool keeps it)."""
    day = QLocale().dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat)
    text = f"{moment:%Y-%m-%d} {day} {moment:%H:%M}"
    return f"{text}–{moment + dt.timedelta(minutes=minutes):%H:%M}" if minutes else text
