"""The quick forms' rows: a meeting logged (a row of meetings, one of meeting_topics per topic) and an
event logged (a row of events), appended to the registers' current rows. Pure: the widgets collect the
answers, the register editors' check and save path do the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data_pipeline.inputs.register_rows import RegisterRows

YES_NO_FALLBACK = ("kyllä", "ei")


def _date(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _free_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _ids(rows: RegisterRows, column: str) -> set[str]:
    i = rows.columns.index(column)
    return {row[i] for row in rows.rows}


def _row(columns: tuple[str, ...], values: dict[str, str]) -> tuple[str, ...]:
    return tuple(values.get(c, "") for c in columns)


@dataclass(frozen=True)
class Meeting:
    day: dt.date
    group: str
    invited: int | None
    present: int | None
    joint: bool
    areas: tuple[str, ...]
    topic: str = ""


def meeting_rows(meetings: RegisterRows, topics: RegisterRows, meeting: Meeting,
                 yes_no: tuple[str, str] = YES_NO_FALLBACK) -> tuple[str, list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The new meeting's id, and the meetings and meeting_topics registers with it added."""
    meeting_id = _free_id(f"{meeting.group}-{meeting.day:%Y%m%d}", _ids(meetings, "id"))
    row = _row(meetings.columns, {
        "id": meeting_id, "group": meeting.group, "date": _date(meeting.day),
        "joint": yes_no[0] if meeting.joint else yes_no[1],
        "invited": "" if meeting.invited is None else str(meeting.invited),
        "present": "" if meeting.present is None else str(meeting.present)})
    topic_rows = [_row(topics.columns, {"meeting": meeting_id, "priority_area": area, "topic": meeting.topic.strip()})
                  for area in meeting.areas]
    return meeting_id, [*meetings.rows, row], [*topics.rows, *topic_rows]


@dataclass(frozen=True)
class Event:
    day: dt.date
    title: str
    district: str | None
    department: str
    event_type: str
    level: str
    participants: dict[str, int]  # age group code -> participants


def event_rows(events: RegisterRows, event: Event) -> tuple[str, list[tuple[str, ...]]]:
    """The new event's id, and the events register with it added."""
    event_id = _free_id(f"e-{event.day:%Y%m%d}", _ids(events, "id"))
    values = {"id": event_id, "title": event.title.strip(), "date": _date(event.day), "district": event.district or "",
              "department": event.department, "event_type": event.event_type, "level": event.level}
    values.update({f"participants_{code}": str(n) for code, n in event.participants.items() if n})
    return event_id, [*events.rows, _row(events.columns, values)]
