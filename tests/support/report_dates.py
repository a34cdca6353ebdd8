"""The council report tests' dates: the demo's last full year of indicator data (the council term ends with
it) and the day the reports are made on."""

from datetime import date

YEAR = 2025
TODAY = date(2026, 3, 1)
