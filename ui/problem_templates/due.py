"""How a due date was computed (app/pathway/engine.py's Due: its steps and warnings), worded by
ui/due_words.py. The dates, weekdays, intervals and nested parts ({runs}, {since}, {elapsed},
{span}) are filled in by due_words before a template is used."""
from __future__ import annotations

ENGLISH = {
    "due.date": "Due {date} ({weekday})",
    "due.rule": "Rule {rule}, version {version}",
    "due.rule_text": "Rule {rule}, version {version}, {source}: {text}",
    "due.add": "{start} + {interval} = {date}",
    "due.add_clamped": "{start} + {interval} = {date} (that month has no day {day}: its last day)",
    "due.moved": "{date} is not a working day ({runs}) → moved to the next working day, {to} ({to_weekday}) "
                 "[holiday data: {source}]",
    "due.run_weekend": "{span}: weekend",
    "due.run_holiday": "{span}: {holiday} holiday",
    "due.span": "{first}–{last}",
    "due.month_day": "{day} {month}",
    "due.stays_uncovered": "{date} ({weekday}) is not a weekend, so it stays; the holidays of that year are not "
                           "in the data, so whether it is a day off cannot be checked",
    "due.stays_makeup": "{date} ({weekday}) is a make-up working day for {holiday}, so it stays "
                        "[holiday data: {source}]",
    "due.stays_workday": "{date} ({weekday}) is a working day, so it stays [holiday data: {source}]",
    "due.no_source": "none (the year is not in the data)",
    "due.phase_until": "Counted from {anchor}{since}: {elapsed} had passed by {last} → phase {phase}: "
                       "every {every} for {until}",
    "due.phase_after": "Counted from {anchor}{since}: {elapsed} had passed by {last} → phase {phase}: "
                       "every {every} from then on",
    "due.since_this_stage": " (entering this stage)",
    "due.since_stage_entered": " (entered the {stage} stage on {date})",
    "due.since_opened": " (no date of entering this stage is recorded: the day the case was opened)",
    "due.since_option": " (--anchor)",
    "due.since_text": " ({text})",
    "due.screening": "Screening programme {programme}: an invitation every {every}",
    "due.first_invitation": "Newly in screening programme {programme}: the first invitation within {interval} "
                            "(by {latest}), on the last working day inside it",
    "due.nodule_at_least": "A {nodule} nodule of {size_mm} mm: the ≥{min_mm} mm category",
    "due.nodule_between": "A {nodule} nodule of {size_mm} mm: the {min_mm}–<{below_mm} mm category",
    "due.no_schedule": "No follow-up schedule fits {cancer} in the {stage} stage: one month later by default",
    "due.outcome": "Follow-up outcome “{outcome}”: the next follow-up {interval} later",
    "due.no_case": "No case linked: {interval} later by default",
    "due.text": "{text}",
    "due.holidays_uncovered": "⚠ The statutory holidays and make-up working days of {year} are not in the data "
                              "({data} has no {year}, and there is no rules/holidays/{year}.toml): dates were "
                              "moved over weekends only and may fall on a holiday. Ask an administrator to add "
                              "the year's holiday file.",
    "due.day_workday": "{date} ({weekday}): a working day [holiday data: {source}]",
    "due.day_makeup": "{date} ({weekday}): a make-up working day for {holiday} [holiday data: {source}]",
    "due.day_weekend": "{date} ({weekday}): weekend, not a working day [holiday data: {source}]",
    "due.day_holiday": "{date} ({weekday}): {holiday} holiday, not a working day [holiday data: {source}]",
    "due.planned_by": "Planned by rule {rule}, version {version}",
    "due.planned_by_text": "Planned by rule {rule}, version {version}, {source}: {text}",
    "due.planned_by_missing": "Planned by rule {rule}, which the current rule set does not have",
    "due.planned_by_hand": "Planned by hand, by no rule",
    "due.rules_file": "{path}  (version {version})",
    "due.days": "{n} days",
    "due.day_1": "1 day",
    "due.weeks": "{n} weeks",
    "due.week_1": "1 week",
    "due.months": "{n} months",
    "due.month_1": "1 month",
    "due.years": "{n} years",
    "due.year_1": "1 year",
    "due.years_months": "{years} {months}",
}

TERM_PARAMS = {
    "due:weekday": "weekday", "due:to_weekday": "weekday", "due:holiday": "holiday", "due:nodule": "nodule",
    "due:stage": "stage", "due:cancer": "tl_cancer", "due:outcome": "due_outcome", "due:month": "month",
}

TERMS = {
    "weekday.0": "Mon", "weekday.1": "Tue", "weekday.2": "Wed", "weekday.3": "Thu", "weekday.4": "Fri",
    "weekday.5": "Sat", "weekday.6": "Sun",
    "month.1": "Jan", "month.2": "Feb", "month.3": "Mar", "month.4": "Apr", "month.5": "May", "month.6": "Jun",
    "month.7": "Jul", "month.8": "Aug", "month.9": "Sep", "month.10": "Oct", "month.11": "Nov", "month.12": "Dec",
    "holiday.new_year": "New Year's Day",
    "holiday.spring_festival": "Spring Festival",
    "holiday.qingming": "Qingming Festival",
    "holiday.labour_day": "Labour Day",
    "holiday.dragon_boat": "Dragon Boat Festival",
    "holiday.mid_autumn": "Mid-Autumn Festival",
    "holiday.national_day": "National Day",
    "holiday.victory_day": "Victory Day",
    # As the completion dialog's outcome list names them (ui/calendar/labels.outcome).
    "due_outcome.stable": "Stable",
    "due_outcome.symptoms": "Symptoms, advised to see a doctor",
    "due_outcome.needs_visit": "Needs a clinic re-check",
    "due_outcome.hospitalised": "In hospital",
    "due_outcome.recurrence_suspected": "Recurrence suspected",
    "due_outcome.declined": "Declined follow-up",
    "due_outcome.moved_away": "Moved away",
    "due_outcome.deceased": "Deceased",
    "nodule.solid": "solid",
    "nodule.non_solid": "non-solid",
}
