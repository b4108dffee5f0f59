"""When a desktop takes the server's history as rewound (app/sync/rewind.py): another history
id than the one it last saw, or a watermark below what it already pulled (a raw pg_restore
keeps the id). The whole drill runs in tests/e2e/test_restore_drill.py."""
from __future__ import annotations

from app.sync import rewind


def test_a_new_history_id_or_a_watermark_below_the_cursor_is_a_rewind():
    assert rewind.rewound("h1", "h2", cursor=10, watermark=50)  # restored by `server restore`
    assert rewind.rewound("h1", "h1", cursor=60, watermark=50)  # restored by hand
    assert rewind.rewound(None, "h1", cursor=60, watermark=50)  # before this desktop knew ids


def test_the_same_history_or_a_first_contact_is_not():
    assert not rewind.rewound("h1", "h1", cursor=50, watermark=50)
    assert not rewind.rewound(None, "h1", cursor=0, watermark=900)  # a new desktop
    assert not rewind.rewound(None, "h1", cursor=40, watermark=50)  # first server that tells its id
    assert not rewind.rewound("h1", None, cursor=40, watermark=50)  # a server that does not tell


def test_parents_are_sent_before_their_children():
    order = rewind.resent_tables()
    assert order.index("patients") < order.index("cases") < order.index("timeline_events")
    assert "audit_entries" not in order and "users" not in order and "org_units" not in order
