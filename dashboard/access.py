"""Access for the session: sign-in page, the role gate of every screen, banners and public links.

Sign-in is Streamlit's OIDC login (st.login, settings in the `[auth]` section of
.streamlit/secrets.toml); roles come from its `[access]` section (dashboard.access_rules). Without
an `[auth]` section the app is open, as for the local demo, and a banner says so. A screen the
visitor may not open stays registered under its own address, drawn as a "no access" message, so a
direct link tells the visitor why instead of Streamlit's "page not found".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from dashboard import access_rules as rules
from dashboard import url_state
from dashboard.formatting import fmt_date, plain
from dashboard.i18n import current_language, t

# The URL parameter of a public presentation link, kept in the URL as filters are.
PUBLIC_PARAM = "public"
# Who the audit log names when nobody signs in (open mode).
OPEN_ACTOR = "open mode (no sign-in)"
# Session flag: this session brought a public link that was refused (expired, edited or garbled).
_PUBLIC_REFUSED = "_public_link_refused"


@dataclass(frozen=True)
class Visitor:
    mode: str  # open | signed_in | anonymous | public
    role: str | None = None
    who: str = ""
    public_until: dt.date | None = None

    @property
    def sees_data(self) -> bool:
        return self.mode in ("open", "public") or (self.mode == "signed_in" and self.role is not None)

    def may_open(self, page: str) -> bool:
        if self.mode == "open":
            return True
        return rules.may_open(self.role, page, public=self.mode == "public")

    @property
    def manages_data(self) -> bool:
        """Uploads, restores and refresh (coordinators; everyone in open mode, as the local demo)."""
        return self.mode == "open" or (self.mode == "signed_in" and rules.at_least(self.role, "coordinator"))

    @property
    def is_admin(self) -> bool:
        return self.mode == "open" or (self.mode == "signed_in" and rules.at_least(self.role, "admin"))


def settings() -> rules.AccessSettings:
    try:
        secrets = st.secrets.to_dict()
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        secrets = {}  # no secrets.toml: the open local demo
    return rules.parse_settings(secrets)


def current_visitor(config: rules.AccessSettings | None = None) -> Visitor:
    config = config or settings()
    if PUBLIC_PARAM not in st.session_state and st.query_params.get(PUBLIC_PARAM):
        st.session_state[PUBLIC_PARAM] = st.query_params[PUBLIC_PARAM]
    token = st.session_state.get(PUBLIC_PARAM)
    if token:
        until = rules.verify_public_link(config.publish_secret, token, dt.date.today())
        if until is not None:
            # Written back on every run: a page switch would otherwise drop it from the address.
            url_state.write_to_url(PUBLIC_PARAM, token, None)
            return Visitor("public", who="public link", public_until=until)
        st.session_state[PUBLIC_PARAM] = None
        st.session_state[_PUBLIC_REFUSED] = True  # said again on the sign-in page, which stays
        url_state.write_to_url(PUBLIC_PARAM, None, None)
        st.toast(t("access.public_invalid"), icon=":material/link_off:")
    if not config.auth_enabled:
        return Visitor("open", who=OPEN_ACTOR)
    if not st.user.get("is_logged_in", False):
        return Visitor("anonymous")
    claims = st.user.to_dict()
    email = str(claims.get("email") or claims.get("preferred_username") or "")
    return Visitor("signed_in", rules.role_for(claims, config), email)


def page_for(visitor: Visitor, path: Path, title: str, url_path: str, icon: str) -> st.Page:
    """The screen itself, or in its place (same address, hidden) the sign-in or "no access" page."""
    if visitor.may_open(url_path):
        return st.Page(path, title=title, url_path=url_path, icon=icon)
    if visitor.mode == "anonymous":
        return st.Page(_sign_in_page, title=t("access.signin.title"), url_path=url_path, icon=icon,
                       visibility="hidden")
    if visitor.mode == "signed_in" and visitor.role is None:
        return st.Page(_no_role_page, title=title, url_path=url_path, icon=icon, visibility="hidden")
    return st.Page(_denied_page, title=title, url_path=url_path, icon=icon, visibility="hidden")


def show(visitor: Visitor, *, banner: bool = True) -> bool:
    """Draw who is signed in (or the open / public banner); False if the visitor may see no data.

    Without `banner` (presentation mode: the audience sees slides, not the operator's notices) only
    the answer is given.
    """
    if not banner:
        pass
    elif visitor.mode == "open":
        st.badge(t("access.open_banner"), icon=":material/lock_open:", color="gray")
    elif visitor.mode == "public":
        st.badge(t("access.public_banner", until=fmt_date(visitor.public_until, current_language())),
                 icon=":material/co_present:", color="blue")
    elif visitor.mode == "signed_in":
        role = t(f"access.role.{visitor.role}") if visitor.role else t("access.role.none")
        st.sidebar.caption(t("access.signed_in", who=plain(visitor.who), role=role))
        st.sidebar.button(t("access.signout"), on_click=st.logout, icon=":material/logout:")
    return visitor.sees_data


def _sign_in_page() -> None:
    st.title(t("access.signin.title"), anchor=False)
    st.markdown(t("access.signin.lead"))
    if st.session_state.get(_PUBLIC_REFUSED):
        st.warning(t("access.public_invalid"), icon=":material/link_off:")
    providers = settings().providers
    for provider in providers or (None,):
        label = t("access.signin.with", provider=provider.title()) if provider else t("access.signin.button")
        st.button(label, on_click=st.login, args=(provider,) if provider else (), type="primary",
                  icon=":material/login:", key=f"login-{provider}")


def _no_role_page() -> None:
    st.title(t("access.denied.title"), anchor=False)
    st.warning(t("access.no_role", who=plain(st.user.get("email") or "")), icon=":material/person_off:")


def _denied_page() -> None:
    st.title(t("access.denied.title"), anchor=False)
    visitor = current_visitor()
    if visitor.mode == "public":
        st.warning(t("access.denied.public"), icon=":material/lock:")
    else:
        st.warning(t("access.denied.role", role=t(f"access.role.{visitor.role}")), icon=":material/lock:")
