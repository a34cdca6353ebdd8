"""Sign-in for real: Chromium, a certified OpenID Connect provider and two app replicas behind nginx.

Everything runs on 127.0.0.1: node-oidc-provider (tests/oidc/provider.mjs) with the test people
viewer, coordinator, admin, domain (an @kunta.test address), group (a coordinator by group claim) and
nobody; two `streamlit run` replicas with the same secrets.toml (written to a temp folder and given
with --secrets.files, never into .streamlit/); and Debian's nginx running a copy of
deploy/nginx-hyte.conf in front of them, through which every browser request goes, as in production.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from support.dashboard_fixtures import build_fixture_store
from support.oidc_stack import COOKIE_SECRET, need_node, nginx, provider, render_nginx, secrets_toml
from support.served_app import PAGES, SHOTS, Requests, chromium, free_port, serve

from dashboard.core.formatting import plain
from dashboard.core.i18n import LANGUAGES, translate

pytestmark = [pytest.mark.oidc, pytest.mark.browser]

USER_COOKIE = "_streamlit_user"
WAIT_MS = 90_000  # two test processes, two replicas, nginx, a provider and Chromium share 2 cores


def fi(key: str, **fmt) -> str:
    return translate(key, "fi", **fmt)


class Stack:
    def __init__(self, base: str, replicas: dict[int, contextlib.AbstractContextManager], metadata_url: str,
                 folder, store_url: str):
        self.base, self.replicas, self.metadata_url = base, replicas, metadata_url
        self.folder, self.store_url = folder, store_url


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    need_node()  # skip first, with the reason, before starting anything
    folder = tmp_path_factory.mktemp("oidc")
    store_url = f"sqlite:///{folder / 'store.db'}"
    build_fixture_store(store_url)
    op_port, front, replica_a, replica_b, faulty = (free_port() for _ in range(5))
    public = f"http://127.0.0.1:{front}"
    redirects = [f"{public}/oauth2callback", f"http://127.0.0.1:{faulty}/oauth2callback"]
    with contextlib.ExitStack() as stack:
        metadata_url = stack.enter_context(provider(op_port, redirects, folder))
        secrets = folder / "secrets.toml"
        secrets.write_text(secrets_toml(f"{public}/oauth2callback", metadata_url))
        replicas = {port: serve(store_url, folder, port=port, name=f"replica-{port}",
                                args=("--secrets.files", str(secrets))) for port in (replica_a, replica_b)}
        for replica in replicas.values():
            stack.push(replica)  # stopped at the end, whether or not it started
        with ThreadPoolExecutor(len(replicas)) as pool:  # both start at once
            list(pool.map(lambda replica: replica.__enter__(), replicas.values()))
        conf = render_nginx(front, [replica_a, replica_b], folder)
        stack.enter_context(nginx(conf, front))
        result = Stack(public, replicas, metadata_url, folder, store_url)
        result.faulty_port = faulty
        yield result


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def new_page(browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    # Nothing leaves the machine (the provider's pages @import a web font).
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    return page


def settled(page) -> None:
    """The app has finished its run: no running indicator, no skeletons."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                        + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')""")


def heading(page, text: str) -> None:
    try:
        page.locator("h1", has_text=text).first.wait_for()
    except Exception as missing:  # noqa: BLE001 - Playwright's TimeoutError: say what the page showed instead
        # Seen about once in 30 sign-ins on a loaded 2-core machine, in either browser: keep the evidence.
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / "oidc-heading-missing.png"
        page.screenshot(path=str(shot), full_page=True)
        shown = page.evaluate("document.body ? document.body.innerText.slice(0, 600) : ''")
        raise AssertionError(f"no heading {text!r} at {page.url}; the page showed {shown!r}; screenshot {shot}") \
            from missing
    settled(page)


def no_traceback(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and ".py" not in body, body[:500]


def headings(page) -> list[str]:
    return [h.strip() for h in page.locator("h1").all_inner_texts()]


def sign_in(page, login: str, button: str | None = None) -> None:
    """Click the app's sign-in button and fill the provider's login form (any password)."""
    page.get_by_role("button", name=button or fi("access.signin.button")).click()
    page.wait_for_selector('input[name="login"]')
    assert page.url.startswith("http://127.0.0.1:") and "/interaction/" in page.url
    page.fill('input[name="login"]', login)
    page.fill('input[name="password"]', "any password")
    page.click('button[type="submit"]')


def on_screen(text: str) -> str:
    """An address as the screen shows it: stored text goes through plain(), which puts an invisible word
    joiner after "@" (so it cannot become a mail link); the browser renders it without the backslashes."""
    return plain(text).replace("\\", "")


def signed_in_as(page, who: str, role: str) -> None:
    page.get_by_text(fi("access.signed_in", who=on_screen(who), role=fi(f"access.role.{role}"))).wait_for()


def test_anonymous_get_only_the_sign_in_page_then_return_signed_in_where_they_asked(stack, browser):
    page = new_page(browser)
    for path in ("/data-status", "/participation?age=older", "/accessibility?lang=sv"):
        page.goto(stack.base + path)
        heading(page, translate("access.signin.title", "sv" if "lang=sv" in path else "fi"))
        assert len(headings(page)) == 1, headings(page)
        for element in ("stMetric", "stDataFrame", "stVegaLiteChart", "stFileUploader", "stDeckGlJsonChart"):
            assert page.locator(f'[data-testid="{element}"]').count() == 0, (path, element)
        no_traceback(page)
    # Sign in from the deep link: back on that screen with its parameters (in Swedish), as a viewer by
    # e-mail. (Streamlit's /oauth2callback itself always returns to "/".)
    sign_in(page, "viewer", button=translate("access.signin.button", "sv"))
    heading(page, translate("page.accessibility", "sv"))
    assert page.url == f"{stack.base}/accessibility?lang=sv", page.url
    page.get_by_text(translate("access.signed_in", "sv", who=on_screen("viewer@hyte.test"),
                               role=translate("access.role.viewer", "sv"))).wait_for()
    no_traceback(page)
    # Data status by typing its address: "no access", nothing of the screen.
    page.goto(f"{stack.base}/data-status")
    heading(page, fi("access.denied.title"))
    page.get_by_text(fi("access.denied.role", role=fi("access.role.viewer"))).wait_for()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    # Signing out ends the session: the provider confirms, the cookie is gone, every address is sign-in.
    page.get_by_role("button", name=fi("access.signout")).click()
    page.locator('button[name="logout"][value="yes"]').click()  # the provider's "sign me out?" page
    heading(page, fi("access.signin.title"))
    assert USER_COOKIE not in {c["name"] for c in page.context.cookies()}
    page.context.close()


# By e-mail address: the viewer (the first test), the coordinator (the replica test) and the admin.
@pytest.mark.parametrize("login, email, role", [
    ("group", "member@elsewhere.test", "coordinator"),  # by the groups claim of the ID token
    ("domain", "someone@kunta.test", "viewer"),  # by @domain
    ("admin", "admin@hyte.test", "admin"),
    ("nobody", "nobody@elsewhere.test", None),
])
def test_roles_come_from_the_id_token(stack, browser, login, email, role):
    page = new_page(browser)
    # Data status for those who may open it; the light accessibility statement for the others.
    page.goto(f"{stack.base}/{'data-status' if role in ('coordinator', 'admin') else 'accessibility'}")
    heading(page, fi("access.signin.title"))
    sign_in(page, login)
    if role is None:
        heading(page, fi("access.denied.title"))
        page.get_by_text(fi("access.no_role", who=on_screen(email))).wait_for()
        assert page.locator('[data-testid="stMetric"]').count() == 0
        page.context.close()
        return
    signed_in_as(page, email, role)
    if role == "viewer":
        heading(page, fi("page.accessibility"))
    else:
        heading(page, fi("page.data_status"))
        page.get_by_text(fi("up.title")).first.wait_for()
        assert page.locator('[data-testid="stFileUploader"]').count() >= 1  # coordinators upload
        if role == "admin":  # an administrator also makes the public presentation link (further down the page)
            page.get_by_text(fi("pub.title")).first.wait_for()
        else:
            settled(page)
            assert page.get_by_text(fi("pub.title")).count() == 0
    if role == "admin":
        page.get_by_role("button", name=fi("pub.button")).click()
        link = page.locator('[data-testid="stCode"]').filter(has_text="public=").first
        link.wait_for()
        url = link.inner_text().strip()
        assert url.startswith(f"{stack.base}/overview?public="), url
        anonymous = new_page(browser)
        anonymous.goto(url.replace("/overview?", "/accessibility?"))  # a light public screen
        heading(anonymous, fi("page.accessibility"))
        anonymous.get_by_text("Julkinen esityslinkki: vain koostenäkymät", exact=False).first.wait_for()
        anonymous.goto(url.replace("/overview?", "/data-status?"))
        heading(anonymous, fi("access.denied.title"))
        anonymous.context.close()
    no_traceback(page)
    page.context.close()


def _serializer(secret: str):
    """How Streamlit signs its cookies: itsdangerous, salted with the cookie's name."""
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(secret, salt=USER_COOKIE)


def _signed(claims: dict, issued: float) -> str:
    """A `_streamlit_user` cookie as Streamlit signs it (itsdangerous, salt = cookie name), issued then."""
    from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

    with mock.patch("time.time", return_value=issued):
        return create_signed_value(COOKIE_SECRET, USER_COOKIE, json.dumps(claims)).decode()


def _with_cookie(browser, base: str, value: str):
    page = new_page(browser)
    page.context.add_cookies([{"name": USER_COOKIE, "value": value, "url": base}])
    page.goto(f"{base}/accessibility")
    return page


def test_a_tampered_or_expired_cookie_is_refused(stack, browser):
    page = new_page(browser)
    page.goto(f"{stack.base}/accessibility")
    heading(page, fi("access.signin.title"))
    sign_in(page, "viewer")
    signed_in_as(page, "viewer@hyte.test", "viewer")
    real = next(c["value"] for c in page.context.cookies() if c["name"] == USER_COOKIE)
    claims = json.loads(_serializer(COOKIE_SECRET).loads(real))
    assert claims["email"] == "viewer@hyte.test" and claims["is_logged_in"] is True
    page.context.close()

    # The viewer makes themselves an administrator, signing with anything but the app's cookie_secret.
    forged = dict(claims, email="admin@hyte.test")
    tampered = _serializer("a guessed secret").dumps(json.dumps(forged))
    head, signature = real.rsplit(".", 1)  # the signature itself edited (its first character: the
    flipped = f"{head}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"  # last one's low bits are padding)
    thirty_two_days_ago = time.time() - dt.timedelta(days=32).total_seconds()
    expired = _signed(dict(claims, email="admin@hyte.test"), thirty_two_days_ago)
    for value in (tampered, flipped, expired):
        page = _with_cookie(browser, stack.base, value)
        heading(page, fi("access.signin.title"))
        assert page.get_by_text(fi("access.role.admin")).count() == 0
        no_traceback(page)
        page.context.close()
    # The control: the same claims signed now with the real secret are taken (so the refusals above are
    # the signature's and the age's doing, and cookie_secret is what protects every role).
    page = _with_cookie(browser, stack.base, _signed(dict(claims, email="admin@hyte.test"), time.time()))
    heading(page, fi("page.accessibility"))
    signed_in_as(page, "admin@hyte.test", "admin")
    page.context.close()


@pytest.fixture
def faulty_app(stack):
    """An app whose providers are wrong: one with a wrong client secret, one that does not answer."""
    secrets = stack.folder / "faulty-secrets.toml"
    dead = f"http://127.0.0.1:{free_port()}/.well-known/openid-configuration"
    secrets.write_text(secrets_toml(f"http://127.0.0.1:{stack.faulty_port}/oauth2callback", stack.metadata_url,
                                    providers={"wrongsecret": {"client_secret": "not-the-secret"},
                                               "unreachable": {"server_metadata_url": dead}}))
    with serve(stack.store_url, stack.folder, port=stack.faulty_port, name="faulty",
               args=("--secrets.files", str(secrets))) as base:
        yield base, dead


def test_a_wrong_client_secret_or_an_unreachable_provider_is_a_clear_page(faulty_app, browser):
    base, dead = faulty_app
    page = new_page(browser)
    page.goto(f"{base}/participation?age=older")
    heading(page, fi("access.signin.title"))
    # The provider does not answer: the sign-in page says so, and the browser stays in the app.
    page.get_by_role("button", name=fi("access.signin.with", provider="Unreachable")).click()
    page.get_by_text(fi("access.signin.unreachable", host=on_screen(dead.split("/")[2]))).wait_for()
    assert page.url.startswith(f"{base}/participation")
    no_traceback(page)
    # A wrong client secret: the provider signs the person in, the app's code exchange is refused
    # (invalid_client), and the person is back on the address they asked for, told what happened.
    sign_in(page, "viewer", button=fi("access.signin.with", provider="Wrongsecret"))
    page.get_by_text(fi("access.signin.failed")).wait_for()
    heading(page, fi("access.signin.title"))
    assert page.url.startswith(f"{base}/participation") and "age=older" in page.url, page.url
    assert USER_COOKIE not in {c["name"] for c in page.context.cookies()}
    no_traceback(page)
    page.context.close()


def test_signed_in_every_page_stays_on_the_apps_origin_under_the_deploys_csp(stack, browser):
    """Through the deploy's nginx, which sends its Content-Security-Policy: every screen, and every screen
    presented, signed in as an admin (who sees every screen), asks nothing of any other origin and breaks
    no rule of the policy (Chromium reports each refusal on the console)."""
    page = new_page(browser)
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{stack.base}/overview")
    heading(page, fi("access.signin.title"))
    sign_in(page, "admin")
    heading(page, fi("page.overview"))
    policy = page.goto(f"{stack.base}/overview").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "https:" not in policy and "http:" not in policy
    requests = Requests(page.context)  # from here on: the app's pages only (the provider's are its own)
    page.on("websocket", lambda ws: requests.urls.append(ws.url))
    # Every screen once and presented once; the languages take turns (a language changes the words, not what
    # a page loads: the unsigned tests visit every page in every language, test_accessibility.py).
    for i, (path, key) in enumerate(PAGES.items()):
        lang = LANGUAGES[i % len(LANGUAGES)]
        page.goto(f"{stack.base}/{path}?lang={lang}")
        heading(page, translate(key, lang))
        no_traceback(page)
        page.goto(f"{stack.base}/{path}?present=1&lang={LANGUAGES[(i + 1) % len(LANGUAGES)]}")
        settled(page)
        no_traceback(page)
    page.wait_for_load_state("networkidle")
    page.context.close()
    assert any(url.startswith("ws://") for url in requests.urls)  # the session's websocket was seen
    assert requests.elsewhere(stack.base) == []
    assert refused == []


def test_a_signed_in_session_survives_moving_to_the_other_replica(stack, browser):
    """nginx pins a client to one replica (ip_hash); when that replica goes away (a restart, a deploy),
    the next one takes the same cookie, because every replica has the same cookie_secret."""
    page = new_page(browser)
    page.goto(f"{stack.base}/accessibility")
    heading(page, fi("access.signin.title"))
    sign_in(page, "coordinator")
    heading(page, fi("page.accessibility"))
    signed_in_as(page, "coordinator@hyte.test", "coordinator")
    first = page.goto(f"{stack.base}/accessibility").headers["x-upstream"]
    heading(page, fi("page.accessibility"))
    port = int(first.rsplit(":", 1)[1])
    stack.replicas.pop(port).__exit__(None, None, None)  # that replica stops
    second = page.goto(f"{stack.base}/accessibility").headers["x-upstream"]
    assert second != first, (first, second)
    heading(page, fi("page.accessibility"))
    signed_in_as(page, "coordinator@hyte.test", "coordinator")
    no_traceback(page)
    page.context.close()
