"""Every piece of UI text, in Finnish, Swedish and English, looked up with `t(key, **fmt)`.

Finnish is the reference: a key must exist in `fi` first, and `missing_keys()` lists what the other
languages lack (a test keeps that list empty). The current language is the `lang` widget value,
which `dashboard.app` keeps in the URL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from dashboard.access import texts as texts_access
from dashboard.indicators import texts as texts_indicators
from dashboard.outputs import texts as texts_exports
from dashboard.participation import texts as texts_participation
from dashboard.partnerships import texts as texts_partnerships
from dashboard.setup import texts as texts_setup
from dashboard.outputs import slide_texts as texts_presentation
from dashboard.working_groups import texts as texts_working_groups

log = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
# The session-state key of the language selector, and the URL parameter it is kept in.
LANG_KEY = "lang"

_TABLE_NAMES = {
    # table: (fi, sv, en)
    "municipality": ("Kunta", "Kommun", "Municipality"),
    "region": ("Vertailualueet", "Jämförelseområden", "Comparison regions"),
    "age_group": ("Ikäryhmät", "Åldersgrupper", "Age groups"),
    "district": ("Alueet", "Områden", "Districts"),
    "district_population": ("Väestö alueittain", "Befolkning per område", "Population by district"),
    "priority_area": ("Painopistealueet", "Fokusområden", "Priority areas"),
    "goal": ("Tavoitteet", "Mål", "Goals"),
    "measure": ("Toimenpiteet", "Åtgärder", "Measures"),
    "indicator": ("Indikaattorit", "Indikatorer", "Indicators"),
    "indicator_value": ("Indikaattorien arvot", "Indikatorvärden", "Indicator values"),
    "indicator_district_value": ("Indikaattorien arvot alueittain", "Indikatorvärden per område",
                                 "Indicator values by district"),
    "department": ("Toimialat", "Sektorer", "Departments"),
    "participation_event": ("Osallisuustapahtumat", "Delaktighetsevenemang", "Participation events"),
    "event_participants": ("Osallistujat ikäryhmittäin", "Deltagare per åldersgrupp",
                           "Participants by age group"),
    "participation_adoption": ("Osallisuusmallin käyttöönotto", "Införande av delaktighetsmodellen",
                               "Participation model adoption"),
    "working_group": ("Työryhmät", "Arbetsgrupper", "Working groups"),
    "group_seat": ("Työryhmien paikat", "Platser i arbetsgrupperna", "Working-group seats"),
    "meeting": ("Kokoukset", "Möten", "Meetings"),
    "meeting_topic": ("Kokousten aiheet", "Mötesämnen", "Meeting topics"),
    "annual_clock_item": ("Vuosikello", "Årsklocka", "Annual clock"),
    "ngo": ("Järjestöt", "Organisationer", "NGOs"),
    "ngo_district": ("Järjestöjen toiminta-alueet", "Organisationernas verksamhetsområden",
                     "NGO districts"),
    "partnership": ("Kumppanuudet", "Partnerskap", "Partnerships"),
    "ngo_activity": ("Järjestöjen toiminta", "Organisationernas verksamhet", "NGO activity"),
    "joint_forum": ("Yhteiset foorumit", "Gemensamma forum", "Joint forums"),
    "joint_forum_attendance": ("Foorumien osallistujat", "Deltagare i forumen",
                               "Joint-forum attendance"),
    "experiential_note": ("Kokemustieto", "Erfarenhetskunskap", "Experiential knowledge"),
}

_TEXT = {
    # key: (fi, sv, en)
    "app.title": ("HYTE – hyvinvoinnin johtaminen", "Välfärdsledning", "Wellbeing management"),
    "lang.label": ("Kieli · Språk · Language", "Kieli · Språk · Language", "Kieli · Språk · Language"),
    "demo.label": ("Esittelyaineisto (DEMO DATA): luvut ovat keksittyjä.",
                   "Demonstrationsdata (DEMO DATA): siffrorna är påhittade.",
                   "DEMO DATA: the figures are invented."),
    "store.empty": (
        "Tietovarasto on tyhjä: yhtään onnistunutta latausta ei ole vielä tehty. "
        "Lataa esittelyaineisto komennolla `hyte demo --out demo` tai käynnistä koko sovellus "
        "komennolla `make run`.",
        "Datalagret är tomt: ingen laddning har lyckats ännu. Ladda demonstrationsdata med "
        "`hyte demo --out demo` eller starta hela appen med `make run`.",
        "The data store is empty: no load has succeeded yet. Load the demo data with "
        "`hyte demo --out demo`, or start everything with `make run`.",
    ),
    "store.unreachable": (
        "Tietovarastoon ({url}) ei saada yhteyttä. Tarkista ympäristömuuttuja HYTE_DATABASE_URL, "
        "tai lataa esittelyaineisto komennolla `hyte demo --out demo` tai `make run`.",
        "Det går inte att nå datalagret ({url}). Kontrollera miljövariabeln HYTE_DATABASE_URL, "
        "eller ladda demonstrationsdata med `hyte demo --out demo` eller `make run`.",
        "Cannot reach the data store ({url}). Check the HYTE_DATABASE_URL environment variable, "
        "or load the demo data with `hyte demo --out demo` or `make run`.",
    ),
    "page.overview": ("Yleiskuva", "Översikt", "Overview"),
    "page.indicators": ("Indikaattorit", "Indikatorer", "Indicators"),
    "page.participation": ("Osallisuus", "Delaktighet", "Participation"),
    "page.working_groups": ("Työryhmät", "Arbetsgrupper", "Working groups"),
    "page.partnerships": ("Järjestöyhteistyö", "Samarbete med organisationer", "NGO partnerships"),
    "page.data_status": ("Tietojen tila", "Datastatus", "Data status"),
    "data_date": ("Tiedot päivitetty {when}", "Uppgifterna uppdaterade {when}", "Data updated {when}"),
    "data_date.none": ("Tietoja ei ole vielä ladattu", "Inga uppgifter har laddats ännu",
                       "No data loaded yet"),
    "filters.title": ("Rajaukset", "Avgränsningar", "Filters"),
    "filters.age": ("Ikäryhmä", "Åldersgrupp", "Age group"),
    "filters.district": ("Alue", "Område", "District"),
    "filters.from": ("Alkuvuosi", "Från år", "From year"),
    "filters.to": ("Loppuvuosi", "Till år", "To year"),
    "filters.all_ages": ("Kaikki ikäryhmät", "Alla åldersgrupper", "All age groups"),
    "filters.all_districts": ("Koko kunta", "Hela kommunen", "Whole municipality"),
    "filters.active": ("Rajaukset: {age} · {district} · {period}",
                       "Avgränsningar: {age} · {district} · {period}",
                       "Filters: {age} · {district} · {period}"),
    "filters.invalid": (
        "Linkin arvoa {param}={value} ei tunnisteta, joten näytetään oletus: {default}.",
        "Länkens värde {param}={value} känns inte igen, så standardvärdet visas: {default}.",
        "The link's value {param}={value} is not recognised, so the default is shown: {default}.",
    ),
    "overview.period": ("Suunnitelmakausi {period}", "Planperiod {period}", "Plan period {period}"),
    "overview.no_plan": ("Hyvinvointisuunnitelmaa ei ole kirjattu.",
                         "Ingen välfärdsplan har registrerats.",
                         "No wellbeing plan has been recorded."),
    "overview.areas": ("Painopistealueet", "Fokusområden", "Priority areas"),
    "overview.indicator_count": ("Indikaattoreita", "Indikatorer", "Indicators"),
    "overview.no_areas": ("Painopistealueita ei ole kirjattu.",
                          "Inga fokusområden har registrerats.",
                          "No priority areas have been recorded."),
    "overview.headlines": ("Tilannekuva", "Läget just nu", "At a glance"),
    "tile.reach": ("Osallisuuden tavoittavuus", "Delaktighetens räckvidd", "Participation reach"),
    "tile.groups": ("Työryhmien aktiivisuus", "Arbetsgruppernas aktivitet", "Working-group activity"),
    "tile.ngo": ("Järjestöyhteistyön kattavuus", "Organisationssamarbetets täckning",
                 "NGO coverage"),
    "tile.open": ("Avaa näkymä", "Öppna vyn", "Open the screen"),
    "tile.not_available": ("Ei vielä saatavilla: näkymä on tekeillä.",
                           "Inte tillgängligt ännu: vyn håller på att byggas.",
                           "Not yet available: this screen is being built."),
    "placeholder.coming": ("Tulossa: tämä näkymä on vielä rakenteilla.",
                           "Kommer: den här vyn byggs ännu.",
                           "Coming: this screen is still being built."),
    "indicators.lead": (
        "Painopistealueiden indikaattorien kehitys verrattuna hyvinvointialueeseen ja koko maahan.",
        "Fokusområdenas indikatorer över tid, jämfört med välfärdsområdet och hela landet.",
        "How the priority areas' indicators move, compared with the wellbeing services county "
        "and the whole country.",
    ),
    "participation.lead": (
        "Miten osallisuustapahtumat tavoittavat asukkaat alueittain ja ikäryhmittäin.",
        "Hur delaktighetsevenemangen når invånarna per område och åldersgrupp.",
        "How participation events reach residents across districts and age groups.",
    ),
    "working_groups.lead": (
        "Hyvinvointityöryhmien kokoukset, paikat ja aiheet suhteessa tavoitteisiin.",
        "Välfärdsarbetsgruppernas möten, platser och ämnen i förhållande till målen.",
        "The wellbeing working groups' meetings, seats and topics against their targets.",
    ),
    "partnerships.lead": (
        "Mitkä painopistealueet, ikäryhmät ja alueet järjestökumppanit kattavat.",
        "Vilka fokusområden, åldersgrupper och områden organisationspartnerna täcker.",
        "Which priority areas, age groups and districts the NGO partners cover.",
    ),
    "status.runs": ("Lataukset", "Laddningar", "Loads"),
    "status.no_runs": ("Latauksia ei ole kirjattu.", "Inga laddningar har registrerats.",
                       "No loads have been recorded."),
    "status.col.started": ("Alkoi", "Började", "Started"),
    "status.col.finished": ("Päättyi", "Slutade", "Finished"),
    "status.col.status": ("Tila", "Status", "Status"),
    "status.col.rows": ("Rivejä tauluittain", "Rader per tabell", "Rows per table"),
    "status.col.message": ("Viesti", "Meddelande", "Message"),
    "status.col.table": ("Taulu", "Tabell", "Table"),
    "status.col.table_id": ("Tunnus", "Namn i databasen", "Name in store"),
    "status.col.count": ("Rivejä", "Rader", "Rows"),
    "status.col.file": ("Tiedosto", "Fil", "File"),
    "status.col.line": ("Rivi", "Rad", "Line"),
    "status.col.column": ("Sarake", "Kolumn", "Column"),
    "status.col.problem": ("Virhe", "Fel", "Problem"),
    "run.success": ("Onnistui", "Lyckades", "Succeeded"),
    "run.rejected": ("Hylätty", "Avvisad", "Rejected"),
    "run.failed": ("Epäonnistui", "Misslyckades", "Failed"),
    "run.running": ("Käynnissä", "Pågår", "Running"),
    "status.freshness": ("Lähteiden ajantasaisuus", "Källornas aktualitet", "Source freshness"),
    "status.no_sources": ("Lähteitä ei ole vielä haettu.", "Inga källor har hämtats ännu.",
                          "No sources have been fetched yet."),
    "freshness.fresh": ("Ajantasainen", "Aktuell", "Fresh"),
    "freshness.stale": ("Vanhentunut", "Föråldrad", "Stale"),
    "freshness.last_success": ("Viimeksi haettu onnistuneesti {when}",
                               "Senast hämtad {when}", "Last fetched {when}"),
    "freshness.data_updated": ("lähteen oma päiväys {when}", "källans eget datum {when}",
                               "the source's own date {when}"),
    "status.counts": ("Rivimäärät tauluittain", "Antal rader per tabell", "Rows per table"),
    "status.rejected": ("Hylätyt syötteet", "Avvisade indata", "Rejected input"),
    "status.rejected_intro": (
        "Viimeisin hylätty lataus {when}. Tietovarasto pysyi ennallaan. Korjaa alla luetellut "
        "kohdat ja aja lataus uudelleen (`hyte refresh`).",
        "Senaste avvisade laddning {when}. Datalagret lämnades orört. Rätta punkterna nedan och "
        "kör laddningen igen (`hyte refresh`).",
        "Latest rejected load {when}. The store was left unchanged. Fix the points below and run "
        "the load again (`hyte refresh`).",
    ),
    "status.no_rejected": ("Hylättyjä latauksia ei ole.", "Inga avvisade laddningar.",
                           "No rejected loads."),

    # --- indicators ---
    "ind.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "ind.area_all": ("Kaikki", "Alla", "All"),
    "ind.view": ("Näkymä", "Vy", "View"),
    "ind.view.cards": ("Kortit", "Kort", "Cards"),
    "ind.view.table": ("Taulukko", "Tabell", "Table"),
    "ind.trend.improving": ("Paranee", "Förbättras", "Improving"),
    "ind.trend.holding": ("Ennallaan", "Oförändrad", "Holding"),
    "ind.trend.worsening": ("Heikkenee", "Försämras", "Worsening"),
    "ind.trend.no_data": ("Ei tietoa", "Inga uppgifter", "No data"),
    "ind.latest_label": ("Viimeisin ({year})", "Senaste ({year})", "Latest ({year})"),
    "ind.change": ("Muutos vuodesta {year}: {change}", "Förändring från {year}: {change}",
                   "Change since {year}: {change}"),
    "ind.plan_change": ("Lähtötasosta ({year}): {change}", "Från utgångsläget ({year}): {change}",
                        "Since the baseline ({year}): {change}"),
    "ind.no_target": ("Ei tavoitearvoa", "Inget målvärde", "No target value"),
    "ind.target_met": ("Tavoite {target} ({year}): saavutettu ✓", "Mål {target} ({year}): uppnått ✓",
                       "Target {target} ({year}): met ✓"),
    "ind.target_not_met": ("Tavoite {target} ({year}): ei vielä saavutettu ✗",
                           "Mål {target} ({year}): ännu inte uppnått ✗", "Target {target} ({year}): not yet met ✗"),
    "ind.target_pending": ("Tavoite {target} ({year}): ei arvoa", "Mål {target} ({year}): inget värde",
                           "Target {target} ({year}): no value"),
    "ind.vs_named": ("{name} {value} {relation}", "{name} {value} {relation}", "{name} {value} {relation}"),
    "ind.compared_with": ("Vertailualueet: {names}.", "Jämförelseområden: {names}.", "Compared with: {names}."),
    "ind.vs_county": ("Hyvinvointialue {value} {relation}", "Välfärdsområdet {value} {relation}",
                      "County {value} {relation}"),
    "ind.vs_country": ("Koko maa {value} {relation}", "Hela landet {value} {relation}",
                       "Whole country {value} {relation}"),
    "ind.compare.better": ("(me paremmin)", "(vi bättre)", "(we are better)"),
    "ind.compare.worse": ("(me heikommin)", "(vi sämre)", "(we are worse)"),
    "ind.compare.level": ("(sama taso)", "(samma nivå)", "(same level)"),
    "ind.no_comparison": ("Ei vertailutietoa", "Inga jämförelseuppgifter", "No comparison data"),
    "ind.details": ("Näytä kehitys", "Visa utvecklingen", "Show the trend"),
    "ind.detail_select": ("Tarkasteltava indikaattori", "Indikator i detalj", "Indicator in detail"),
    "ind.detail_none": ("— valitse —", "— välj —", "— choose —"),
    "ind.close": ("Sulje tarkastelu", "Stäng", "Close the detail"),
    "ind.description": ("Kuvaus", "Beskrivning", "Description"),
    "ind.interpretation": ("Tulkinta", "Tolkning", "Interpretation"),
    "ind.chart.regions": ("Kehitys ja vertailualueet", "Utveckling och jämförelseområden",
                          "Trend and comparison regions"),
    "ind.chart.gender": ("Sukupuolittain", "Per kön", "By gender"),
    "ind.gender.total": ("Yhteensä", "Totalt", "Total"),
    "ind.gender.male": ("Miehet", "Män", "Men"),
    "ind.gender.female": ("Naiset", "Kvinnor", "Women"),
    "ind.no_gender": ("Sukupuolittaisia tietoja ei ole.", "Det finns inga uppgifter per kön.",
                      "There are no figures by gender."),
    "ind.axis.year": ("Vuosi", "År", "Year"),
    "ind.axis.value": ("Arvo", "Värde", "Value"),
    "ind.axis.region": ("Alue", "Område", "Region"),
    "ind.axis.target": ("Tavoite", "Mål", "Target"),
    "ind.axis.gender": ("Sukupuoli", "Kön", "Gender"),
    "ind.axis.count": ("Indikaattoreita", "Indikatorer", "Indicators"),
    "source.prefix": ("Lähde", "Källa", "Source"),
    "ind.source": ("{source} · tiedot päivitetty {date}", "{source} · uppgifterna uppdaterade {date}",
                   "{source} · data updated {date}"),
    "ind.goals": ("Tavoitteet ja toimenpiteet", "Mål och åtgärder", "Goals and measures"),
    "ind.no_goals": ("Tavoitteita ei ole kirjattu.", "Inga mål har registrerats.", "No goals have been recorded."),
    "ind.measure_line": ("{measure} — vastuu: {unit} — {status}", "{measure} — ansvar: {unit} — {status}",
                         "{measure} — responsible: {unit} — {status}"),
    "measure.planned": ("suunniteltu", "planerad", "planned"),
    "measure.ongoing": ("käynnissä", "pågår", "ongoing"),
    "measure.done": ("toteutettu", "genomförd", "done"),
    "measure.delayed": ("viivästynyt", "försenad", "delayed"),
    "ind.summary": ("{improving} paranee · {holding} ennallaan · {worsening} heikkenee · {no_data} ei tietoa · "
                    "tavoite saavutettu {met}/{with_target}",
                    "{improving} förbättras · {holding} oförändrade · {worsening} försämras · {no_data} utan "
                    "uppgifter · mål uppnått {met}/{with_target}",
                    "{improving} improving · {holding} holding · {worsening} worsening · {no_data} no data · "
                    "target met {met}/{with_target}"),
    "ind.summary_compare": ("Hyvinvointialueeseen verrattuna {better_county} paremmin, {worse_county} heikommin · "
                            "koko maahan verrattuna {better_country} paremmin, {worse_country} heikommin",
                            "Jämfört med välfärdsområdet {better_county} bättre, {worse_county} sämre · jämfört "
                            "med hela landet {better_country} bättre, {worse_country} sämre",
                            "Against the county {better_county} better, {worse_county} worse · against the "
                            "whole country {better_country} better, {worse_country} worse"),
    "ind.none": ("Valitulla rajauksella ei ole indikaattoreita.", "Inga indikatorer med den här avgränsningen.",
                 "No indicators with these filters."),
    "ind.age_note": ("Näytetään ikäryhmän {age} indikaattorit.", "Visar indikatorerna för åldersgruppen {age}.",
                     "Showing the indicators of the age group {age}."),
    "ind.district_note": (
        "Aluekohtaisia lukuja on vain paikallisilla indikaattoreilla; muut luvut koskevat koko kuntaa.",
        "Områdesvisa siffror finns bara för lokala indikatorer; övriga gäller hela kommunen.",
        "Only local indicators have figures by district; the others are for the whole municipality."),
    "ind.district_value": ("Alue {district}: {value} ({year})", "Området {district}: {value} ({year})",
                           "District {district}: {value} ({year})"),
    "ind.district_none": ("Alue {district}: ei aluekohtaista tietoa", "Området {district}: inga områdesuppgifter",
                          "District {district}: no figures by district"),
    "ind.col.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "ind.col.indicator": ("Indikaattori", "Indikator", "Indicator"),
    "ind.col.id": ("Tunnus", "Id", "Id"),
    "ind.col.year": ("Vuosi", "År", "Year"),
    "ind.col.latest": ("Viimeisin arvo", "Senaste värde", "Latest value"),
    "ind.col.unit": ("Yksikkö", "Enhet", "Unit"),
    "ind.col.change": ("Muutos edellisestä", "Förändring", "Change"),
    "ind.col.trend": ("Suunta", "Riktning", "Trend"),
    "ind.col.plan_change": ("Muutos lähtötasosta", "Förändring från utgångsläget", "Change since baseline"),
    "ind.col.target": ("Tavoite", "Mål", "Target"),
    "ind.col.target_met": ("Tavoite saavutettu", "Mål uppnått", "Target met"),
    "ind.col.county": ("Hyvinvointialue", "Välfärdsområdet", "County"),
    "ind.col.country": ("Koko maa", "Hela landet", "Whole country"),
    "ind.col.direction": ("Hyvä suunta", "Bra riktning", "Good direction"),
    "ind.direction.higher_better": ("suurempi parempi", "högre är bättre", "higher is better"),
    "ind.direction.lower_better": ("pienempi parempi", "lägre är bättre", "lower is better"),
    "ind.yes": ("kyllä", "ja", "yes"),
    "ind.no": ("ei", "nej", "no"),
    "ind.download.csv": ("Lataa CSV", "Ladda ner CSV", "Download CSV"),
    "ind.download.excel": ("Lataa Excel", "Ladda ner Excel", "Download Excel"),
    "ind.file.title": ("Indikaattorit", "Indikatorer", "Indicators"),
    "ind.alt.trend": ("{title}: {municipality} {value} vuonna {year}, suunta {trend}.",
                      "{title}: {municipality} {value} år {year}, riktning {trend}.",
                      "{title}: {municipality} {value} in {year}, {trend}."),
    "ind.alt.none": ("{title}: ei arvoja valitulla aikavälillä.", "{title}: inga värden under perioden.",
                     "{title}: no values in the period."),
    "ind.alt.balance": ("Indikaattorien suunta painopistealueittain: {summary}",
                        "Indikatorernas riktning per fokusområde: {summary}",
                        "Indicator trends by priority area: {summary}"),
    "ov.status": ("Missä olemme raiteilla?", "Var är vi på rätt spår?", "Where are we on track?"),
    "ov.signals": ("Heikot signaalit", "Svaga signaler", "Weak signals"),
    "ov.no_signals": ("Ei heikkoja signaaleja valitulla rajauksella.", "Inga svaga signaler med avgränsningen.",
                      "No weak signals with these filters."),
    "ov.signal.turn": ("kääntyi heikompaan suuntaan vuoden {year} jälkeen: {change}",
                       "vände till det sämre efter {year}: {change}", "turned worse after {year}: {change}"),
    "ov.signal.crossed_country": ("ohitti koko maan tason huonompaan suuntaan vuonna {year}",
                                  "passerade hela landets nivå åt fel håll år {year}",
                                  "crossed the whole country's level for the worse in {year}"),
    "ov.signal.crossed_county": ("ohitti hyvinvointialueen tason huonompaan suuntaan vuonna {year}",
                                 "passerade välfärdsområdets nivå åt fel håll år {year}",
                                 "crossed the county's level for the worse in {year}"),
}
_TEXT.update({f"table.{name}": names for name, names in _TABLE_NAMES.items()})
for _screen in (texts_indicators, texts_participation, texts_working_groups, texts_partnerships, texts_access,
                texts_exports, texts_presentation, texts_setup):
    _TEXT.update(_screen.TEXT)

CATALOG: dict[str, dict[str, str]] = {
    lang: {key: texts[i] for key, texts in _TEXT.items() if texts[i]}
    for i, lang in enumerate(LANGUAGES)
}


# A language fixed for a block of code (`speaking`): the deck PDF builds the slides in the language asked
# for, from the command line (no session) or inside a cached function (whose key names the language).
_SPOKEN: ContextVar[str | None] = ContextVar("hyte_spoken_language", default=None)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, `current_language()` (and so `t()`) is `lang`."""
    token = _SPOKEN.set(lang)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def current_language() -> str:
    """The language fixed by `speaking`, else the one picked in the selector, else the one in the URL,
    else Finnish."""
    spoken = _SPOKEN.get()
    if spoken in LANGUAGES:
        return spoken
    # Streamlit is imported on use: the briefing (CLI) reads the catalogue without the app.
    import streamlit as st

    # The URL counts before the selector is drawn: the navigation is built first.
    lang = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **fmt: object) -> str:
    """The text for `key` in `lang`, formatted with `fmt`; Finnish if the language lacks it."""
    text = CATALOG.get(lang, {}).get(key) or CATALOG[DEFAULT_LANGUAGE].get(key)
    if text is None:
        # A programming error, but the projector should show the key rather than a traceback.
        log.error("missing UI text key %r", key)
        return key
    return text.format(**fmt) if fmt else text


def t(key: str, **fmt: object) -> str:
    """The text for `key` in the current language."""
    return translate(key, current_language(), **fmt)


def missing_keys() -> dict[str, set[str]]:
    """Keys each language lacks compared with Finnish (empty sets when complete)."""
    reference = set(CATALOG[DEFAULT_LANGUAGE])
    return {lang: reference - set(CATALOG[lang]) for lang in LANGUAGES}


def source_text(attribution: str, lang: str) -> str:
    """A stored attribution ("Lähde: THL, Sotkanet.fi, CC BY 4.0", as the pipeline writes it) with its
    "Lähde:" in `lang`; the source's own name stays as published."""
    head, sep, rest = attribution.partition(":")
    if sep and head.strip() == CATALOG[DEFAULT_LANGUAGE]["source.prefix"]:
        return f"{translate('source.prefix', lang)}:{rest}"
    return attribution


def localized(row: dict, prefix: str, lang: str) -> str:
    """A stored name in `lang` (`name_sv`, ...), falling back to Finnish, which is always present."""
    return row.get(f"{prefix}_{lang}") or row.get(f"{prefix}_fi") or ""


def names(rows: list[dict], lang: str, prefix: str = "name") -> list[str]:
    """Stored names in `lang`, one per row, Finnish where the language has none."""
    return [localized(row, prefix, lang) for row in rows]
