"""Who sees what: roles from the [access] settings, sign-in, public links (AppTest's user context)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.dashboard_fixtures import build_fixture_store
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.access import rules
from dashboard.core.formatting import WORD_JOINER
from dashboard.core.i18n import translate

APP = Path(__file__).parents[2] / "dashboard" / "app.py"
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "hyte", "client_secret": "s",
        "server_metadata_url": "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration"}
ACCESS = {"viewers": ["@kunta.fi"], "coordinators": ["maija@kunta.fi"], "admins": ["it@kunta.fi"],
          "coordinator_groups": ["grp-hyte-coordinators"], "publish_secret": "s3cret-for-tests"}
SETTINGS = rules.parse_settings({"auth": AUTH, "access": ACCESS})


def fi(key: str, **fmt) -> str:
    return translate(key, "fi", **fmt)


# --- the rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize("claims, role", [
    ({"email": "Maija@Kunta.fi"}, "coordinator"),
    ({"email": "it@kunta.fi"}, "admin"),
    ({"email": "someone@kunta.fi"}, "viewer"),
    ({"email": "someone@kunta.fi", "groups": ["grp-hyte-coordinators"]}, "coordinator"),
    ({"preferred_username": "x@kunta.fi"}, "viewer"),  # Entra ID may give no email claim
    ({"email": "guest@example.com"}, None),
    ({}, None),
])
def test_roles_come_from_email_domain_and_group(claims, role):
    assert rules.role_for(claims, SETTINGS) == role


def test_default_role_and_no_auth():
    settings = rules.parse_settings({"auth": AUTH, "access": {"default_role": "viewer"}})
    assert rules.role_for({"email": "a@b.c"}, settings) == "viewer"
    assert not rules.parse_settings({}).auth_enabled


def test_coordinator_pages_need_the_role():
    assert rules.may_open("viewer", "overview") and not rules.may_open("viewer", "data-status")
    assert rules.may_open("coordinator", "data-status") and rules.may_open("admin", "data-status")
    assert not rules.may_open(None, "overview")
    assert rules.may_open(None, "overview", public=True) and not rules.may_open("admin", "data-status", public=True)


def test_public_links_are_signed_and_expire():
    today = dt.date(2026, 11, 23)
    token = rules.sign_public_link("k", dt.date(2026, 11, 24))
    assert rules.verify_public_link("k", token, today) == dt.date(2026, 11, 24)
    assert rules.verify_public_link("k", token, dt.date(2026, 11, 25)) is None  # expired
    assert rules.verify_public_link("other", token, today) is None  # another secret
    assert rules.verify_public_link("k", token.replace("20261124", "20261130"), today) is None  # date edited
    assert rules.verify_public_link("", token, today) is None and rules.verify_public_link("k", "junk", today) is None
    far = rules.sign_public_link("k", today + dt.timedelta(days=400))
    assert rules.verify_public_link("k", far, today) is None


@pytest.mark.parametrize("signature", ["é", "é" * 32, "\u202e" + "0" * 31, "０" * 32, ""])
def test_a_public_link_with_any_characters_is_refused_not_a_crash(signature):
    """hmac.compare_digest raises TypeError on non-ASCII str: the token came from the address bar."""
    today = dt.date(2026, 11, 23)
    assert rules.verify_public_link("k", f"20261124.{signature}", today) is None
    assert rules.verify_public_link("k", f"２０２６１１２４.{signature}", today) is None


# --- the app ----------------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def fixture_store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    build_fixture_store(url)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)


def app(user: dict | None = None, auth: bool = True, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if auth:
        at.secrets["auth"] = AUTH
        at.secrets["access"] = ACCESS
    if user is not None:
        at.user = user
    at.query_params.update(params)
    return at.run()


def go(at: AppTest, url_path: str) -> AppTest:
    """Open /<url_path> as a typed address would: st.Page keys a page on the hash of its url_path,
    which also reaches the hidden "no access" page registered there."""
    at._page_hash = calc_hash(url_path)
    return at.run()


def shown(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "markdown", "caption", "info", "warning", "error", "success")
             for e in getattr(at, kind)]
    # Stored text reaches Markdown escaped, with an invisible word joiner where a link could form.
    return "\n".join(str(p) for p in parts).replace("\\", "").replace(WORD_JOINER, "")


def badges(at: AppTest) -> list[str]:
    # st.badge is drawn as Markdown ":color-badge[:icon: text]".
    return [m.value for m in at.markdown if "-badge[" in m.value]


def test_open_mode_shows_everything_and_says_so():
    at = app(auth=False)
    assert not at.exception
    assert at.title[0].value == fi("page.overview")
    assert any(fi("access.open_banner") in b for b in badges(at))
    at = go(at, "data-status")
    assert at.title[0].value == fi("page.data_status")
    assert fi("up.title") in [s.value for s in at.subheader]


def test_anonymous_visitor_sees_only_the_sign_in_page():
    at = app({"is_logged_in": False})
    assert not at.exception
    assert [t.value for t in at.title] == [fi("access.signin.title")]
    assert at.button[0].label == fi("access.signin.button")
    assert fi("filters.title") not in shown(at) and not at.dataframe and not at.metric
    for path in ("indicators", "data-status"):
        at = go(at, path)
        assert [t.value for t in at.title] == [fi("access.signin.title")]
        assert not at.dataframe and not at.metric


def test_viewer_is_kept_out_of_coordinator_pages_even_by_url():
    at = app({"is_logged_in": True, "email": "someone@kunta.fi"})
    assert at.title[0].value == fi("page.overview")
    assert fi("access.signed_in", who="someone@kunta.fi", role=fi("access.role.viewer")) in shown(at)
    at = go(at, "data-status")
    assert at.title[0].value == fi("access.denied.title")
    assert fi("access.denied.role", role=fi("access.role.viewer")) in shown(at)
    assert fi("up.title") not in [s.value for s in at.subheader] and not at.dataframe


def test_coordinator_gets_uploads_and_the_change_log():
    at = go(app({"is_logged_in": True, "email": "maija@kunta.fi"}), "data-status")
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert fi("up.title") in headings and fi("ref.title") in headings and fi("audit.title") in headings
    assert fi("pub.title") not in headings  # public links are the administrators'


def test_signed_in_without_a_role_is_told_to_ask_for_access():
    at = app({"is_logged_in": True, "email": "guest@example.com"})
    assert at.title[0].value == fi("access.denied.title")
    assert fi("access.no_role", who="guest@example.com") in shown(at)
    assert not at.metric and not at.dataframe


def test_public_link_opens_aggregate_screens_only():
    token = rules.sign_public_link(ACCESS["publish_secret"], dt.date.today() + dt.timedelta(days=1))
    at = app({"is_logged_in": False}, public=token)
    assert not at.exception
    assert at.title[0].value == fi("page.overview")
    assert any("Julkinen esityslinkki: vain koostenäkymät" in b for b in badges(at))
    assert not any(fi("access.open_banner") in b for b in badges(at))
    at = go(at, "data-status")
    assert at.title[0].value == fi("access.denied.title")
    assert fi("access.denied.public") in shown(at)


def test_a_forged_public_link_leads_to_the_sign_in_page():
    at = app({"is_logged_in": False}, public="20991231.0000")
    assert [t.value for t in at.title] == [fi("access.signin.title")]


@pytest.mark.parametrize("garbled", ["{tomorrow}.é", "{tomorrow}.\u202e", "{tomorrow}." + "9" * 5000, "é.é"])
def test_a_garbled_public_link_is_the_sign_in_page_with_the_expired_link_notice(garbled):
    """Seen in the attack run: `?public=<date>.é` showed an anonymous visitor a TypeError traceback."""
    token = garbled.format(tomorrow=f"{dt.date.today() + dt.timedelta(days=1):%Y%m%d}")
    at = app({"is_logged_in": False}, public=token)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [fi("access.signin.title")]
    assert fi("access.public_invalid") in [w.value for w in at.warning]
    assert not at.dataframe and not at.metric


def test_the_committed_secrets_example_turns_sign_in_on():
    import tomllib

    example = tomllib.loads((APP.parent.parent / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    settings = rules.parse_settings(example)
    assert settings.auth_enabled and settings.providers == ()  # the [auth] section's own provider (Entra ID)
    assert rules.role_for({"email": "hyvinvointikoordinaattori@kunta.fi"}, settings) == "coordinator"
    assert rules.role_for({"email": "joku@kunta.fi"}, settings) == "viewer"
    assert rules.role_for({"email": "joku@muu.fi"}, settings) is None


def test_presentation_mode_does_not_open_a_screen_the_visitor_may_not_see():
    """`?present=1` draws slides, not pages: it must ask the same question before drawing one."""
    at = go(app({"is_logged_in": True, "email": "someone@kunta.fi"}, present="1"), "data-status")
    assert not at.exception
    assert at.title[0].value == fi("access.denied.title")
    assert not at.metric and not at.dataframe
    token = rules.sign_public_link(ACCESS["publish_secret"], dt.date.today() + dt.timedelta(days=1))
    at = go(app({"is_logged_in": False}, public=token, present="1"), "data-status")
    assert at.title[0].value == fi("access.denied.title")
    at = go(app({"is_logged_in": False}, public=token, present="1"), "accessibility")
    assert at.title[0].value != fi("access.denied.title")


def test_presentation_mode_leaves_the_operators_banner_off_the_slide():
    at = app(auth=False, present="1")
    assert not at.exception
    assert not any(fi("access.open_banner") in b for b in badges(at))
    assert any(fi("access.open_banner") in b for b in badges(app(auth=False)))


def test_an_unexpected_error_shows_visitors_no_details():
    """The served app (not AppTest: tests/conftest.py turns details back on) hides the exception's type,
    text and traceback (file paths) from the browser; the server log keeps them."""
    import tomllib

    config = tomllib.loads((APP.parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def _sign_in_with(auth: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = auth
    at.secrets["access"] = ACCESS
    at.user = {"is_logged_in": False}
    at.run()
    at.button(key="login-None").click().run()
    return at


def test_sign_in_with_the_provider_down_says_so_on_the_sign_in_page():
    from support.served_app import free_port

    dead = f"http://127.0.0.1:{free_port()}/.well-known/openid-configuration"
    at = _sign_in_with({**AUTH, "server_metadata_url": dead})
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [fi("access.signin.title")]
    host = dead.split("/")[2]
    assert [e.value.replace("\\", "").replace(WORD_JOINER, "") for e in at.error] == [
        fi("access.signin.unreachable", host=host)]


def test_sign_in_with_incomplete_settings_is_a_message_not_a_traceback():
    """Without cookie_secret st.login raises StreamlitAuthError (in the button's callback: a traceback)."""
    auth = {key: value for key, value in AUTH.items() if key not in ("server_metadata_url", "cookie_secret")}
    at = _sign_in_with(auth)
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [fi("access.signin.misconfigured")]
