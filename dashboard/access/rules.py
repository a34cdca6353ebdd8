"""Who may see what: roles from the `[access]` settings and signed public presentation links.

Pure functions of plain data (no Streamlit), so every rule is tested directly; dashboard/access.py
applies them to the session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

# Each role includes the ones before it.
ROLES = ("viewer", "coordinator", "admin")
# Screens that show only aggregates (small counts suppressed): what a public link may open.
PUBLIC_PAGES = frozenset({"overview", "indicators", "participation", "working-groups", "partnerships",
                          "accessibility"})
# Screens a coordinator needs: the data status with uploads, restores and refresh; the register editors;
# the plan's editor; the council report's texts.
COORDINATOR_PAGES = frozenset({"data-status", "registers", "plan", "report"})
# Screens for administrators: setting up a new municipality's package writes files on the server.
ADMIN_PAGES = frozenset({"setup"})
# Who did a change in open mode, as the change log stores it (the screen says it in its language).
OPEN_ACTOR = "open mode (no sign-in)"
# A public link can be made for at most this long: it is meant for one meeting, not forever.
MAX_PUBLIC_DAYS = 31


@dataclass(frozen=True)
class AccessSettings:
    """The `[access]` section of secrets.toml, with sign-in on when an `[auth]` section exists."""

    auth_enabled: bool = False
    providers: tuple[str, ...] = ()  # named providers ([auth.microsoft], ...); () = the [auth] one
    members: dict[str, tuple[str, ...]] = None  # role -> e-mails and "@domain" entries
    groups: dict[str, tuple[str, ...]] = None  # role -> group ids in the group claim
    group_claim: str = "groups"
    default_role: str | None = None  # for a signed-in person matching no entry (None: no access)
    publish_secret: str = ""


def _strings(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_settings(secrets: dict) -> AccessSettings:
    """Settings from the secrets as a dict; unknown roles in `default_role` are ignored (no access)."""
    auth = secrets.get("auth") or {}
    access = secrets.get("access") or {}
    # A named provider is a sub-table with its own client ([auth.microsoft]); client_kwargs is not one.
    providers = tuple(name for name, value in auth.items() if isinstance(value, dict) and "client_id" in value)
    default = access.get("default_role")
    return AccessSettings(
        auth_enabled=bool(auth),
        providers=providers,
        members={role: tuple(e.strip().lower() for e in _strings(access.get(f"{role}s"))) for role in ROLES},
        groups={role: _strings(access.get(f"{role}_groups")) for role in ROLES},
        group_claim=str(access.get("group_claim", "groups")),
        default_role=default if default in ROLES else None,
        publish_secret=str(access.get("publish_secret", "")),
    )


def role_for(claims: dict, settings: AccessSettings) -> str | None:
    """The highest role the identity token's claims earn: by e-mail, e-mail domain or group."""
    email = str(claims.get("email") or claims.get("preferred_username") or "").strip().lower()
    domain = "@" + email.rsplit("@", 1)[1] if "@" in email else None
    token_groups = set(_strings(claims.get(settings.group_claim)))
    for role in reversed(ROLES):
        listed = settings.members.get(role, ())
        if email and (email in listed or (domain and domain in listed)):
            return role
        if token_groups & set(settings.groups.get(role, ())):
            return role
    return settings.default_role


def at_least(role: str | None, wanted: str) -> bool:
    return role is not None and ROLES.index(role) >= ROLES.index(wanted)


def may_open(role: str | None, page: str, public: bool = False) -> bool:
    """May a visitor with `role` (or holding a public link) open the screen at url path `page`?"""
    if public:
        return page in PUBLIC_PAGES
    if page in ADMIN_PAGES:
        return at_least(role, "admin")
    if page in COORDINATOR_PAGES:
        return at_least(role, "coordinator")
    return at_least(role, "viewer")


def _signature(secret: str, expires: dt.date) -> str:
    message = f"hyte-public:{expires.isoformat()}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def sign_public_link(secret: str, expires: dt.date) -> str:
    """A token for `?public=`: the last valid day and an HMAC of it. Nothing is stored server-side;
    changing publish_secret revokes every link made so far."""
    if not secret:
        raise ValueError("publish_secret is not set")
    return f"{expires:%Y%m%d}.{_signature(secret, expires)}"


def verify_public_link(secret: str, token: str | None, today: dt.date) -> dt.date | None:
    """The link's last valid day if `token` is genuine and not expired, else None."""
    if not secret or not token or "." not in token:
        return None
    day, signature = token.split(".", 1)
    if not (len(day) == 8 and day.isascii() and day.isdigit()):
        return None  # strptime would take other scripts' digits too
    try:
        expires = dt.datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return None
    # Bytes: compare_digest raises TypeError on a non-ASCII str, and the token comes from the address bar.
    if not hmac.compare_digest(signature.encode(), _signature(secret, expires).encode()):
        return None
    if expires < today or expires > today + dt.timedelta(days=MAX_PUBLIC_DAYS):
        return None
    return expires
