"""A 下转 hands over a discharge summary, a treatment plan and rehabilitation instructions; any
referral carries attached reports (PDF or image), checked before anything is written."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import rulebook
from app.problems import ProblemError
from app.referrals.attachments import AttachmentService
from app.rulebook.actor import Actor
from app.rulebook.attachments import MAX_BYTES
from db.models import AttachmentContent
from db.models import OutboxEntry
from db.models import ReferralAttachment
from tests.app.test_referrals import up_form
from tests.app.test_referrals import world  # noqa: F401 - the referral world fixture
from ui import problem_words

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def down_form(service, ids, **handover):
    form, _ = service.prefill(ids["李四"][0], "down")
    form.reason = "术后康复期，转社区随访"
    for key, value in handover.items():
        setattr(form, key, value)
    return form


def fields(exc) -> set[str]:
    return {p.field for p in exc.value.problems}


def test_a_down_referral_is_not_sent_without_its_handover(world):  # noqa: F811
    profile, ids, service = world
    profile.store.user_id = ids["ward"]
    with pytest.raises(ProblemError) as exc:
        service.save(down_form(service, ids), send=True)
    assert fields(exc) == {"discharge_summary", "rehab_instructions"}  # a plan may honestly be none
    words = problem_words.say(exc.value, "zh_CN")
    assert "出院小结" in words and "康复指导" in words
    assert "Discharge summary" in problem_words.say(exc.value, "en")
    with profile.sessions() as s:  # nothing half-saved: no draft either
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0

    rid = service.save(down_form(service, ids, discharge_summary="右肺上叶切除术后第7天出院，切口愈合良好",
                                 treatment_plan="术后辅助化疗4周期，每3周一次",
                                 rehab_instructions="呼吸功能锻炼，每日步行30分钟；两周后门诊复查"), send=True)
    view = service.get(rid)
    assert view.state == "sent" and view.discharge_summary.startswith("右肺上叶切除术后")
    assert view.form().rehab_instructions.startswith("呼吸功能锻炼")


def test_an_up_referral_needs_no_handover_and_a_draft_may_wait_for_it(world):  # noqa: F811
    profile, ids, service = world
    assert service.get(service.save(up_form(service, ids), send=True)).state == "sent"
    profile.store.user_id = ids["ward"]
    draft = service.save(down_form(service, ids))  # saved, not sent: filled in later
    assert service.get(draft).state == "draft"


def test_a_desktop_on_the_schema_before_is_not_asked_for_fields_it_has_not(world):  # noqa: F811
    profile, ids, service = world
    with profile.sessions() as s:
        before = {"state": "draft", "direction": "down", "reason": "r", "from_org_id": ids["centre"],
                  "to_org_id": ids["point"], "patient_id": ids["李四"][0]}
        after = {**before, "state": "sent"}
        lookup = rulebook.SessionLookup(s)
        today = Actor(ids["ward"], "ward_cm", ids["centre"], None)
        older = Actor(ids["ward"], "ward_cm", ids["centre"], None, older_desktop=True)
        assert {p.code for p in rulebook.check("referrals", before, after, today, lookup)} == \
            {"referral.handover_required"}
        assert rulebook.check("referrals", before, after, older, lookup) == []


def test_a_report_is_attached_stored_encrypted_and_opened(world, tmp_path):  # noqa: F811
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    report = tmp_path / "病理报告.pdf"
    report.write_bytes(PDF)
    attachments = AttachmentService(profile)
    aid = attachments.attach(rid, report)
    [shown] = attachments.of_referral(rid)
    assert (shown.file_name, shown.media_type, shown.size, shown.here) == ("病理报告.pdf", "application/pdf",
                                                                           len(PDF), True)
    name, data = attachments.content(aid)
    assert (name, data) == ("病理报告.pdf", PDF)
    with profile.sessions() as s:
        row = s.get(ReferralAttachment, aid)
        assert row.sha256 == hashlib.sha256(PDF).hexdigest() and row.patient_id == ids["张三"][0]
        assert s.scalar(select(OutboxEntry.op).where(OutboxEntry.row_id == aid)) == "insert"
    # The bytes are inside the SQLCipher file: nothing of them in the clear on disk.
    assert b"trailer<<>>" not in (profile.path / "casedesk.db").read_bytes()
    assert attachments.counts([rid]) == {rid: 1}
    attachments.remove(aid)
    assert attachments.of_referral(rid) == []


def refused(attachments, rid, path) -> tuple[str, dict]:
    with pytest.raises(ProblemError) as exc:
        attachments.attach(rid, path)
    problem = exc.value.problems[0]
    return problem.code, problem.params


def test_bad_reports_are_refused_with_the_limit_named_and_nothing_written(world, tmp_path):  # noqa: F811
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    attachments = AttachmentService(profile)
    big = tmp_path / "CT.pdf"
    with big.open("wb") as f:
        f.write(PDF)
        f.truncate(MAX_BYTES + 1)
    code, params = refused(attachments, rid, big)
    assert code == "attachment.too_large" and params["limit_mb"] == 10 and params["name"] == "CT.pdf"
    words = problem_words.say(ProblemError(rulebook.Problem(code, "file", params)), "zh_CN")
    assert "10 MB" in words and "CT.pdf" in words
    renamed = tmp_path / "report.pdf"
    renamed.write_bytes(b"PK\x03\x04 a word file")
    assert refused(attachments, rid, renamed)[0] == "attachment.wrong_type"
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    assert refused(attachments, rid, empty)[0] == "attachment.empty"
    assert refused(attachments, rid, tmp_path / "gone.pdf")[0] == "attachment.unreadable"
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 0
        assert s.scalar(select(func.count()).select_from(ReferralAttachment)) == 0
    image = tmp_path / "片子.png"
    image.write_bytes(PNG)
    assert attachments.of_referral(rid) == [] and attachments.attach(rid, image)


def test_the_rule_book_checks_an_attachment_row_as_the_server_would(world):  # noqa: F811
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    good = {"id": "0190a0a0-0000-7000-8000-000000000001", "patient_id": ids["张三"][0], "referral_id": rid,
            "file_name": "a.pdf", "media_type": "application/pdf", "size": 10, "sha256": "a" * 64}
    stranger = Actor("someone", "community_cm", "elsewhere", frozenset({"elsewhere"}))
    with profile.sessions() as s:
        lookup = rulebook.SessionLookup(s)
        codes = {p.code for p in rulebook.check("referral_attachments", None, good, None, lookup)}
        assert codes == {"attachment.content_missing"}  # the bytes come first
        s.add(AttachmentContent(attachment_id=good["id"], sha256="a" * 64, content=b"x" * 10,
                                stored_at=profile_now()))
        s.flush()
        assert rulebook.check("referral_attachments", None, good, None, lookup) == []
        assert {p.code for p in rulebook.check("referral_attachments", None, good, stranger, lookup)} == \
            {"attachment.not_your_referral"}
        other = {**good, "patient_id": ids["王五"][0], "media_type": "text/html", "size": MAX_BYTES + 1}
        assert {p.code for p in rulebook.check("referral_attachments", None, other, None, lookup)} >= \
            {"attachment.other_patient", "attachment.wrong_type", "attachment.too_large"}
        renamed = {**good, "file_name": "b.pdf"}
        assert [p.code for p in rulebook.check("referral_attachments", good, renamed, None, lookup)] == \
            ["attachment.unchangeable"]


def profile_now():
    from app import clock
    return clock.now()
