<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name></name>
    <message>
        <source>CameraView</source>
        <comment>Opening camera…</comment>
        <extracomment>outline of a decoded code decode results older than this are not drawn (the code may have moved)</extracomment>
        <translation>Camera openen…</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>No camera found — retrying…</comment>
        <translation>Geen camera gevonden — opnieuw proberen…</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>Camera disconnected — reconnecting…</comment>
        <translation>Camera losgekoppeld — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>End of the video</comment>
        <translation>Einde van de video</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>Camera off</comment>
        <translation>Camera uit</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>The database is busy or locked by another program. Close other Return Inspector windows on this PC and try again.</source>
        <translation>De database is bezet of wordt door een ander programma gebruikt. Sluit andere vensters van Return Inspector op deze pc en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space; nothing already saved is lost.</source>
        <translation>De schijf is vol. Maak ruimte vrij; wat al is opgeslagen, gaat niet verloren.</translation>
    </message>
    <message>
        <source>The disk could not be read or written. Check the drive; nothing saved is lost.</source>
        <translation>De schijf kan niet worden gelezen of beschreven. Controleer de schijf; er gaat niets verloren van wat is opgeslagen.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a Return Inspector database. Restore it from the backups folder or ask IT for help.</source>
        <translation>Het databasebestand is beschadigd of is geen database van Return Inspector. Zet een kopie uit de map met back-ups terug of vraag IT om hulp.</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from the backups folder or ask IT for help.</source>
        <translation>Het databasebestand is beschadigd. Zet een kopie uit de map met back-ups terug of vraag IT om hulp.</translation>
    </message>
    <message>
        <source>The database is read-only. Check the permissions of the data folder.</source>
        <translation>De database is alleen-lezen. Controleer de rechten op de gegevensmap.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check that the data folder exists and is writable.</source>
        <translation>Het databasebestand kan niet worden geopend. Controleer of de gegevensmap bestaat en beschrijfbaar is.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>A problem with the database</source>
        <translation>Een probleem met de database</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Return Inspector ran into an unexpected problem. What you saved before is safe. Please tell your team lead what you were doing; the details are in the log file.</source>
        <translation>Return Inspector liep tegen een onverwacht probleem aan. Wat je eerder hebt opgeslagen, is veilig. Vertel je teamleider wat je aan het doen was; de details staan in het logbestand.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import returns</source>
        <translation>Retouren importeren</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 importeren</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Bestand lezen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>%1 of %2 lines read</source>
        <translation>%1 van %2 regels gelezen</translation>
    </message>
    <message>
        <source>%1 lines read</source>
        <translation>%1 regels gelezen</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 geïmporteerd</translation>
    </message>
    <message>
        <source>The import was cancelled. Returns imported before that are kept.</source>
        <translation>De import is geannuleerd. Retouren die al waren geïmporteerd, blijven bewaard.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>De import is geannuleerd.</translation>
    </message>
    <message>
        <source>The file could not be imported: %1</source>
        <translation>Het bestand kon niet worden geïmporteerd: %1</translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected problem. The details are in the log file.</source>
        <translation>De import is gestopt door een onverwacht probleem. De details staan in het logbestand.</translation>
    </message>
</context>
<context>
    <name>ImportReportView</name>
    <message>
        <source>New returns</source>
        <translation>Nieuwe retouren</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Returns not imported</source>
        <translation>Retouren niet geïmporteerd</translation>
    </message>
    <message>
        <source>%1 rows were not imported. Correct them in the file and import it again.</source>
        <translation>%1 rijen zijn niet geïmporteerd. Verbeter ze in het bestand en importeer het opnieuw.</translation>
    </message>
    <message>
        <source>Every line was imported.</source>
        <translation>Alle regels zijn geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Tracking number, RMA or return QR code</source>
        <translation>Trackingnummer, RMA of QR-code van de retour</translation>
    </message>
    <message>
        <source>Coming with the inspection station</source>
        <translation>Komt met het inspectiestation</translation>
    </message>
    <message>
        <source>After a scan this page will show the announced return: customer, order, the items with their reasons and the refund choice. From there you open the inspection checklist, take photos, grade each item and print its label.</source>
        <translation>Na een scan toont deze pagina de aangemelde retour: klant, bestelling, de artikelen met hun retourreden en de terugbetaalkeuze. Van daaruit open je de inspectiechecklist, maak je foto&apos;s, beoordeel je elk artikel en print je het etiket.</translation>
    </message>
    <message>
        <source>Scan a parcel</source>
        <translation>Scan een pakket</translation>
    </message>
    <message>
        <source>1. Scan the carrier&apos;s barcode on the parcel, or the QR code of the return label.
2. No barcode? Type the tracking number or RMA and press Enter.
3. The return that was announced for it opens here.</source>
        <translation>1. Scan de barcode van de vervoerder op het pakket, of de QR-code op het retourlabel.
2. Geen barcode? Typ het trackingnummer of RMA-nummer en druk op Enter.
3. De aangemelde retour voor dit pakket opent hier.</translation>
    </message>
    <message>
        <source>Scanned %1. Looking up parcels is not available yet at this station.</source>
        <translation>%1 gescand. Pakketten opzoeken kan nog niet op dit station.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Return Inspector — log in</source>
        <translation>Return Inspector — aanmelden</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badgecode</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>Scan je badge</translation>
    </message>
    <message>
        <source>Hold your badge under the scanner, or type its code and press Enter.</source>
        <translation>Houd je badge onder de scanner, of typ de code en druk op Enter.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Or choose your name</source>
        <translation>Of kies je naam</translation>
    </message>
    <message>
        <source>Arrow keys to choose, Enter to continue.</source>
        <translation>Kies met de pijltjestoetsen, Enter om verder te gaan.</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Voer je pincode in</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Terug (Esc)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Supervisors, team leads and administrators confirm their badge with their PIN.</source>
        <translation>Leidinggevenden, teamleiders en beheerders bevestigen hun badge met hun pincode.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Try again or ask your team lead.</source>
        <translation>Badge %1 is hier niet bekend. Probeer het opnieuw of vraag het je teamleider.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Verkeerde pincode. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This user can no longer log in. Ask your team lead.</source>
        <translation>Deze gebruiker kan zich niet meer aanmelden. Vraag het je teamleider.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait %1 seconds, then try again.</source>
        <translation>Te vaak een verkeerde pincode. Wacht %1 seconden en probeer het dan opnieuw.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Return Inspector — %1</source>
        <translation>Return Inspector — %1</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Ontvangst</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>%1   F%2</source>
        <translation>%1   F%2</translation>
    </message>
    <message>
        <source>F%1 or Alt+%1</source>
        <translation>F%1 of Alt+%1</translation>
    </message>
</context>
<context>
    <name>RejectionTableModel</name>
    <message>
        <source>File and line</source>
        <translation>Bestand en regel</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>Waarom niet geïmporteerd</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Coming next</source>
        <translation>Komt hierna</translation>
    </message>
    <message>
        <source>Intake reports per day or period as PDF, CSV or Excel: returns received, grades, reasons and processing times. Labels can be printed again and evidence packs exported for customers, carriers and payment providers.</source>
        <translation>Ontvangstrapporten per dag of periode als PDF, CSV of Excel: ontvangen retouren, beoordelingen, retourredenen en doorlooptijden. Etiketten opnieuw printen en bewijsdossiers exporteren voor klanten, vervoerders en betaalproviders.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>What this station holds now:</source>
        <translation>Wat dit station nu bevat:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Coming next</source>
        <translation>Komt hierna</translation>
    </message>
    <message>
        <source>Finished inspections waiting for a supervisor, exceptions to look at (wrong or missing items, suspected fraud, late returns) and open disputes with their evidence will be listed here.</source>
        <translation>Hier komen afgeronde inspecties die op een leidinggevende wachten, uitzonderingen om na te kijken (verkeerde of ontbrekende artikelen, vermoedelijke fraude, te late retouren) en openstaande geschillen met hun bewijs.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>What this station holds now:</source>
        <translation>Wat dit station nu bevat:</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Example supervisor</source>
        <translation>Voorbeeld leidinggevende</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Zoals de computer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation>Geluid na elke scan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>A new language is used from the next login.</source>
        <translation>Een nieuwe taal geldt vanaf de volgende aanmelding.</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>Stationscode</translation>
    </message>
    <message>
        <source>Warehouse code</source>
        <translation>Magazijncode</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Centrale database</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Synchroniseren elke</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Geluiden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Scanner types like a keyboard</source>
        <translation>Scanner typt als een toetsenbord</translation>
    </message>
    <message>
        <source>e.g. COM3</source>
        <translation>bijv. COM3</translation>
    </message>
    <message>
        <source>Keyboard wedge</source>
        <translation>Toetsenbordscanner (wedge)</translation>
    </message>
    <message>
        <source>Time between keys</source>
        <translation>Tijd tussen toetsen</translation>
    </message>
    <message>
        <source>Shortest barcode</source>
        <translation>Kortste barcode</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Voorvoegsel</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Achtervoegsel</translation>
    </message>
    <message>
        <source>Ends with</source>
        <translation>Eindigt met</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Seriële scanner</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Seriële poort</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>A scanner on a (virtual) COM port is not affected by the keyboard layout or Caps Lock.</source>
        <translation>Een scanner op een (virtuele) COM-poort heeft geen last van de toetsenbordindeling of Caps Lock.</translation>
    </message>
    <message>
        <source>Use a camera to read barcodes and take photos</source>
        <translation>Camera gebruiken voor barcodes en foto&apos;s</translation>
    </message>
    <message>
        <source>A device number (0 is the first camera), a video file, or a stream address (rtsp:// or http://).</source>
        <translation>Een apparaatnummer (0 is de eerste camera), een videobestand of een streamadres (rtsp:// of http://).</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolutie</translation>
    </message>
    <message>
        <source>Printer name or IP address</source>
        <translation>Printernaam of IP-adres</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Etiketformaat</translation>
    </message>
    <message>
        <source>Print labels with</source>
        <translation>Etiketten printen via</translation>
    </message>
    <message>
        <source>Zebra printer</source>
        <translation>Zebra-printer</translation>
    </message>
    <message>
        <source>Zebra port</source>
        <translation>Zebra-poort</translation>
    </message>
    <message>
        <source>Codes use letters, digits, - and _ only (at most 32), e.g. ST-01 or NL-AMS.</source>
        <translation>Codes bestaan alleen uit letters, cijfers, - en _ (hoogstens 32), bijv. ST-01 of NL-AMS.</translation>
    </message>
    <message>
        <source>The central database must be a postgresql:// address, or empty.</source>
        <translation>De centrale database moet een postgresql://-adres zijn, of leeg.</translation>
    </message>
    <message>
        <source>Camera %1 is not a device number, an existing video file or a stream address.</source>
        <translation>Camera %1 is geen apparaatnummer, bestaand videobestand of streamadres.</translation>
    </message>
    <message>
        <source>Printing to a Zebra printer needs its name or IP address.</source>
        <translation>Voor printen op een Zebra-printer is de naam of het IP-adres nodig.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Import returns…</source>
        <translation>Retouren importeren…</translation>
    </message>
    <message>
        <source>Read announced returns from a CSV or JSONL file</source>
        <translation>Aangemelde retouren inlezen uit een CSV- of JSONL-bestand</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <source>The new station or warehouse code is used after a restart.</source>
        <translation>De nieuwe stations- of magazijncode geldt na een herstart.</translation>
    </message>
    <message>
        <source>The new language is used from the next login.</source>
        <translation>De nieuwe taal geldt vanaf de volgende aanmelding.</translation>
    </message>
    <message>
        <source>Importing returns is not part of this version yet.</source>
        <translation>Retouren importeren zit nog niet in deze versie.</translation>
    </message>
    <message>
        <source>Import returns</source>
        <translation>Retouren importeren</translation>
    </message>
    <message>
        <source>Returns files (*.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Retourbestanden (*.csv *.jsonl *.ndjson);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>Database %1</translation>
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation>Afmelden (Ctrl+L)</translation>
    </message>
    <message>
        <source>Offline — not configured</source>
        <translation>Offline — niet ingesteld</translation>
    </message>
    <message>
        <source>Sync not running yet</source>
        <translation>Synchronisatie draait nog niet</translation>
    </message>
    <message>
        <source>%1 · %2 changes waiting</source>
        <translation>%1 · %2 wijzigingen wachten</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Returns announced</source>
        <translation>Aangemelde retouren</translation>
    </message>
    <message>
        <source>Parcels received</source>
        <translation>Ontvangen pakketten</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Inspecties</translation>
    </message>
    <message>
        <source>Inspections open</source>
        <translation>Open inspecties</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>Wijzigingen die wachten op synchronisatie</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter of Tab</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als PDF</translation>
    </message>
    <message>
        <source>Print dialog</source>
        <translation>Printvenster</translation>
    </message>
    <message>
        <source>Zebra printer (ZPL over the network)</source>
        <translation>Zebra-printer (ZPL via het netwerk)</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Leidinggevende</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleider</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>A required value is missing.</source>
        <translation>Een verplichte waarde ontbreekt.</translation>
    </message>
    <message>
        <source>The RMA number is not valid (RMA and 8 digits).</source>
        <translation>Het RMA-nummer is ongeldig (RMA en 8 cijfers).</translation>
    </message>
    <message>
        <source>The GTIN (EAN) is not valid.</source>
        <translation>De GTIN (EAN) is ongeldig.</translation>
    </message>
    <message>
        <source>A date cannot be read or is impossible.</source>
        <translation>Een datum is onleesbaar of onmogelijk.</translation>
    </message>
    <message>
        <source>The refund choice is not known.</source>
        <translation>De terugbetaalkeuze is onbekend.</translation>
    </message>
    <message>
        <source>The country is not known.</source>
        <translation>Het land is onbekend.</translation>
    </message>
    <message>
        <source>The product category is not known.</source>
        <translation>De productcategorie is onbekend.</translation>
    </message>
    <message>
        <source>The return reason is not known.</source>
        <translation>De retourreden is onbekend.</translation>
    </message>
    <message>
        <source>The sales channel is not known.</source>
        <translation>Het verkoopkanaal is onbekend.</translation>
    </message>
    <message>
        <source>The customer segment is not known.</source>
        <translation>Het klantsegment is onbekend.</translation>
    </message>
    <message>
        <source>The currency is not known.</source>
        <translation>De valuta is onbekend.</translation>
    </message>
    <message>
        <source>The warehouse is not known at this station.</source>
        <translation>Het magazijn is op dit station onbekend.</translation>
    </message>
    <message>
        <source>The text is not UTF-8. Save the file as &apos;CSV UTF-8&apos;.</source>
        <translation>De tekst is geen UTF-8. Sla het bestand op als &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>A value looks like a spreadsheet formula and is refused.</source>
        <translation>Een waarde lijkt op een spreadsheetformule en is geweigerd.</translation>
    </message>
    <message>
        <source>The quantity is not a positive whole number.</source>
        <translation>Het aantal is geen positief geheel getal.</translation>
    </message>
    <message>
        <source>The price is not valid.</source>
        <translation>De prijs is ongeldig.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>Het e-mailadres is ongeldig.</translation>
    </message>
    <message>
        <source>The postcode does not fit the country.</source>
        <translation>De postcode past niet bij het land.</translation>
    </message>
    <message>
        <source>The tracking number is not valid.</source>
        <translation>Het trackingnummer is ongeldig.</translation>
    </message>
    <message>
        <source>The line number is not valid.</source>
        <translation>Het regelnummer is ongeldig.</translation>
    </message>
    <message>
        <source>The same return line appears twice.</source>
        <translation>Dezelfde retourregel staat er twee keer in.</translation>
    </message>
    <message>
        <source>The same RMA number appears with different details.</source>
        <translation>Hetzelfde RMA-nummer staat erin met verschillende gegevens.</translation>
    </message>
    <message>
        <source>The return is already being inspected and was not changed.</source>
        <translation>De retour wordt al geïnspecteerd en is niet gewijzigd.</translation>
    </message>
    <message>
        <source>The row cannot be read.</source>
        <translation>De rij is onleesbaar.</translation>
    </message>
    <message>
        <source>The line is not valid JSON.</source>
        <translation>De regel is geen geldige JSON.</translation>
    </message>
    <message>
        <source>A value is too long.</source>
        <translation>Een waarde is te lang.</translation>
    </message>
    <message>
        <source>Other rows of this return have errors.</source>
        <translation>Andere rijen van deze retour bevatten fouten.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Het bestand bestaat niet.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>Dit is een map, geen bestand.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Het bestand kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>This is not a CSV or JSON Lines file. Save a spreadsheet as &apos;CSV UTF-8&apos; first.</source>
        <translation>Dit is geen CSV- of JSON Lines-bestand. Sla een spreadsheet eerst op als &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation>Het bestand is geen UTF-8-tekst. Sla het op als &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The column headings are missing, doubled or not known.</source>
        <translation>De kolomkoppen ontbreken, staan er dubbel in of zijn onbekend.</translation>
    </message>
    <message>
        <source>The station&apos;s warehouse is not in the database.</source>
        <translation>Het magazijn van dit station staat niet in de database.</translation>
    </message>
    <message>
        <source>%1 Column: %2</source>
        <translation>%1 Kolom: %2</translation>
    </message>
</context>
</TS>
