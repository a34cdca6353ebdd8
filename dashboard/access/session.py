"""Access for the session: sign-in page, the role gate of every screen, banners and public links.

Sign-in is Streamlit's OIDC login (st.login, settings in the `[auth]` section of
.streamlit/secrets.toml); roles come from its `[access]` section (dashboard.access_rules). Without
an `[auth]` section the app is open, as for the local demo, and a banner says so. A screen the
visitor may not open stays registered under its own address, drawn as a "no access" message, so a
direct link tells the visitor why instead of Streamlit's "page not found".
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAuthError, StreamlitSecretNotFoundError

from dashboard.access import rules
from dashboard.core import url_state
from dashboard.core.formatting import fmt_date, plain
from dashboard.core.i18n import current_language, t

# The URL parameter of a public presentation link, kept in the URL as filters are.
PUBLIC_PARAM = "public"
# Who the audit log names when nobody signs in (open mode).
OPEN_ACTOR = rules.OPEN_ACTOR
# Session flag: this session brought a public link that was refused (expired, edited or garbled).
_PUBLIC_REFUSED = "_public_link_refused"
# `?signin=failed`: the browser came back from the identity provider without a signed-in person.
SIGNIN_PARAM = "signin"
# Why the last sign-in click did not leave for the provider: ("unreachable", host) or ("misconfigured",).
_SIGNIN_PROBLEM = "_signin_problem"
_RETURNED = "_signin_returned"
# How long the sign-in button waits for the provider's discovery document before saying it is down.
PROVIDER_TIMEOUT_SECONDS = 5

log = logging.getLogger(__name__)

# Streamlit's /oauth2callback always returns to "/", so the tab's sessionStorage remembers the address
# the visitor asked for and whether a sign-in was started from it: once signed in, _RETURN_JS goes
# back there; coming back *not* signed in from a started sign-in (the provider refused it, a wrong
# client secret, the person cancelled) reopens that address with ?signin=failed, which is explained.
_SIGNIN_JS = """<span class="hyte-script"></span><script>
(() => {
  const key = "hyte-signin";
  const here = new URL(location.href);
  if (!window.hyteSignin) {  // once a page load (the element is mounted again on some reruns)
    window.hyteSignin = {clicked: false};
    const saved = JSON.parse(sessionStorage.getItem(key) || "null");
    if (saved && saved.started) {
      sessionStorage.removeItem(key);
      if (!here.searchParams.has("signin")) {
        const back = new URL(saved.path, location.origin);
        back.searchParams.set("signin", "failed");
        location.replace(back);
        return;
      }
    }
    // Started = the tab left for the provider right after a sign-in click (not: the click was
    // answered on this page, e.g. "the provider does not answer").
    document.addEventListener("click", (event) => {
      window.hyteSignin.clicked = Boolean(event.target.closest("[class*='st-key-login-'] button"));
    }, true);
    window.addEventListener("pagehide", () => {
      if (!window.hyteSignin.clicked) return;
      const state = JSON.parse(sessionStorage.getItem(key) || "{}");
      state.started = true;
      sessionStorage.setItem(key, JSON.stringify(state));
    });
  }
  here.searchParams.delete("signin");
  sessionStorage.setItem(key, JSON.stringify({path: here.pathname + here.search, started: false}));
})();
</script>"""
_RETURN_JS = """<span class="hyte-script"></span><script>
(() => {
  const saved = JSON.parse(sessionStorage.getItem("hyte-signin") || "null");
  sessionStorage.removeItem("hyte-signin");
  // Not only after a click seen as a sign-in start: a quick click can come before _SIGNIN_JS has run
  // (seen in tests on a loaded machine: signed in, but left on the overview). The address was saved
  // by this tab's sign-in page, and coming back signed in means the sign-in started there.
  if (saved && saved.path && saved.path !== location.pathname + location.search) {
    location.replace(saved.path);
  }
})();
</script>"""


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
    if PUBLIC_PARAM not in st.session_state:
        token, refused = url_state.read_or_refused(PUBLIC_PARAM)
        if token or refused:  # a refused one (too long) fails the check below: the invalid-link notice
            st.session_state[PUBLIC_PARAM] = token or refused
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
    if visitor.mode == "signed_in" and not st.session_state.get(_RETURNED):
        st.session_state[_RETURNED] = True  # once a session: back to the address asked for, if any
        st.html(_RETURN_JS, unsafe_allow_javascript=True)
    return visitor.sees_data


def _sign_in_page() -> None:
    st.title(t("access.signin.title"), anchor=False)
    st.markdown(t("access.signin.lead"))
    if st.session_state.get(_PUBLIC_REFUSED):
        st.warning(t("access.public_invalid"), icon=":material/link_off:")
    problem = st.session_state.pop(_SIGNIN_PROBLEM, None)
    if problem and problem[0] == "unreachable":
        st.error(t("access.signin.unreachable", host=plain(problem[1])), icon=":material/cloud_off:")
    elif problem:
        st.error(t("access.signin.misconfigured"), icon=":material/settings:")
    elif url_state.read(SIGNIN_PARAM, ("failed",)) == "failed":
        st.error(t("access.signin.failed"), icon=":material/error:")
    providers = settings().providers
    for provider in providers or (None,):
        label = t("access.signin.with", provider=provider.title()) if provider else t("access.signin.button")
        st.button(label, on_click=_start_sign_in, args=(provider,), type="primary",
                  icon=":material/login:", key=f"login-{provider}")
    st.html(_SIGNIN_JS, unsafe_allow_javascript=True)


def _start_sign_in(provider: str | None) -> None:
    """st.login, unless the provider is down or the settings are wrong: then the sign-in page says so.

    Streamlit would otherwise send the browser to a bare "Authentication error" (provider down) or
    raise in the app (settings incomplete).
    """
    try:
        auth = st.secrets.get("auth", {})
        url = str((auth.get(provider, {}) if provider else auth).get("server_metadata_url", ""))
    except (FileNotFoundError, StreamlitSecretNotFoundError, AttributeError):
        url = ""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        log.error("sign-in is misconfigured in secrets.toml [auth]: server_metadata_url %r is not an "
                  "http(s) address of the provider's /.well-known/openid-configuration", url)
        st.session_state[_SIGNIN_PROBLEM] = ("misconfigured",)
        return
    host = parts.netloc
    try:
        with urllib.request.urlopen(url, timeout=PROVIDER_TIMEOUT_SECONDS) as reply:
            metadata = json.load(reply)
        if not isinstance(metadata, dict) or "authorization_endpoint" not in metadata:
            raise ValueError("no authorization_endpoint in the discovery document")
    except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections, bad JSON
        log.warning("sign-in: the identity provider's discovery document %s: %s", url or "(not set)", exc)
        st.session_state[_SIGNIN_PROBLEM] = ("unreachable", host)
        return
    try:
        st.login(provider)  # None: the [auth] section's own provider
    except StreamlitAuthError as exc:
        log.error("sign-in is misconfigured in secrets.toml [auth]: %s", exc)
        st.session_state[_SIGNIN_PROBLEM] = ("misconfigured",)


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
