"""The outbox names a changed field in the window's language, never by its column name."""
from __future__ import annotations

from ui.sync.words import field_name


def test_referral_and_follow_up_fields_read_in_chinese_and_english(translations):
    assert [field_name(f) for f in ("sent_at", "state", "scheduled_at", "breach_reason")] == \
        ["发出时间", "状态", "预约时间", "超时原因"]
    translations.set_language("en")
    assert [field_name(f) for f in ("sent_at", "green_channel")] == ["Sent", "Green channel"]
