"""The app's screens, listed once: the router (dashboard/app.py), the tests and the benchmarks read this list.

A screen added here is routed, put in the sidebar and opened by every test that goes through all pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    file: str          # under pages/
    url_path: str      # its address: /overview
    title_key: str     # the catalogue key of its title (its h1: how a test knows it has rendered)
    icon: str
    store: bool = True     # needs the store (the setup screen writes a package before one exists)
    data: bool = True      # shows the store's figures, so the sidebar's filters apply to it


# The first one is where "/" leads.
SCREENS: tuple[Screen, ...] = (
    Screen("overview.py", "overview", "page.overview", ":material/dashboard:"),
    Screen("indicators.py", "indicators", "page.indicators", ":material/monitoring:"),
    Screen("participation.py", "participation", "page.participation", ":material/groups:"),
    Screen("working_groups.py", "working-groups", "page.working_groups", ":material/event:"),
    Screen("partnerships.py", "partnerships", "page.partnerships", ":material/handshake:"),
    Screen("data_status.py", "data-status", "page.data_status", ":material/fact_check:"),
    Screen("registers.py", "registers", "page.registers", ":material/edit_note:", data=False),
    Screen("plan.py", "plan", "page.plan", ":material/flag:"),
    Screen("report.py", "report", "page.report", ":material/article:", data=False),
    Screen("accessibility.py", "accessibility", "page.accessibility", ":material/accessibility_new:", data=False),
    Screen("setup.py", "setup", "page.setup", ":material/add_location_alt:", store=False, data=False),
)

# Screens that need no store: the setup page writes a new municipality's package before one exists.
STORELESS = frozenset(s.url_path for s in SCREENS if not s.store)


def with_store() -> dict[str, str]:
    """url path -> title key of every screen that opens on a store (what the browser tests visit)."""
    return {s.url_path: s.title_key for s in SCREENS if s.store}


def with_data() -> tuple[Screen, ...]:
    """The screens that show the store's figures."""
    return tuple(s for s in SCREENS if s.data)
