"""UI text of sign-in, roles, public links, uploads, refresh and the change log: key -> (fi, sv, en)."""

TEXT: dict[str, tuple[str, str, str]] = {
    # --- sign-in and roles ---
    "access.open_banner": (
        "Avoin tila: kirjautumista ei ole otettu käyttöön, joten kaikki näkymät ja tietojen päivitys ovat auki.",
        "Öppet läge: inloggning är inte aktiverad, så alla vyer och datauppdateringar är öppna.",
        "Open mode: sign-in is not configured, so every screen and data update is open to anyone.",
    ),
    "access.public_banner": ("Julkinen esityslinkki: vain koostenäkymät, voimassa {until} asti",
                             "Offentlig presentationslänk: endast sammanställda vyer, giltig till {until}",
                             "Public presentation link: aggregate screens only, valid until {until}"),
    "access.public_invalid": ("Esityslinkki on vanhentunut tai virheellinen.",
                              "Presentationslänken har gått ut eller är ogiltig.",
                              "The presentation link has expired or is not valid."),
    "access.signin.title": ("Kirjaudu sisään", "Logga in", "Sign in"),
    "access.signin.lead": (
        "Hyvinvointijohtamisen tilannekuva on kunnan sisäiseen käyttöön. Kirjaudu kunnan tunnuksillasi.",
        "Lägesbilden för välfärdsledning är för kommunens internt bruk. Logga in med ditt kommunkonto.",
        "The wellbeing-management dashboard is for the municipality's internal use. Sign in with your "
        "municipal account.",
    ),
    "access.signin.button": ("Kirjaudu sisään", "Logga in", "Sign in"),
    "access.signin.with": ("Kirjaudu: {provider}", "Logga in: {provider}", "Sign in: {provider}"),
    "access.signin.failed": (
        "Kirjautuminen ei onnistunut: tunnistuspalvelu ei vahvistanut kirjautumista tai se keskeytettiin. "
        "Yritä uudelleen. Jos tämä toistuu, kerro IT-tuelle (syy on palvelimen lokissa).",
        "Inloggningen lyckades inte: identitetstjänsten bekräftade den inte eller så avbröts den. "
        "Försök igen. Om det upprepas, kontakta IT-supporten (orsaken finns i serverns logg).",
        "Sign-in did not succeed: the identity provider did not confirm it, or it was cancelled. "
        "Try again. If this keeps happening, tell IT support (the server log says why).",
    ),
    "access.signin.unreachable": (
        "Tunnistuspalvelu ({host}) ei vastaa, joten kirjautuminen ei nyt onnistu. Yritä hetken päästä "
        "uudelleen. Jos tämä jatkuu, kerro IT-tuelle.",
        "Identitetstjänsten ({host}) svarar inte, så det går inte att logga in just nu. Försök igen om en "
        "stund. Om det fortsätter, kontakta IT-supporten.",
        "The identity provider ({host}) does not answer, so signing in is not possible right now. Try "
        "again in a moment. If this goes on, tell IT support.",
    ),
    "access.signin.misconfigured": (
        "Kirjautumisen asetuksissa on virhe, joten kirjautuminen ei onnistu. Kerro IT-tuelle "
        "(syy on palvelimen lokissa; asetukset: .streamlit/secrets.toml).",
        "Inloggningens inställningar är felaktiga, så det går inte att logga in. Kontakta IT-supporten "
        "(orsaken finns i serverns logg; inställningar: .streamlit/secrets.toml).",
        "Sign-in is misconfigured, so signing in is not possible. Tell IT support (the server log says "
        "why; settings: .streamlit/secrets.toml).",
    ),
    "access.signed_in": ("Kirjautunut: {who} · {role}", "Inloggad: {who} · {role}", "Signed in: {who} · {role}"),
    "access.signout": ("Kirjaudu ulos", "Logga ut", "Sign out"),
    "access.role.viewer": ("katselija", "läsare", "viewer"),
    "access.role.coordinator": ("koordinaattori", "koordinator", "coordinator"),
    "access.role.admin": ("pääkäyttäjä", "administratör", "administrator"),
    "access.role.none": ("ei käyttöoikeutta", "ingen behörighet", "no access"),
    "access.denied.title": ("Ei käyttöoikeutta", "Ingen behörighet", "No access"),
    "access.denied.role": (
        "Tämä sivu on vain hyvinvointikoordinaattoreille ja pääkäyttäjille. Roolisi on: {role}.",
        "Den här sidan är endast för välfärdskoordinatorer och administratörer. Din roll är: {role}.",
        "This page is for wellbeing coordinators and administrators only. Your role is: {role}.",
    ),
    "access.denied.public": ("Julkinen esityslinkki näyttää vain koostenäkymät.",
                             "En offentlig presentationslänk visar endast sammanställda vyer.",
                             "A public presentation link shows the aggregate screens only."),
    "access.no_role": (
        "Olet kirjautunut ({who}), mutta sinulle ei ole annettu käyttöoikeutta. Pyydä pääkäyttäjää lisäämään sinut.",
        "Du är inloggad ({who}) men har ingen behörighet. Be administratören att lägga till dig.",
        "You are signed in ({who}) but have not been given access. Ask an administrator to add you.",
    ),

    # --- register uploads ---
    "up.title": ("Päivitä rekisteri tiedostosta", "Uppdatera ett register från en fil", "Update a register from a file"),
    "up.lead": (
        "Tiedosto tarkistetaan kuten `hyte refresh` tarkistaa sen. Se ladataan vain, jos virheitä ei ole; "
        "edellinen versio säilyy ja voidaan palauttaa.",
        "Filen kontrolleras som `hyte refresh` kontrollerar den. Den laddas bara om den är felfri; den "
        "tidigare versionen sparas och kan återställas.",
        "The file is checked as `hyte refresh` checks it. It is loaded only if it has no problems; the "
        "previous version is kept and can be restored.",
    ),
    "up.register": ("Rekisteri", "Register", "Register"),
    "up.file": ("Tiedosto (CSV tai XLSX)", "Fil (CSV eller XLSX)", "File (CSV or XLSX)"),
    "up.button": ("Tarkista ja lataa", "Kontrollera och ladda", "Check and load"),
    "up.checking": ("Tarkistetaan {file}…", "Kontrollerar {file}…", "Checking {file}…"),
    "up.loaded": ("Ladattu {file}: {rows} riviä rekisteriin {register}.",
                  "Laddat {file}: {rows} rader i registret {register}.",
                  "Loaded {file}: {rows} rows into the register {register}."),
    "up.unchanged": ("{file} on sama kuin nykyinen versio; tiedot eivät muuttuneet.",
                     "{file} är samma som den nuvarande versionen; inget ändrades.",
                     "{file} is the same as the current version; nothing changed."),
    "up.rejected": (
        "Tiedostoa {file} ei ladattu: {count} virhettä. Tiedot pysyivät ennallaan. Korjaa alla luetellut "
        "rivit ja lataa tiedosto uudelleen.",
        "Filen {file} laddades inte: {count} fel. Uppgifterna är oförändrade. Rätta raderna nedan och "
        "ladda filen på nytt.",
        "{file} was not loaded: {count} problems. The data is unchanged. Fix the lines listed below and "
        "upload the file again.",
    ),
    "up.failed": ("Lataus epäonnistui: {message}. Tiedot pysyivät ennallaan.",
                  "Laddningen misslyckades: {message}. Uppgifterna är oförändrade.",
                  "The load failed: {message}. The data is unchanged."),
    "up.no_package": (
        "Aineistopakettia ei löydy ({path}). Aja `hyte refresh` tällä palvelimella tai aseta "
        "ympäristömuuttuja HYTE_PACKAGE_CONFIG osoittamaan paketin hyte.toml-tiedostoon.",
        "Datapaketet hittas inte ({path}). Kör `hyte refresh` på den här servern eller ange "
        "miljövariabeln HYTE_PACKAGE_CONFIG till paketets hyte.toml.",
        "The data package cannot be found ({path}). Run `hyte refresh` on this server, or set the "
        "environment variable HYTE_PACKAGE_CONFIG to the package's hyte.toml.",
    ),
    "up.empty.confirm": (
        "Tyhjennä rekisteri {register}: {rows} riviä poistuu",
        "Töm registret {register}: {rows} rader försvinner",
        "Empty the register {register}: {rows} rows disappear",
    ),
    "up.empty.button": ("Lataa silti tyhjä tiedosto", "Ladda den tomma filen ändå", "Load the empty file anyway"),
    "up.all.button": ("Tee koko virheluettelo ladattavaksi", "Gör hela fellistan nedladdningsbar",
                      "Make the full problem list to download"),
    "up.all.making": ("Kirjoitetaan kaikkia virheitä tiedostoon…", "Skriver alla fel till en fil…",
                      "Writing every problem to a file…"),
    "up.all.download": ("Lataa koko virheluettelo ({count} riviä)", "Ladda ner hela fellistan ({count} rader)",
                        "Download the full problem list ({count} lines)"),
    "up.all.failed": ("Virheluettelon teko epäonnistui. Kokeile uudelleen tai aja palvelimella "
                      "`hyte refresh --all-problems TIEDOSTO`.",
                      "Det gick inte att göra fellistan. Försök igen eller kör `hyte refresh --all-problems FIL` "
                      "på servern.",
                      "Making the problem list failed. Try again, or run `hyte refresh --all-problems FILE` on "
                      "the server."),
    "up.all.cli": ("Koko virheluettelo: aja palvelimella `hyte refresh --all-problems TIEDOSTO`.",
                   "Hela fellistan: kör `hyte refresh --all-problems FIL` på servern.",
                   "The full problem list: run `hyte refresh --all-problems FILE` on the server."),
    "up.restore.title": ("Palauta aiempi versio", "Återställ en tidigare version", "Restore an earlier version"),
    "up.restore.choose": ("Tallennettu versio", "Sparad version", "Saved version"),
    "up.restore.button": ("Palauta tämä versio", "Återställ den här versionen", "Restore this version"),
    "up.restore.none": ("Rekisteristä ei ole vielä tallennettuja versioita (ne tallentuvat ensimmäisestä latauksesta).",
                        "Registret har inga sparade versioner ännu (de sparas från den första uppladdningen).",
                        "No saved versions of this register yet (they are kept from the first upload on)."),
    "up.version": ("{when} · {name} · {rows} riviä · {who}", "{when} · {name} · {rows} rader · {who}",
                   "{when} · {name} · {rows} rows · {who}"),
    "up.version.current": ("{label} (nykyinen)", "{label} (nuvarande)", "{label} (current)"),
    "up.version.absent": ("ei tiedostoa", "ingen fil", "no file"),
    "up.origin.package": ("paketista", "från paketet", "from the package"),

    # --- refresh from Sotkanet ---
    "ref.title": ("Päivitä tiedot", "Uppdatera uppgifterna", "Refresh the data"),
    "ref.lead": (
        "Hakee Sotkanetin indikaattorit ja lataa koko aineistopaketin uudelleen, kuten yöllinen päivitys.",
        "Hämtar Sotkanets indikatorer och laddar hela datapaketet på nytt, som den nattliga uppdateringen.",
        "Fetches Sotkanet's indicators and reloads the whole data package, as the nightly refresh does.",
    ),
    "ref.button": ("Päivitä Sotkanetista nyt", "Uppdatera från Sotkanet nu", "Refresh from Sotkanet now"),
    "ref.running": ("Päivitetään…", "Uppdaterar…", "Refreshing…"),
    "ref.step": ("{step}: {rows} riviä", "{step}: {rows} rader", "{step}: {rows} rows"),
    "ref.done": ("Päivitys valmis: {rows} riviä.", "Uppdateringen klar: {rows} rader.", "Refresh done: {rows} rows."),
    "ref.unchanged": ("Ei muutoksia edelliseen lataukseen.", "Inga ändringar sedan förra laddningen.",
                      "No changes since the last load."),
    "ref.stale": ("Osa Sotkanetin tiedoista on välimuistista: {message}",
                  "En del av Sotkanets uppgifter kommer från cachen: {message}",
                  "Some Sotkanet data is from the cache: {message}"),

    # --- the change log ---
    "audit.title": ("Muutosloki", "Ändringslogg", "Change log"),
    "audit.none": ("Muutoksia ei ole vielä kirjattu.", "Inga ändringar har loggats ännu.", "No changes logged yet."),
    "audit.col.at": ("Aika", "Tid", "When"),
    "audit.col.actor": ("Kuka", "Vem", "Who"),
    "audit.col.action": ("Muutos", "Ändring", "Change"),
    "audit.col.register": ("Rekisteri", "Register", "Register"),
    "audit.col.file": ("Tiedosto", "Fil", "File"),
    "audit.col.rows": ("Rivejä", "Rader", "Rows"),
    "audit.col.message": ("Huomautus", "Anmärkning", "Note"),
    "audit.action.upload": ("lataus", "uppladdning", "upload"),
    "audit.action.restore": ("palautus", "återställning", "restore"),
    "audit.action.refresh": ("päivitys", "uppdatering", "refresh"),
    "audit.action.rejected": ("hylätty", "avvisad", "rejected"),

    # --- public presentation links (administrators) ---
    "pub.title": ("Julkinen esityslinkki", "Offentlig presentationslänk", "Public presentation link"),
    "pub.lead": (
        "Valtuuston kokoukseen: linkki avaa vain koostenäkymät ilman kirjautumista ja vanhenee valittuna päivänä.",
        "För fullmäktige: länken öppnar endast sammanställda vyer utan inloggning och går ut valt datum.",
        "For a council meeting: the link opens the aggregate screens only, without sign-in, and expires "
        "on the chosen day.",
    ),
    "pub.until": ("Voimassa asti", "Giltig till", "Valid until"),
    "pub.button": ("Luo linkki", "Skapa länk", "Create the link"),
    "pub.disabled": ("Aseta secrets.toml-tiedoston [access]-osioon publish_secret, niin linkkejä voi luoda.",
                     "Ange publish_secret i avsnittet [access] i secrets.toml för att kunna skapa länkar.",
                     "Set publish_secret in the [access] section of secrets.toml to create links."),
}
