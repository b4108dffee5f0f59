"""the server is the authority: security log, login throttle, device codes, server stamps

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

- `security_events`: the server's security event log, append-only (PostgreSQL refuses
  UPDATE and TRUNCATE, and DELETE of an event younger than 180 days).
- `login_throttle`: failures per account name and per client address (a slow-down, not a lock).
- `duplicate_reviews`: possible duplicate registrations for an administrator to review.
- `devices.code` (the network-unique prefix of a desktop's referral short codes),
  `devices.clock_skew_s`, `devices.revoked_at`.
- `audit_entries.received_at` / `clock_skew_s`: the server's clock beside the desktop's.
- `letters.printed_at_desktop`: the desktop's print time kept beside the server's.
- `timeline_events.title_code` / `title_args`: titles written by the software as a code and
  parameters, worded at display time; the titles earlier versions wrote in Chinese get their
  code and parameters here (a title a person typed keeps its text and no code).
- `server_meta`: the server's own facts, key → JSON ("history": the random id `server restore`
  renews so desktops notice a rewound history; "demo": whether it holds the demo network).
- `published_files`: rule, risk, holiday and letter-template files published once for every
  desktop (checked on the server before they are stored).

The last two were 0008 while this release was being built; none of it had shipped, so they
joined 0007: one new schema per release keeps the server answering desktops still on 0006.
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

RETENTION_DAYS = 180
BATCH = 2000  # rows read and updated per statement: bounded memory on a server's 10M events

# The Chinese titles CaseDesk wrote up to 0006, as (event kinds, pattern, code and arguments).
# Each pattern is the inverse of the old f-string, so worded in Chinese the code reads as the
# old title did. A title that matches none (a person's own words) keeps its text, no code.
_DIRECTIONS = {"上转": "up", "下转": "down"}
_STAGES = {"预防": "prevent", "筛查": "screen", "诊断": "diagnose", "治疗": "treat", "康复": "rehab",
           "帮扶": "support"}
_METHODS = {"电话": "phone", "门诊": "clinic", "上门": "home"}
_OUTCOMES = {"病情稳定": "stable", "出现不适，已指导就诊": "symptoms", "需门诊复查": "needs_visit",
             "目前住院中": "hospitalised", "疑似复发": "recurrence_suspected", "疑似复发，已上报": "recurrence_suspected",
             "拒绝随访": "declined", "迁出": "moved_away", "死亡": "deceased"}
_BREACHES = {"号源已满，无法在24小时内安排": "no_slot", "患者要求延后": "patient_request",
             "资料不全，等待补充": "missing_info", "夜间或节假日发出，次日处理": "after_hours",
             "联系不上患者": "unreachable", "其他原因": "other"}
_CANCERS = {"肺癌": "lung", "结直肠癌": "colorectal", "乳腺癌": "breast", "宫颈癌": "cervical", "胃癌": "stomach",
            "肝癌": "liver", "食管癌": "oesophagus", "前列腺癌": "prostate", "甲状腺癌": "thyroid",
            "鼻咽癌": "nasopharynx"}
_LEVELS = {"低危": "low", "一般风险": "medium", "高危": "high"}
_PLANS = {"新辅助治疗后手术": "neoadjuvant_then_surgery", "手术治疗，术后辅助治疗": "surgery_then_adjuvant",
          "同步放化疗": "chemoradiation", "靶向治疗": "targeted", "随访观察": "surveillance",
          "姑息与支持治疗": "palliative"}
_LETTERS = {"筛查邀请函": "screening_invitation", "预约通知单": "appointment_notice", "随访提醒": "followup_reminder",
            "转诊单": "referral_slip", "结果领取通知": "results_ready", "失访追踪信": "missed_followup",
            "结果告知书": "results_letter"}
_SCREENS = {"低剂量螺旋CT肺癌筛查": "lung_ldct", "粪便免疫化学检测（FIT）+问卷": "colorectal_fit",
            "乳腺彩超+钼靶筛查": "breast_us", "HPV+TCT宫颈癌筛查": "cervical_hpv",
            "胃蛋白酶原+幽门螺杆菌检测": "stomach_pg", "AFP+腹部超声肝癌筛查": "liver_afp_us",
            "上消化道内镜筛查": "oesophagus_endoscopy", "PSA前列腺癌筛查": "prostate_psa",
            "甲状腺彩超筛查": "thyroid_us", "EB病毒抗体筛查": "nasopharynx_ebv"}
_D = "(上转|下转)"
_S = "(" + "|".join(_STAGES) + ")"
_AT = r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) (.*)"


def _at(m, i: int) -> dict:  # a local time as the old title showed it (no zone was written)
    return {"at": f"{m[i]}T{m[i + 1]}", "place": m[i + 2]}


def _known(table: dict, value: str):
    if value not in table:
        raise KeyError(value)  # not a title CaseDesk wrote: left as it is
    return table[value]


_TITLES = [
    ({"referral"}, rf"{_D}单草稿：(.+)", lambda m: ("timeline.referral.draft", {"direction": _DIRECTIONS[m[1]],
                                                                              "to_org": m[2]})),
    ({"referral"}, rf"修改{_D}单草稿", lambda m: ("timeline.referral.edited", {"direction": _DIRECTIONS[m[1]]})),
    ({"referral"}, rf"(?:发出{_D}单|{_D})：(.+?) → (.+?)(（绿色通道）)?",  # the demo wrote "上转：A → B"
     lambda m: ("timeline.referral.sent_green" if m[5] else "timeline.referral.sent",
                {"direction": _DIRECTIONS[m[1] or m[2]], "from_org": m[3], "to_org": m[4]})),
    ({"referral"}, rf"(.+)已接收{_D}单", lambda m: ("timeline.referral.received", {"direction": _DIRECTIONS[m[2]],
                                                                                 "to_org": m[1]})),
    ({"referral"}, r"(.+)接受转诊", lambda m: ("timeline.referral.accepted", {"to_org": m[1]})),
    ({"referral"}, r"(.+?)拒绝转诊：(.*)", lambda m: ("timeline.referral.rejected", {"to_org": m[1], "reason": m[2]})),
    ({"referral"}, r"取消转诊：(.*)", lambda m: ("timeline.referral.cancelled", {"reason": m[1]})),
    ({"referral"}, rf"预约就诊：{_AT}", lambda m: ("timeline.referral.scheduled", _at(m, 1))),
    ({"referral"}, rf"改约：{_AT}", lambda m: ("timeline.referral.rescheduled", _at(m, 1))),
    ({"referral"}, r"已在(.+)就诊", lambda m: ("timeline.referral.seen", {"to_org": m[1]})),
    ({"referral"}, rf"{_D}闭环：转诊已关闭(?:（(.*)）)?",
     lambda m: ("timeline.referral.closed_note", {"direction": _DIRECTIONS[m[1]], "note": m[2]}) if m[2]
     else ("timeline.referral.closed", {"direction": _DIRECTIONS[m[1]]})),
    ({"referral"}, r"转诊超时原因：(.+)",
     lambda m: ("timeline.referral.breach", {"breach_reason": _known(_BREACHES, m[1])})),
    ({"mdt"}, r"申请MDT会诊：(.+)", lambda m: ("timeline.mdt.requested", {"specialties": m[1].split("、")})),
    ({"mdt"}, r"申请MDT会诊", lambda m: ("timeline.mdt.requested_plain", {})),
    ({"mdt"}, r"MDT资料已齐备，待排期", lambda m: ("timeline.mdt.ready", {})),
    ({"mdt"}, r"MDT准备项更新", lambda m: ("timeline.mdt.checklist", {})),
    ({"mdt"}, rf"MDT已预约：{_AT}", lambda m: ("timeline.mdt.booked", _at(m, 1))),
    ({"mdt"}, rf"MDT改约：{_AT}", lambda m: ("timeline.mdt.rebooked", _at(m, 1))),
    ({"mdt"}, r"MDT已预约", lambda m: ("timeline.mdt.booked_plain", {})),
    ({"mdt"}, r"MDT申请已取消：(.*)", lambda m: ("timeline.mdt.cancelled", {"reason": m[1]})),
    ({"mdt"}, r"MDT申请已取消", lambda m: ("timeline.mdt.cancelled_plain", {})),
    ({"mdt"}, r"MDT讨论：建议(" + "|".join(_PLANS) + ")", lambda m: ("timeline.mdt.decided", {"plan": _PLANS[m[1]]})),
    ({"mdt"}, r"MDT讨论：(.*)", lambda m: ("timeline.mdt.decided_text", {"decision": m[1]})),
    ({"followup", "call"}, r"(电话|门诊|上门)随访未联系上（第(\d+)次）(，转主动追踪)?",
     lambda m: ("timeline.followup.unreached_chase" if m[3] else "timeline.followup.unreached",
                {"method": _METHODS[m[1]], "attempts": int(m[2])})),
    ({"followup", "call"}, r"随访未联系上：连续(\d+)次未联系上，转主动追踪",
     lambda m: ("timeline.followup.unreached_repeatedly", {"attempts": int(m[1])})),
    ({"followup"}, r"(电话|门诊|上门)随访：(.+)",
     lambda m: ("timeline.followup.done", {"method": _METHODS[m[1]], "outcome": _OUTCOMES.get(m[2]), "label": m[2]})),
    ({"followup"}, r"随访改期：(\S+) → (\S+)", lambda m: ("timeline.followup.moved", {"old": m[1], "new": m[2]})),
    ({"followup"}, r"停诊顺延：(\S+) → (\S+)", lambda m: ("timeline.followup.closure_moved", {"old": m[1], "new": m[2]})),
    ({"followup"}, r"随访取消：(.+)", lambda m: ("timeline.followup.cancelled", {"reason": m[1]})),
    ({"stage"}, rf"阶段变更：{_S}→{_S}(（回退）)?",
     lambda m: ("timeline.stage.returned" if m[3] else "timeline.stage.changed",
                {"from_stage": _STAGES[m[1]], "to_stage": _STAGES[m[2]]})),
    ({"screening"}, r"(" + "|".join(_CANCERS) + ")风险评估：(" + "|".join(_LEVELS) + ")",
     lambda m: ("timeline.screening.risk", {"cancer": _CANCERS[m[1]], "level": _LEVELS[m[2]]})),
    ({"screening"}, r"列入筛查名单", lambda m: ("timeline.screening.listed_any", {})),
    ({"screening"}, r"列入(.+)筛查名单",
     lambda m: ("timeline.screening.listed", {"programmes": [_known(_CANCERS, c) for c in m[1].split("、")]})),
    ({"screening"}, r"(.+?)：(.+)",
     lambda m: ("timeline.screening.result", {"programme": _known(_SCREENS, m[1]), "result": m[2]})),
    ({"note", "screening"}, r"纳入高危人群健康管理", lambda m: ("timeline.screening.enrolled", {})),
    ({"letter"}, r"打印(.+)", lambda m: ("timeline.letter.printed", {"letter_kind": _known(_LETTERS, m[1])})),
    ({"exam"}, r"门诊首诊：(.+)，安排(.+)", lambda m: ("timeline.clinic.first_visit", {"finding": m[1], "exam": m[2]})),
    ({"exam"}, r"检查：(.+)", lambda m: ("timeline.exam", {"exam": m[1]})),
    ({"treatment"}, r"治疗：(.+)（第(\d+)次）", lambda m: ("timeline.treatment.cycle", {"regimen": m[1],
                                                                                    "cycle": int(m[2])})),
    ({"treatment"}, r"治疗：(.+)", lambda m: ("timeline.treatment.given", {"treatment": m[1]})),
]
TITLE_PATTERNS = [(kinds, re.compile(pattern, re.S), make) for kinds, pattern, make in _TITLES]
TITLED_KINDS = sorted(set().union(*(kinds for kinds, _, _ in _TITLES)))


def title_code(kind: str, title: str | None):
    """(code, args) for a title CaseDesk wrote up to 0006; None for anything else."""
    for kinds, pattern, make in TITLE_PATTERNS:
        if kind not in kinds:
            continue
        m = pattern.fullmatch(title or "")
        if m is None:
            continue
        try:
            return make(m)
        except KeyError:
            return None  # the shape of a generated title, words that were not: a person's
    return None


def _code_titles() -> None:
    """Give the generated titles of existing rows their code, in batches by id. The old text
    stays in `title`: a desktop one schema behind (the server accepts N-1) still reads it,
    and a downgrade finds every title where it was."""
    bind = op.get_bind()
    events = sa.table("timeline_events", sa.column("id", sa.String), sa.column("kind", sa.String),
                      sa.column("title", sa.String), sa.column("title_code", sa.String),
                      sa.column("title_args", JSONDoc))
    select = (sa.select(events.c.id, events.c.kind, events.c.title)
              .where(events.c.title_code.is_(None), events.c.kind.in_(TITLED_KINDS),
                     events.c.id > sa.bindparam("after"))
              .order_by(events.c.id).limit(BATCH))
    update = (events.update().where(events.c.id == sa.bindparam("row_id"))
              .values(title_code=sa.bindparam("code"), title_args=sa.bindparam("args")))
    after = ""
    while True:
        rows = bind.execute(select, {"after": after}).all()
        if not rows:
            return
        after = rows[-1].id
        coded = []
        for row in rows:
            found = title_code(row.kind, row.title)
            if found is not None:
                coded.append({"row_id": row.id, "code": found[0], "args": found[1]})
        if coded:
            bind.execute(update, coded)


def upgrade() -> None:
    op.create_table(
        "security_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("code", sa.String(64), nullable=True),
        sa.Column("user_id", UUIDStr, nullable=True),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("client_addr", sa.String(64), nullable=True),
        sa.Column("detail", JSONDoc, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_events")),
    )
    op.create_index("ix_security_events_at", "security_events", ["at"])
    op.create_index("ix_security_events_user_at", "security_events", ["user_id", "at"])
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", UTCDateTime(), nullable=True),
        sa.Column("blocked_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "duplicate_reviews",
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("other_patient_id", UUIDStr, nullable=False),
        sa.Column("user_id", UUIDStr, nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("detected_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_reviews")),
    )
    op.create_index("ix_duplicate_reviews_patient_id", "duplicate_reviews", ["patient_id"])
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("code", sa.String(8), nullable=True))
        batch.add_column(sa.Column("clock_skew_s", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("revoked_at", UTCDateTime(), nullable=True))
        batch.create_unique_constraint("uq_devices_code", ["code"])
    with op.batch_alter_table("credentials") as batch:
        batch.add_column(sa.Column("must_change", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("changed_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("history", JSONDoc, nullable=True))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("name", sa.String(64), nullable=True))
        batch.add_column(sa.Column("app_version", sa.String(32), nullable=True))
        batch.add_column(sa.Column("last_addr", sa.String(64), nullable=True))
    # SQLite: a literal default lets the column be added in place. With an expression (sa.true())
    # alembic rebuilds org_units, and dropping the old table under the desktop's foreign_keys=ON
    # failed on every profile with data (patients, cases and users refer to it): upgrades from
    # 0001–0006 stopped here (tests/db/test_upgrade_profiles.py).
    active_default = sa.true() if op.get_bind().dialect.name == "postgresql" else "1"
    with op.batch_alter_table("org_units") as batch:
        batch.add_column(sa.Column("aliases", JSONDoc, nullable=True))
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default=active_default))
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(sa.Column("received_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("clock_skew_s", sa.Integer(), nullable=True))
    with op.batch_alter_table("letters") as batch:
        batch.add_column(sa.Column("printed_at_desktop", UTCDateTime(), nullable=True))
    with op.batch_alter_table("timeline_events") as batch:
        batch.add_column(sa.Column("title_code", sa.String(48), nullable=True))
        batch.add_column(sa.Column("title_args", JSONDoc, nullable=True))
    _code_titles()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION security_events_kept() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.at < now() - interval '{RETENTION_DAYS} days' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'security events are append-only and kept {RETENTION_DAYS} days: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("CREATE TRIGGER security_events_no_change BEFORE UPDATE OR DELETE ON security_events "
                   "FOR EACH ROW EXECUTE FUNCTION security_events_kept()")
        op.execute("CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events "
                   "FOR EACH STATEMENT EXECUTE FUNCTION security_events_kept()")
    _restore_history_and_published_files()


def _restore_history_and_published_files() -> None:
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", JSONDoc, nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_meta")),
    )
    op.create_table(
        "published_files",
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("published_by", UUIDStr, nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
        sa.Column("withdrawn_by", UUIDStr, nullable=True),
        sa.ForeignKeyConstraint(["published_by"], ["users.id"], name=op.f("fk_published_files_published_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_files")),
    )
    op.create_index("ix_published_files_kind_name", "published_files", ["kind", "name", "published_at"])


def downgrade() -> None:
    op.drop_index("ix_published_files_kind_name", table_name="published_files")
    op.drop_table("published_files")
    op.drop_table("server_meta")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER security_events_no_truncate ON security_events")
        op.execute("DROP TRIGGER security_events_no_change ON security_events")
        op.execute("DROP FUNCTION security_events_kept()")
    with op.batch_alter_table("timeline_events") as batch:
        batch.drop_column("title_args")
        batch.drop_column("title_code")
    with op.batch_alter_table("letters") as batch:
        batch.drop_column("printed_at_desktop")
    with op.batch_alter_table("org_units") as batch:
        batch.drop_column("active")
        batch.drop_column("aliases")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("last_addr")
        batch.drop_column("app_version")
        batch.drop_column("name")
    with op.batch_alter_table("credentials") as batch:
        batch.drop_column("history")
        batch.drop_column("changed_at")
        batch.drop_column("must_change")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("clock_skew_s")
        batch.drop_column("received_at")
    with op.batch_alter_table("devices") as batch:
        batch.drop_constraint("uq_devices_code", type_="unique")
        batch.drop_column("revoked_at")
        batch.drop_column("clock_skew_s")
        batch.drop_column("code")
    op.drop_index("ix_duplicate_reviews_patient_id", table_name="duplicate_reviews")
    op.drop_table("duplicate_reviews")
    op.drop_table("login_throttle")
    op.drop_index("ix_security_events_user_at", table_name="security_events")
    op.drop_index("ix_security_events_at", table_name="security_events")
    op.drop_table("security_events")
