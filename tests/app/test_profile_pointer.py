"""After a person left the demo profile for one made for a real network, CaseDesk opens that
one by default: the next start does not land on the demo again."""
from __future__ import annotations

from app.profile import base_profile_dir
from app.profile import default_profile_dir
from app.sync.demo_guard import point_default_to


def test_the_default_follows_the_real_networks_profile_and_falls_back_if_it_is_gone(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    demo = base_profile_dir()
    demo.mkdir(parents=True)
    real = demo.parent / "profile-casedesk.county.example"
    real.mkdir()
    assert default_profile_dir() == demo
    point_default_to(demo, real)
    assert default_profile_dir() == real.resolve()
    real.rmdir()  # removed by hand: the first start's profile again, not an error
    assert default_profile_dir() == demo


def test_a_profile_given_with_dash_dash_profile_moves_no_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    elsewhere = tmp_path / "my-demo"
    elsewhere.mkdir()
    real = tmp_path / "my-demo-server"
    real.mkdir()
    point_default_to(elsewhere, real)
    assert default_profile_dir() == base_profile_dir()
