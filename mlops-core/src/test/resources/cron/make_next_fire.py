#!/usr/bin/env python3
"""Reference next-fire times for CronExpressionTest, found by brute force (day by day, then minute by minute).

An independent implementation of the same rules: five fields, names, ranges, steps, lists, day-of-week 0 and 7
for Sunday, and Vixie cron's rule that a day matches when either day field matches if both are restricted.
All times are UTC. Run: python3 make_next_fire.py > next-fire.csv
"""
from datetime import datetime, timedelta

MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
DAYS = "SUN MON TUE WED THU FRI SAT".split()
MACROS = {"@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@hourly": "0 * * * *",
          "@yearly": "0 0 1 1 *"}


def value(text, names, base):
    if text.upper() in names:
        return names.index(text.upper()) + base
    return int(text)


def field(text, lo, hi, names=(), base=0):
    out = set()
    for part in text.split(","):
        rng, step = (part.split("/") + ["1"])[:2]
        step = int(step)
        if rng in ("*", "?"):
            a, b = lo, hi
        elif "-" in rng:
            a, b = (value(x, names, base) for x in rng.split("-"))
        else:
            a = value(rng, names, base)
            b = hi if "/" in part else a
        out.update(range(a, b + 1, step))
    return out


def next_fire(expr, after):
    f = MACROS.get(expr, expr).split()
    minutes, hours = field(f[0], 0, 59), field(f[1], 0, 23)
    dom, months = field(f[2], 1, 31), field(f[3], 1, 12, MONTHS, 1)
    dow = {d % 7 for d in field(f[4], 0, 7, DAYS, 0)}
    both = not f[2].startswith("*") and not f[4].startswith("*")
    day = after.replace(hour=0, minute=0)
    for _ in range(366 * 30):
        cron_dow = (day.weekday() + 1) % 7
        d_ok = (day.day in dom) or (cron_dow in dow) if both else (day.day in dom) and (cron_dow in dow)
        if day.month in months and d_ok:
            t = day
            while t.date() == day.date():
                if t > after and t.hour in hours and t.minute in minutes:
                    return t
                t += timedelta(minutes=1)
        day += timedelta(days=1)
    return None


CASES = [
    ("0 0 31 * *", "2025-01-31T00:00"),
    ("0 0 31 * *", "2025-04-15T12:00"),
    ("0 12 29 2 *", "2025-03-01T00:00"),
    ("*/15 9-17 * * MON-FRI", "2025-01-31T17:50"),
    ("*/15 9-17 * * MON-FRI", "2025-02-03T09:00"),
    ("0 0 1,15 * *", "2025-02-15T00:00"),
    ("30 2 * * 7", "2025-03-01T03:00"),
    ("30 2 * * SUN", "2025-03-02T02:30"),
    ("0 0 13 * FRI", "2025-06-01T00:00"),
    ("0 0 13 * FRI", "2025-06-06T00:00"),
    ("5/10 * * * *", "2025-12-31T23:58"),
    ("59 23 31 12 *", "2025-12-31T23:59"),
    ("0 0 * jan,jul *", "2025-01-31T23:59"),
    ("0 22 * * 1-5", "2024-02-29T22:00"),
    ("0 0 29 2 *", "2024-02-29T00:00"),
    ("@monthly", "2025-01-31T10:00"),
    ("@weekly", "2025-01-01T00:00"),
    ("@hourly", "2025-01-31T23:30"),
    ("0-10/5 1 1 */3 *", "2025-02-10T00:00"),
    ("15 14 1 * *", "2025-11-30T23:59"),
]


def main():
    print("expression,after,next")
    for expr, after in CASES:
        start = datetime.fromisoformat(after)
        nxt = next_fire(expr, start)
        print(f"{expr},{after}Z,{nxt.isoformat(timespec='minutes')}Z")


if __name__ == "__main__":
    main()
