"""Comparing the JSON a value was decoded from with the JSON it encodes back to: numbers by value,
date-times as instants to the microsecond, everything else exactly; a member that is `null` on one
side and absent on the other is a difference of its own kind."""
import calendar
import json
import re
from decimal import Decimal
from fractions import Fraction

DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$")


def instant(text):
    """Nanoseconds since 1970 of an RFC 3339 date-time, exactly (a `Fraction`); `None` if it is
    not one."""
    match = DATE_TIME.match(text) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    try:
        seconds = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))
    except (ValueError, OverflowError):
        return None
    fraction = Fraction(int(match.group(7)), 10 ** len(match.group(7))) if match.group(7) else Fraction(0)
    zone = match.group(8)
    offset = 0
    if zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        offset = sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return (seconds - offset + fraction) * 10 ** 9


def differences(sent, back):
    """(kind, path, detail) for every way `back` differs from `sent`; a path is a tuple of keys
    and indices. Kinds: `null-vs-absent`, `missing`, `added`, `date-time`, `date-time-precision`
    (within a millisecond, not at microsecond precision), `number`, `value`."""
    found = []
    _compare(sent, back, (), found)
    return found


def render(path):
    """`$.a[0].b`, with keys that are not identifiers quoted."""
    text = "$"
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", step):
            text += "." + step
        else:
            text += f"[{json.dumps(step, ensure_ascii=False)}]"
    return text


def without(value, path):
    """A copy of `value` with the member at `path` removed."""
    if len(path) == 1:
        return {k: v for k, v in value.items() if k != path[0]}
    head = path[0]
    if isinstance(value, list):
        return [without(v, path[1:]) if i == head else v for i, v in enumerate(value)]
    return {k: (without(v, path[1:]) if k == head else v) for k, v in value.items()}


def _compare(sent, back, path, found):
    if isinstance(sent, dict) and isinstance(back, dict):
        for key in sent:
            child = path + (key,)
            if key not in back:
                found.append(("null-vs-absent" if sent[key] is None else "missing", child,
                              f"sent {_short(sent[key])}, absent when encoded back"))
            else:
                _compare(sent[key], back[key], child, found)
        for key in back:
            if key not in sent:
                found.append(("null-vs-absent" if back[key] is None else "added", path + (key,),
                              f"absent when sent, encoded back as {_short(back[key])}"))
        return
    if isinstance(sent, list) and isinstance(back, list):
        if len(sent) != len(back):
            found.append(("value", path, f"{len(sent)} items sent, {len(back)} back"))
            return
        for index, (a, b) in enumerate(zip(sent, back)):
            _compare(a, b, path + (index,), found)
        return
    if _is_number(sent) and _is_number(back):
        if Decimal(repr(sent)) != Decimal(repr(back)):
            found.append(("number", path, f"sent {sent!r}, back {back!r}"))
        return
    if isinstance(sent, str) and isinstance(back, str) and sent != back:
        a, b = instant(sent), instant(back)
        if a is not None and b is not None:
            gap = abs(a - b)
            # The same instant at microsecond precision: exactly, for a value sent with at most 6
            # fractional digits; within a microsecond for finer ones (rounded to the microsecond
            # through a `Double`, which far from 2001 holds only about half a microsecond).
            if gap == 0 or (_fraction_digits(sent) > 6 and gap < 1000):
                return
            kind = "date-time-precision" if gap < 10 ** 6 else "date-time"
            found.append((kind, path, f"sent {sent}, back {back}"))
            return
    if type(sent) is not type(back) or sent != back:
        found.append(("value", path, f"sent {_short(sent)}, back {_short(back)}"))


def _fraction_digits(text):
    match = DATE_TIME.match(text)
    return len(match.group(7) or "") if match else 0


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _short(value, limit=80):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


def put(value, path, member):
    """A copy of `value` with `member` at `path` (added or replaced)."""
    head = path[0]
    if isinstance(value, list):
        return [put(v, path[1:], member) if len(path) > 1 and i == head else (member if i == head else v)
                for i, v in enumerate(value)]
    copy = dict(value)
    copy[head] = put(value[head], path[1:], member) if len(path) > 1 else member
    return copy
