"""UI text of the working groups screen: key -> (fi, sv, en)."""

_MONTHS = (
    ("tammikuu", "januari", "January"), ("helmikuu", "februari", "February"), ("maaliskuu", "mars", "March"),
    ("huhtikuu", "april", "April"), ("toukokuu", "maj", "May"), ("kesäkuu", "juni", "June"),
    ("heinäkuu", "juli", "July"), ("elokuu", "augusti", "August"), ("syyskuu", "september", "September"),
    ("lokakuu", "oktober", "October"), ("marraskuu", "november", "November"), ("joulukuu", "december", "December"),
)
_MONTHS_SHORT = (
    ("tammi", "jan", "Jan"), ("helmi", "feb", "Feb"), ("maalis", "mars", "Mar"), ("huhti", "apr", "Apr"),
    ("touko", "maj", "May"), ("kesä", "juni", "Jun"), ("heinä", "juli", "Jul"), ("elo", "aug", "Aug"),
    ("syys", "sep", "Sep"), ("loka", "okt", "Oct"), ("marras", "nov", "Nov"), ("joulu", "dec", "Dec"),
)

TEXT: dict[str, tuple[str, str, str]] = {
    # --- empty states and notes ---
    "wg.none": (
        "Työryhmiä ei ole vielä kirjattu. Kirjaa ne rekisteriin `working_groups.csv` ja päivitä tiedot "
        "komennolla `hyte refresh`.",
        "Inga arbetsgrupper har registrerats ännu. För in dem i registret `working_groups.csv` och uppdatera "
        "uppgifterna med `hyte refresh`.",
        "No working groups have been recorded yet. Add them to the `working_groups.csv` register and refresh "
        "the data with `hyte refresh`.",
    ),
    "wg.none_for_age": (
        "Valitulle ikäryhmälle ei ole kirjattu työryhmää. Valitse toinen ikäryhmä tai kaikki ikäryhmät.",
        "Ingen arbetsgrupp har registrerats för den valda åldersgruppen. Välj en annan åldersgrupp eller "
        "alla åldersgrupper.",
        "No working group has been recorded for the chosen age group. Choose another age group or all "
        "age groups.",
    ),
    "wg.no_meetings": (
        "Kaudelle {period} ei ole kirjattu kokouksia. Kokoukset kirjataan rekisteriin `meetings.csv`.",
        "Inga möten har registrerats för perioden {period}. Möten förs in i registret `meetings.csv`.",
        "No meetings have been recorded for {period}. Meetings are kept in the `meetings.csv` register.",
    ),
    "wg.district_note": (
        "Työryhmät toimivat koko kunnan alueella, joten aluerajaus ei vaikuta tähän näkymään.",
        "Arbetsgrupperna verkar i hela kommunen, så områdesavgränsningen påverkar inte den här vyn.",
        "The working groups serve the whole municipality, so the district filter does not change this screen.",
    ),
    "wg.year": ("Tarkasteluvuosi", "Granskningsår", "Year shown"),

    # --- key figures ---
    "wg.fig.on_course": ("Tavoitteessa {year}", "Enligt målet {year}", "On target {year}"),
    "wg.fig.on_course_note": ("ryhmää kokoontui tavoitteen mukaan", "grupper möttes enligt målet",
                              "groups met as often as their target asks"),
    "wg.fig.on_course_note_now": ("ryhmää on tavoitteen tahdissa (vuosi on kesken)",
                                  "grupper håller takten mot målet (året pågår)",
                                  "groups are keeping pace with their target (year in progress)"),
    "wg.fig.meetings": ("Kokoukset {year}", "Möten {year}", "Meetings {year}"),
    "wg.fig.meetings_note": ("pidettyä kokousta, joista {joint} yhteiskokousta",
                             "hållna möten, varav {joint} gemensamma", "meetings held, {joint} of them joint"),
    "wg.fig.attendance": ("Osallistumisaste {year}", "Närvaro {year}", "Attendance {year}"),
    "wg.fig.attendance_note": ("läsnä olleet jäsenet kutsutuista", "närvarande ledamöter av de kallade",
                               "members present of those invited"),
    "wg.fig.vacant": ("Vapaat paikat", "Vakanta platser", "Vacant seats"),
    "wg.fig.vacant_none": ("Kaikki sääntöjen mukaiset paikat on täytetty.",
                           "Alla platser som reglerna kräver är tillsatta.",
                           "Every seat the rules require is filled."),
    "wg.all_on_course": ("Yksikään ryhmä ei jää kokoustavoitteestaan vuonna {year}.",
                         "Ingen grupp ligger under sitt mötesmål år {year}.",
                         "No group falls short of its meeting target in {year}."),
    "wg.short_title": ("**Kokoustavoitteesta jäävät:**", "**Under mötesmålet:**", "**Short of the meeting target:**"),
    "wg.short.below": ("{group}: {meetings} {year}, tavoite {range}", "{group}: {meetings} {year}, mål {range}",
                       "{group}: {meetings} in {year}, target {range}"),
    "wg.short.behind": ("{group}: {meetings} vuonna {year} tähän mennessä, tavoite {range}",
                        "{group}: {meetings} hittills år {year}, mål {range}",
                        "{group}: {meetings} so far in {year}, target {range}"),

    # --- words used everywhere ---
    "wg.meetings.one": ("{n} kokous", "{n} möte", "{n} meeting"),
    "wg.meetings.many": ("{n} kokousta", "{n} möten", "{n} meetings"),
    "wg.at_least": ("vähintään {n}", "minst {n}", "at least {n}"),
    "wg.at_most": ("enintään {n}", "högst {n}", "at most {n}"),
    "wg.target": ("tavoite {range}", "mål {range}", "target {range}"),
    "wg.no_target": ("ei kokoustavoitetta", "inget mötesmål", "no meeting target"),
    "wg.list_and": ("{first} ja {last}", "{first} och {last}", "{first} and {last}"),
    "wg.status.below": ("Alle tavoitteen", "Under målet", "Below target"),
    "wg.status.behind": ("Jäljessä tavoitteesta", "Efter målet", "Behind target"),
    "wg.status.within": ("Tavoitteessa", "Enligt målet", "On target"),
    "wg.status.above": ("Yli tavoitteen", "Över målet", "Above target"),
    "wg.status.in_progress": ("Vuosi kesken", "Året pågår", "Year in progress"),
    "wg.status.no_target": ("Ei tavoitetta", "Inget mål", "No target"),
    "wg.yes": ("kyllä", "ja", "yes"),
    "wg.no": ("ei", "nej", "no"),

    # --- structure ---
    "wg.structure": ("Kuka raportoi kenellekin", "Vem rapporterar till vem", "Who reports to whom"),
    "wg.kind.leadership": ("Johtoryhmä", "Ledningsgrupp", "Leadership group"),
    "wg.kind.steering": ("Ohjausryhmä", "Styrgrupp", "Steering group"),
    "wg.kind.lifecycle": ("Elämänkaariryhmät", "Livsskedesgrupper", "Lifecycle groups"),
    "wg.kind.subgroup": ("Alaryhmät", "Undergrupper", "Sub-groups"),
    "wg.node.meetings": ("{year}: {meetings}", "{year}: {meetings}", "{year}: {meetings}"),
    "wg.node.short": ("alle tavoitteen {range}", "under målet {range}", "below target {range}"),
    "wg.alt.structure": ("Työryhmien rakenne, {n} ryhmää: {reports}.",
                         "Arbetsgruppernas struktur, {n} grupper: {reports}.",
                         "Structure of the working groups, {n} groups: {reports}."),
    "wg.alt.reports": ("{group} raportoi ryhmälle {parent}", "{group} rapporterar till {parent}",
                       "{group} reports to {parent}"),
    "wg.alt.short": ("Kokoustavoitteesta jää vuonna {year}: {groups}.", "Under mötesmålet år {year}: {groups}.",
                     "Short of the meeting target in {year}: {groups}."),
    "wg.alt.none_short": ("Vuonna {year} yksikään ryhmä ei jää kokoustavoitteestaan.",
                          "År {year} ligger ingen grupp under sitt mötesmål.",
                          "In {year} no group is short of its meeting target."),

    # --- meetings ---
    "wg.meetings_title": ("Kokoukset", "Möten", "Meetings"),
    "wg.meetings_year": ("Kokoukset {year} ja tavoite", "Möten {year} och målet",
                         "Meetings in {year} against the target"),
    "wg.kind_own": ("Oma kokous", "Eget möte", "Own meeting"),
    "wg.kind_joint": ("Yhteiskokous", "Gemensamt möte", "Joint meeting"),
    "wg.kind_scheduled": ("Sovittu, tulossa", "Planerat, kommande", "Scheduled, to come"),
    "wg.in_progress_note": (
        "Vuosi on kesken: ryhmä on jäljessä vasta, kun sen pitämiä ja sovittuja kokouksia on vähemmän kuin "
        "kuluneen vuoden osuus tavoitteesta edellyttää. Harmaa alue on tavoiteväli.",
        "Året pågår: en grupp ligger efter först när dess hållna och planerade möten är färre än vad den del "
        "av året som gått kräver av målet. Det grå fältet är målintervallet.",
        "The year is in progress: a group is behind only when its meetings held and scheduled are fewer than "
        "the share of the year gone by asks of its target. The grey band is the target range.",
    ),
    "wg.alt.meetings": ("Kokoukset vuonna {year} ryhmittäin:", "Möten år {year} per grupp:",
                        "Meetings in {year} by group:"),
    "wg.alt.group_year": ("{group} {meetings}, joista yhteiskokouksia {joint}, tavoite {target}, {status}",
                          "{group} {meetings}, varav {joint} gemensamma, mål {target}, {status}",
                          "{group} {meetings}, {joint} of them joint, target {target}, {status}"),
    "wg.meetings_history": ("Kokoukset vuosittain", "Möten per år", "Meetings by year"),
    "wg.joint_short": ("{n} yhteistä", "{n} gemensamma", "{n} joint"),
    "wg.alt.history_in_progress": (
        "Kokoukset {period}: vuosi on vielä kesken, joten yksikään ryhmä ei ole vielä jäänyt vuoden "
        "kokoustavoitteestaan.",
        "Möten {period}: året pågår ännu, så ingen grupp har ännu blivit under årets mötesmål.",
        "Meetings in {period}: the year is still in progress, so no group has fallen short of the year's target yet.",
    ),
    "wg.alt.history_ok_current": (
        "Kokoukset vuosittain {period}: yksikään ryhmä ei jäänyt päättyneen vuoden kokoustavoitteestaan; vuosi "
        "{year} on vielä kesken.",
        "Möten per år {period}: ingen grupp låg under sitt mötesmål under ett avslutat år; år {year} pågår ännu.",
        "Meetings by year {period}: no group fell short of its target in a finished year; {year} is still in "
        "progress.",
    ),
    "wg.alt.history_ok": (
        "Kokoukset vuosittain {period}: yksikään ryhmä ei jäänyt päättyneen vuoden kokoustavoitteestaan.",
        "Möten per år {period}: ingen grupp låg under sitt mötesmål under ett avslutat år.",
        "Meetings by year {period}: no group fell short of its target in a finished year.",
    ),
    "wg.alt.history": ("Kokoukset vuosittain {period}. Tavoitteesta jäivät: {short}.",
                       "Möten per år {period}. Under målet: {short}.",
                       "Meetings by year {period}. Short of the target: {short}."),
    "wg.attendance_title": ("Osallistumisaste vuosittain", "Närvaro per år", "Attendance by year"),
    "wg.all_groups": ("Ryhmät yhteensä", "Grupperna sammanlagt", "The groups together"),
    "wg.alt.attendance_one": (
        "Läsnä olleiden osuus kutsutuista jäsenistä, ryhmät yhteensä: {year} {rate}.",
        "Andelen närvarande av de kallade ledamöterna, grupperna sammanlagt: {year} {rate}.",
        "Members present of those invited, the groups together: {rate} in {year}.",
    ),
    "wg.alt.attendance": (
        "Läsnä olleiden osuus kutsutuista jäsenistä, ryhmät yhteensä: {first_year} {first}, {last_year} {last}.",
        "Andelen närvarande av de kallade ledamöterna, grupperna sammanlagt: {first_year} {first}, "
        "{last_year} {last}.",
        "Members present of those invited, the groups together: {first} in {first_year}, {last} in {last_year}.",
    ),
    "wg.alt.attendance_low": ("Matalin vuonna {year}: {group} {rate}.", "Lägst år {year}: {group} {rate}.",
                              "Lowest in {year}: {group} {rate}."),
    "wg.alt.attendance_none": ("Läsnäoloja ei ole kirjattu.", "Ingen närvaro har registrerats.",
                               "No attendance has been recorded."),

    # --- seats ---
    "wg.seats_title": ("Paikat sääntöjen mukaan", "Platser enligt reglerna", "Seats by the rules"),
    "wg.no_seats": ("Ryhmien paikkoja ei ole kirjattu (rekisteri `seats.csv`).",
                    "Inga platser har registrerats för grupperna (registret `seats.csv`).",
                    "No seats have been recorded for the groups (the `seats.csv` register)."),
    "wg.seat.official": ("Viranhaltijat", "Tjänsteinnehavare", "Officials"),
    "wg.seat.entrepreneur": ("Yrittäjä", "Företagare", "Entrepreneur"),
    "wg.seat.parish": ("Seurakunta", "Församling", "Parish"),
    "wg.seat.ngo": ("Järjestöt", "Organisationer", "NGOs"),
    "wg.vacant_short": ("{n} vapaana", "{n} vakant", "{n} vacant"),
    "wg.vacant": ("{group} – {seat}: vapaana {n}/{required}", "{group} – {seat}: {n} av {required} vakant",
                  "{group} – {seat}: {n} of {required} vacant"),
    "wg.alt.seats": ("Sääntöjen mukaisista paikoista on täytetty {filled}/{required}.",
                     "{filled} av {required} platser enligt reglerna är tillsatta.",
                     "{filled} of the {required} seats the rules require are filled."),
    "wg.alt.seats_full": ("Vapaita paikkoja ei ole.", "Inga platser är vakanta.", "No seat is vacant."),
    "wg.alt.seats_vacant": ("{vacant}.", "{vacant}.", "{vacant}."),

    # --- topics ---
    "wg.topics_title": ("Aiheet painopistealueittain", "Ämnen per fokusområde", "Topics by priority area"),
    "wg.alt.topics_gap": (
        "Yksikään ryhmä ei ole käsitellyt kokouksissaan kaudella {period} näitä painopistealueita: {areas}.",
        "Ingen grupp har behandlat de här fokusområdena på sina möten under {period}: {areas}.",
        "No group has taken up these priority areas in its meetings in {period}: {areas}.",
    ),
    "wg.alt.topics_all": (
        "Jokainen painopistealue on ollut jonkin ryhmän asialistalla kaudella {period}.",
        "Varje fokusområde har funnits på någon grupps föredragningslista under {period}.",
        "Every priority area has been on some group's agenda in {period}.",
    ),
    "wg.alt.topics_cells": ("Käsittelemättä ryhmittäin: {cells}.", "Obehandlat per grupp: {cells}.",
                            "Not taken up, by group: {cells}."),
    "wg.alt.topics_group_gap": ("{group} – {areas}", "{group} – {areas}", "{group} – {areas}"),
    "wg.topics_note": (
        "Luku on asialistan kohtien määrä pidetyissä kokouksissa. Punaisella reunustettu 0 tarkoittaa, ettei "
        "ryhmä ole käsitellyt painopistealuetta lainkaan.",
        "Talet är antalet punkter på föredragningslistorna för hållna möten. En 0 med röd ram betyder att "
        "gruppen inte alls har behandlat fokusområdet.",
        "The number is the agenda items of meetings held. A 0 framed in red means the group has not taken "
        "up the priority area at all.",
    ),

    # --- annual clock ---
    "wg.clock_title": ("Johtoryhmän vuosikello {year}", "Ledningsgruppens årshjul {year}",
                       "The leadership group's annual clock {year}"),
    "wg.clock.none": ("Johtoryhmän vuosikelloon ei ole kirjattu asioita vuodelle {year}.",
                      "Inga punkter har förts in i ledningsgruppens årshjul för {year}.",
                      "No items have been entered in the leadership group's annual clock for {year}."),
    "wg.clock.status.done": ("Tehty", "Klart", "Done"),
    "wg.clock.status.planned": ("Suunniteltu", "Planerat", "Planned"),
    "wg.clock.status.none": ("Ei kirjattua asiaa", "Ingen punkt", "Nothing entered"),
    "wg.clock.centre": ("{done}/{total} tehty", "{done}/{total} klara", "{done}/{total} done"),
    "wg.clock.next": ("Seuraavaksi", "Härnäst", "Next"),
    "wg.clock.nothing_next": ("Vuoden suunnitellut asiat on käsitelty.", "Årets planerade punkter är behandlade.",
                              "The year's planned items have been dealt with."),
    "wg.clock.legend": (
        "Sininen ja ✓: tehty · vaaleansininen: suunniteltu · harmaa: ei asiaa · tumma reuna: kuluva kuukausi",
        "Blått och ✓: klart · ljusblått: planerat · grått: ingen punkt · mörk kant: innevarande månad",
        "Blue with ✓: done · light blue: planned · grey: nothing entered · dark rim: this month",
    ),
    "wg.alt.clock": ("Johtoryhmän vuosikello {year}: {done}/{total} asiaa tehty.",
                     "Ledningsgruppens årshjul {year}: {done} av {total} punkter klara.",
                     "The leadership group's annual clock {year}: {done} of {total} items done."),
    "wg.alt.clock_next": ("Seuraavana vuorossa: {item} ({month}).", "Härnäst: {item} ({month}).",
                          "Next: {item} ({month})."),

    # --- meeting lists and downloads ---
    "wg.lists_title": ("Tulevat ja viimeisimmät kokoukset", "Kommande och senaste möten",
                       "Upcoming and latest meetings"),
    "wg.upcoming": ("Tulevat kokoukset", "Kommande möten", "Upcoming meetings"),
    "wg.no_upcoming": ("Tulevia kokouksia ei ole kirjattu.", "Inga kommande möten har registrerats.",
                       "No upcoming meetings have been recorded."),
    "wg.latest": ("Kunkin ryhmän viimeisin kokous", "Varje grupps senaste möte", "Each group's latest meeting"),
    "wg.downloads": ("Lataa tiedot", "Ladda ner uppgifterna", "Download the data"),
    "wg.download.csv": ("{what} (CSV)", "{what} (CSV)", "{what} (CSV)"),
    "wg.download.excel": ("{what} (Excel)", "{what} (Excel)", "{what} (Excel)"),
    "wg.file.meetings": ("Kokoukset", "Möten", "Meetings"),
    "wg.file.activity": ("Työryhmien aktiivisuus", "Arbetsgruppernas aktivitet", "Working-group activity"),
    "wg.col.date": ("Päivämäärä", "Datum", "Date"),
    "wg.col.group": ("Ryhmä", "Grupp", "Group"),
    "wg.col.joint": ("Yhteiskokous", "Gemensamt möte", "Joint meeting"),
    "wg.col.invited": ("Kutsuttuja", "Kallade", "Invited"),
    "wg.col.present": ("Läsnä", "Närvarande", "Present"),
    "wg.col.attendance": ("Osallistumisaste", "Närvaro", "Attendance"),
    "wg.col.year": ("Vuosi", "År", "Year"),
    "wg.col.meetings": ("Kokouksia", "Möten", "Meetings"),
    "wg.col.joint_count": ("Yhteiskokouksia", "Gemensamma möten", "Joint meetings"),
    "wg.col.scheduled": ("Sovittuja tulevia", "Planerade kommande", "Scheduled to come"),
    "wg.col.target": ("Tavoite", "Mål", "Target"),
    "wg.col.status": ("Tilanne", "Läge", "Status"),

    # --- chart axes and tooltips ---
    "wg.axis.meetings": ("Kokouksia", "Möten", "Meetings"),
    "wg.axis.group": ("Ryhmä", "Grupp", "Group"),
    "wg.axis.target": ("Tavoite", "Mål", "Target"),
    "wg.axis.status": ("Tilanne", "Läge", "Status"),
    "wg.axis.year": ("Vuosi", "År", "Year"),
    "wg.axis.attendance": ("Osallistumisaste", "Närvaro", "Attendance"),
    "wg.axis.seat": ("Paikka", "Plats", "Seat"),
    "wg.axis.required": ("Paikkoja sääntöjen mukaan", "Platser enligt reglerna", "Seats by the rules"),
    "wg.axis.filled": ("Täytetty", "Tillsatta", "Filled"),
    "wg.axis.area": ("Painopistealue", "Fokusområde", "Priority area"),
    "wg.axis.items": ("Asialistan kohtia", "Punkter på föredragningslistan", "Agenda items"),
    "wg.axis.month": ("Kuukausi", "Månad", "Month"),
    "wg.axis.item": ("Asia", "Punkt", "Item"),

    # --- the overview tile ---
    "wg.tile.value_note": ("ryhmää tavoitteessa {year}.", "grupper enligt målet {year}.",
                           "groups on target in {year}."),
    "wg.tile.all": ("Kaikki ryhmät kokoontuivat tavoitteen mukaan vuonna {year}.",
                    "Alla grupper möttes enligt målet år {year}.", "Every group met its target in {year}."),
    "wg.tile.more": ("(ja {n} muuta)", "(och {n} till)", "(and {n} more)"),
    "wg.tile.no_year": ("Valitulla kaudella ei ole päättynyttä vuotta, jolta kokouksia olisi kirjattu.",
                        "Perioden har inget avslutat år med registrerade möten.",
                        "The period has no finished year with meetings recorded."),
    "wg.tile.no_targets": ("Ryhmille ei ole asetettu kokoustavoitteita.", "Grupperna har inga mötesmål.",
                           "The groups have no meeting targets."),
}
TEXT.update({f"wg.month.{i}": names for i, names in enumerate(_MONTHS, start=1)})
TEXT.update({f"wg.month_short.{i}": names for i, names in enumerate(_MONTHS_SHORT, start=1)})
