"""The schema of `hyte.toml`: every key with its type, default and meaning (Finnish, then English).

This is the one declaration of the file's format: `config.load_config` validates against it and
`config_reference` prints docs/hyte-toml.md from it, so the reference cannot drift from the checks.
Each description is two lines, Finnish first, then English. Rules between keys (unique codes,
references to codes) are in `config.cross_checks`, since they need the whole file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

DEFAULT_SOTKANET_URL = "https://sotkanet.fi/rest/1.1"
DIRECTIONS = ("higher_better", "lower_better")


def _code_text(value):
    """A code may be written as a number (`code = 6`); it is kept as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _blank_is_absent(value):
    """An optional text left empty (`name_sv = ""`) is the same as leaving the key out."""
    return None if value == "" else value


def _municipality_code(value: str) -> str:
    if not (value.isdigit() and len(value) == 3):
        raise PydanticCustomError(
            "municipality_code",
            "ei ole kolminumeroinen kuntanumero; kirjoita lainausmerkeissä, esim. \"091\" / "
            "is not a 3-digit municipality code; write it in quotes, e.g. \"091\"")
    return value


def _year_pair(value):
    if not isinstance(value, list) or len(value) != 2:
        raise PydanticCustomError(
            "year_pair", "pitää olla vuosipari [alku, loppu], esim. [2012, 2024] / "
                         "must be a pair of years [first, last], e.g. [2012, 2024]")
    return value


# Strict types: a TOML file says what a value is, so "12" is not a number and "false" is not false.
Text = Annotated[str, Strict(), Field(min_length=1)]
Code = Annotated[str, BeforeValidator(_code_text), Strict(), Field(min_length=1)]
Whole = Annotated[int, Strict()]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]  # a whole number is a number too (`target = 10`)
MunicipalityCode = Annotated[Code, AfterValidator(_municipality_code)]
MaybeText = Annotated[Text | None, BeforeValidator(_blank_is_absent)]
Flag = Annotated[bool, Strict()]
Year = Annotated[int, Strict(), Field(ge=1900, le=2100)]


def describe(fi: str, en: str, **kwargs):
    """A field's description: Finnish on the first line, English on the second."""
    return Field(description=f"{fi}\n{en}", **kwargs)


class Section(BaseModel):
    """A table of hyte.toml: unknown keys are errors (a typo must not silently drop a setting)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(Section):
    """Kunta, jonka tiedot paketti sisältää.
    The municipality the package is about."""

    code: MunicipalityCode = describe(
        "Kuntanumero, kolme numeroa lainausmerkeissä (Sotkanetin KUNTA-koodi).",
        "Municipality code, three digits in quotes (Sotkanet's KUNTA code).", examples=['"609"'])
    name_fi: Text = describe("Kunnan nimi suomeksi.", "The municipality's name in Finnish.")
    name_sv: MaybeText = describe("Kunnan nimi ruotsiksi.", "The municipality's name in Swedish.", default=None)
    name_en: MaybeText = describe("Kunnan nimi englanniksi.", "The municipality's name in English.", default=None)
    demo: Flag = describe("true: keksitty esittelyaineisto (näytöt kertovat sen).",
                          "true: invented demo data (the screens say so).", default=False)


class Plan(Section):
    """Hyvinvointisuunnitelma, jota seurataan.
    The wellbeing plan being followed."""

    name_fi: MaybeText = describe("Suunnitelman nimi suomeksi.", "The plan's name in Finnish.", default=None)
    name_sv: MaybeText = describe("Suunnitelman nimi ruotsiksi.", "The plan's name in Swedish.", default=None)
    name_en: MaybeText = describe("Suunnitelman nimi englanniksi.", "The plan's name in English.", default=None)
    start_year: Year | None = describe("Suunnitelmakauden ensimmäinen vuosi.", "First year of the plan period.",
                                       default=None)
    end_year: Year | None = describe("Suunnitelmakauden viimeinen vuosi.", "Last year of the plan period.",
                                     default=None)


class AgeGroup(Section):
    """Elinkaaren ikäryhmä; vähintään yksi. Rekisterien osallistujasarakkeet ovat `participants_<code>`.
    A lifecycle age group; at least one. The registers' participant columns are `participants_<code>`."""

    code: Code = describe("Tunnus, yksilöllinen (esim. children_youth).", "Code, unique (e.g. children_youth).")
    name_fi: Text = describe("Nimi suomeksi.", "Name in Finnish.")
    name_sv: MaybeText = describe("Nimi ruotsiksi.", "Name in Swedish.", default=None)
    name_en: MaybeText = describe("Nimi englanniksi.", "Name in English.", default=None)
    min_age: Annotated[Whole, Field(ge=0)] = describe("Nuorin ikä (vuotta).", "Youngest age (years).")
    max_age: Annotated[Whole, Field(ge=0)] | None = describe(
        "Vanhin ikä; puuttuu: ei ylärajaa.", "Oldest age; absent: no upper limit.", default=None)


class PriorityArea(Section):
    """Suunnitelman painopistealue; vähintään yksi.
    A priority area of the plan; at least one."""

    code: Code = describe("Tunnus, yksilöllinen.", "Code, unique.")
    name_fi: Text = describe("Nimi suomeksi.", "Name in Finnish.")
    name_sv: MaybeText = describe("Nimi ruotsiksi.", "Name in Swedish.", default=None)
    name_en: MaybeText = describe("Nimi englanniksi.", "Name in English.", default=None)


class RegionRef(Section):
    """Sotkanetin alue: luokka ja koodi.
    A Sotkanet region: category and code."""

    category: Text = describe("Sotkanetin alueluokka (esim. HYVINVOINTIALUE, MAA).",
                              "Sotkanet's region category (e.g. HYVINVOINTIALUE, MAA).")
    code: Code = describe("Alueen koodi luokassaan.", "The region's code in its category.")


class Regions(Section):
    """Vertailualueet Sotkanetista; kunta itse on KUNTA/[municipality] code.
    Comparison regions from Sotkanet; the municipality itself is KUNTA/[municipality] code."""

    county: RegionRef | None = describe(
        "Hyvinvointialue, esim. { category = \"HYVINVOINTIALUE\", code = \"6\" }.",
        "Wellbeing services county, e.g. { category = \"HYVINVOINTIALUE\", code = \"6\" }.", default=None)
    country: RegionRef | None = describe("Koko maa, esim. { category = \"MAA\", code = \"358\" }.",
                                         "The whole country, e.g. { category = \"MAA\", code = \"358\" }.",
                                         default=None)
    peers: list[MunicipalityCode] = describe("Vertailukuntien kuntanumerot.", "Peer municipalities' codes.",
                                             default=[], examples=['["179", "837"]'])
    boundaries_year: Year | None = describe(
        "Tilastokeskuksen kuntarajat tämän vuoden kuntajaosta Suomen kartalle (haetaan kerran pakettiin; "
        "HYTE_BOUNDARIES_URL korvaa osoitteen).",
        "Statistics Finland's municipality boundaries of this year's division, for the map of Finland "
        "(fetched once into the package; HYTE_BOUNDARIES_URL overrides the address).", default=None,
        examples=["2025"])
    profile: Flag = describe(
        "true: haetaan myös kaikkien kuntien väkiluku ja ikärakenne (Sotkanet 127, 1064, 1067, 1068); "
        "niistä ehdotetaan samankaltaiset kunnat perusteluineen.",
        "true: also fetch every municipality's population and age structure (Sotkanet 127, 1064, 1067, 1068); "
        "similar municipalities are proposed from them, with the reasons.", default=False)


class Sotkanet(Section):
    """Sotkanetin indikaattoritiedot ja niiden välimuisti.
    Sotkanet's indicator data and its cache."""

    base_url: Text = describe("Sotkanetin REST-osoite; ympäristömuuttuja HYTE_SOTKANET_URL ohittaa.",
                              "Sotkanet's REST address; the environment variable HYTE_SOTKANET_URL overrides it.",
                              default=DEFAULT_SOTKANET_URL)
    cache_dir: Text = describe("Tallennettujen vastausten kansio (suhteessa hyte.toml:iin); --offline lukee vain näitä.",
                               "Folder of recorded responses (relative to hyte.toml); --offline reads only these.",
                               default="sotkanet")
    years: Annotated[tuple[Year, Year], BeforeValidator(_year_pair)] = describe("Ensimmäinen ja viimeinen haettava vuosi, pari [alku, loppu].",
                                        "First and last year to fetch, a pair [first, last].",
                                        default=(2010, 2030), examples=["[2012, 2024]"])
    offline: Flag = describe("true: tallennettu paketti, jota ei koskaan haeta uudelleen (esittelyaineisto).",
                             "true: a recorded package, never fetched again (the demo).", default=False)
    timeout_s: Annotated[Number, Field(gt=0)] = describe("Yhden pyynnön aikaraja sekunteina.",
                                                         "Time limit of one request, in seconds.", default=30.0)
    retries: Annotated[Whole, Field(ge=0)] = describe("Uusintayritykset aikakatkaisun tai 5xx-vastauksen jälkeen.",
                                                      "Retries after a time-out or a 5xx response.", default=3)
    backoff_s: Annotated[Number, Field(ge=0)] = describe("Ensimmäinen odotus ennen uusintaa (kaksinkertaistuu).",
                                                         "First wait before a retry (doubles each time).",
                                                         default=1.0)


class Districts(Section):
    """Kunnan alueet: oma GeoJSON-tiedosto tai Tilastokeskuksen Paavo-postinumeroalueet.
    The municipality's districts: a GeoJSON file of your own, or Statistics Finland's Paavo postal areas."""

    source: Literal["file", "paavo"] = describe(
        "file: oma tiedosto (file); paavo: postinumeroalueet ja väestö ikäryhmittäin Paavosta.",
        "file: a file of your own (file); paavo: postal areas and population by age group from Paavo.",
        default="file")
    file: MaybeText = describe("GeoJSON-tiedosto (suhteessa hyte.toml:iin); puuttuu: ei alueita.",
                                 "GeoJSON file (relative to hyte.toml); absent: no districts.", default=None)
    id_property: Text = describe("Alueen tunnuksen ominaisuus (property) tiedostossa.",
                                 "The feature property holding the district's code.", default="code")
    name_property: Text = describe("Alueen suomenkielisen nimen ominaisuus.",
                                   "The feature property holding the district's Finnish name.", default="name")
    name_sv_property: MaybeText = describe("Alueen ruotsinkielisen nimen ominaisuus.",
                                             "The feature property holding the district's Swedish name.",
                                             default=None)
    paavo_year: Year = describe("Paavo-aineiston vuosi (source = \"paavo\").",
                                "Year of the Paavo data (source = \"paavo\").", default=2024)
    paavo_url: MaybeText = describe("Paavon WFS-osoite; ympäristömuuttuja HYTE_PAAVO_URL ohittaa.",
                                      "Paavo's WFS address; the environment variable HYTE_PAAVO_URL overrides it.",
                                      default=None)


class Registers(Section):
    """Rekisterit (CSV tai XLSX), jotka koordinaattori täyttää.
    The registers (CSV or XLSX) the coordinator fills in."""

    dir: Text = describe("Rekisterikansio (suhteessa hyte.toml:iin).", "Registers folder (relative to hyte.toml).",
                         default="registers")


class Indicator(Section):
    """Seurattava indikaattori Sotkanetista tai paikallinen (arvot rekisterissä local_indicator_values).
    An indicator followed, from Sotkanet or local (values in the local_indicator_values register)."""

    id: Annotated[Whole, Field(gt=0)] = describe("Sotkanetin indikaattorinumero tai oma numero (paikallinen), yksilöllinen.",
                                                 "Sotkanet's indicator id or your own number (local), unique.")
    source: Literal["sotkanet", "local"] = describe("Mistä arvot tulevat.", "Where the values come from.",
                                                    default="sotkanet")
    priority_area: Code = describe("Painopistealueen tunnus ([[priority_areas]] code).",
                                   "The priority area's code ([[priority_areas]] code).")
    age_group: Code | None = describe("Ikäryhmän tunnus ([[age_groups]] code); puuttuu: kaikki.",
                                      "The age group's code ([[age_groups]] code); absent: everyone.", default=None)
    direction: Literal[DIRECTIONS] = describe("Kumpi suunta on parempi.", "Which direction is better.")
    target: Number | None = describe("Tavoitearvo (valinnainen, target_year kanssa).",
                                     "Target value (optional, with target_year).", default=None)
    target_year: Year | None = describe("Vuosi, johon mennessä tavoite saavutetaan.",
                                        "Year by which the target is reached.", default=None)
    title_fi: MaybeText = describe("Otsikko suomeksi (pakollinen, kun source = \"local\").",
                                     "Title in Finnish (required when source = \"local\").", default=None)
    title_sv: MaybeText = describe("Otsikko ruotsiksi (paikallinen).", "Title in Swedish (local).", default=None)
    title_en: MaybeText = describe("Otsikko englanniksi (paikallinen).", "Title in English (local).", default=None)
    unit: MaybeText = describe("Yksikkö (paikallinen), esim. \"%\".", "Unit (local), e.g. \"%\".", default=None)
    decimals: Annotated[Whole, Field(ge=0, le=6)] | None = describe("Desimaalien määrä (paikallinen).",
                                                                    "Number of decimals (local).", default=None)


class HyteToml(Section):
    """The whole file."""

    municipality: Municipality = describe("Kunta.", "The municipality.")
    plan: Plan = describe("Suunnitelma.", "The plan.", default=Plan())
    age_groups: Annotated[list[AgeGroup], Field(min_length=1)] = describe("Ikäryhmät.", "Age groups.")
    priority_areas: Annotated[list[PriorityArea], Field(min_length=1)] = describe("Painopistealueet.",
                                                                                  "Priority areas.")
    regions: Regions = describe("Vertailualueet.", "Comparison regions.", default=Regions())
    sotkanet: Sotkanet = describe("Sotkanet.", "Sotkanet.", default=Sotkanet())
    districts: Districts = describe("Alueet.", "Districts.", default=Districts())
    registers: Registers = describe("Rekisterit.", "Registers.", default=Registers())
    indicators: list[Indicator] = describe("Indikaattorit.", "Indicators.", default=[])
