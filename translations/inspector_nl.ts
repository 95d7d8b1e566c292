<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>CameraPanel</name>
    <message>
        <source>the camera gives no picture (is it connected, and not in use by another program?)</source>
        <translation>de camera geeft geen beeld (is hij aangesloten en niet in gebruik door een ander programma?)</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>het bestand kon niet worden gelezen</translation>
    </message>
    <message>
        <source>the picture could not be read</source>
        <translation>de afbeelding kon niet worden gelezen</translation>
    </message>
    <message>
        <source>an unexpected problem (%1)</source>
        <translation>een onverwacht probleem (%1)</translation>
    </message>
    <message>
        <source>What the next photo shows</source>
        <translation>Wat de volgende foto laat zien</translation>
    </message>
    <message>
        <source>Take photo (Space)</source>
        <translation>Foto maken (spatie)</translation>
    </message>
    <message>
        <source>Import photo from file…</source>
        <translation>Foto uit bestand importeren…</translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation>Foto verwijderen</translation>
    </message>
    <message>
        <source>No camera is set up. Use “Import photo from file…”.</source>
        <translation>Er is geen camera ingesteld. Gebruik “Foto uit bestand importeren…”.</translation>
    </message>
    <message>
        <source>Import photo…</source>
        <translation>Foto importeren…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Photos still needed: %1</source>
        <translation>Nog nodig: foto&apos;s van %1</translation>
    </message>
    <message>
        <source>All required photos are taken.</source>
        <translation>Alle verplichte foto&apos;s zijn gemaakt.</translation>
    </message>
    <message>
        <source>Import photo</source>
        <translation>Foto importeren</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>No photo was taken: %1</source>
        <translation>Er is geen foto gemaakt: %1</translation>
    </message>
</context>
<context>
    <name>CameraPicker</name>
    <message>
        <source>Find cameras</source>
        <translation>Camera&apos;s zoeken</translation>
    </message>
    <message>
        <source>Camera number, video file or stream address</source>
        <translation>Cameranummer, videobestand of streamadres</translation>
    </message>
    <message>
        <source>%1 (camera %2)</source>
        <translation>%1 (camera %2)</translation>
    </message>
    <message>
        <source>Cameras found: %1. Choose one, or type a video file or stream address.</source>
        <translation>Camera&apos;s gevonden: %1. Kies er een, of typ een videobestand of streamadres.</translation>
    </message>
    <message>
        <source>No camera found. You can type a video file or stream URL.</source>
        <translation>Geen camera gevonden. Je kunt een videobestand of stream-URL typen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Other size</source>
        <translation>Andere grootte</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Opening camera…</source>
        <translation>Camera wordt geopend…</translation>
    </message>
    <message>
        <source>No camera found — retrying…</source>
        <translation>Geen camera gevonden — opnieuw proberen…</translation>
    </message>
    <message>
        <source>Camera disconnected — reconnecting…</source>
        <translation>Camera losgekoppeld — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>End of the video</source>
        <translation>Einde van de video</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Camera uit</translation>
    </message>
    <message>
        <source>Hold the code inside the corner marks</source>
        <translation>Houd de code binnen de hoekmarkeringen</translation>
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
    <message>
        <source>The database&apos;s helper file %1 is read-only (left behind when the database itself was read-only). Close Return Inspector, make that file writable or delete it, and start again; nothing is lost.</source>
        <translation>Het hulpbestand %1 van de database is alleen-lezen (achtergebleven toen de database zelf alleen-lezen was). Sluit Return Inspector, maak dat bestand beschrijfbaar of verwijder het en start opnieuw; er gaat niets verloren.</translation>
    </message>
    <message>
        <source>%1 cannot be read or written (no permission, or a read-only disk). Check the permissions; nothing already saved is lost.</source>
        <translation>%1 kan niet worden gelezen of geschreven (geen rechten, of een alleen-lezen schijf). Controleer de rechten; wat al is opgeslagen gaat niet verloren.</translation>
    </message>
    <message>
        <source>The database is older than this version and cannot be upgraded while it is read-only. Run &apos;inspector db upgrade&apos; with write access.</source>
        <translation>De database is ouder dan deze versie en kan niet worden bijgewerkt zolang hij alleen-lezen is. Voer &apos;inspector db upgrade&apos; uit met schrijfrechten.</translation>
    </message>
    <message>
        <source>The central database cannot be reached. Check the network, or look at this station&apos;s own records instead.</source>
        <translation>De centrale database is niet bereikbaar. Controleer het netwerk, of bekijk de gegevens van dit station zelf.</translation>
    </message>
    <message>
        <source>The central database refused this station&apos;s login. Ask IT to check the central URL in Settings.</source>
        <translation>De centrale database weigert de aanmelding van dit station. Vraag IT de centrale URL in Instellingen te controleren.</translation>
    </message>
    <message>
        <source>The central database is not set up for this version. Ask IT to run &apos;inspector central upgrade&apos; and &apos;inspector central roles&apos;.</source>
        <translation>De centrale database is niet bijgewerkt voor deze versie. Vraag IT &apos;inspector central upgrade&apos; en &apos;inspector central roles&apos; uit te voeren.</translation>
    </message>
    <message>
        <source>This station&apos;s login may not read the central database. Ask IT to run &apos;inspector central roles&apos;.</source>
        <translation>Dit station mag de centrale database niet lezen. Vraag IT &apos;inspector central roles&apos; uit te voeren.</translation>
    </message>
    <message>
        <source>The central database is starting up or shutting down. Try again in a minute.</source>
        <translation>De centrale database start op of wordt afgesloten. Probeer het over een minuut opnieuw.</translation>
    </message>
    <message>
        <source>The central database address in Settings is not valid. Ask IT for the right one.</source>
        <translation>Het adres van de centrale database in Instellingen is niet geldig. Vraag IT om het juiste adres.</translation>
    </message>
</context>
<context>
    <name>DetailTables</name>
    <message>
        <source>%1, version %2</source>
        <translation>%1, versie %2</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Trackingnummer</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Announced reason</source>
        <translation>Opgegeven reden</translation>
    </message>
    <message>
        <source>Customer&apos;s comment</source>
        <translation>Opmerking van de klant</translation>
    </message>
    <message>
        <source>Customer asked for</source>
        <translation>Klant vroeg om</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Suggested grade</source>
        <translation>Voorgestelde beoordeling</translation>
    </message>
    <message>
        <source>Final grade</source>
        <translation>Definitieve beoordeling</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Reden van afwijking</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Bestemming</translation>
    </message>
    <message>
        <source>Refund advice</source>
        <translation>Terugbetalingsadvies</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Inspector&apos;s notes</source>
        <translation>Notities van de inspecteur</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>gecontroleerd</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>NIET GECONTROLEERD</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>GEWIJZIGD</translation>
    </message>
    <message>
        <source>after the break</source>
        <translation>na de breuk</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Dispute by %1</source>
        <translation>Geschil van %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>← Results</source>
        <translation>← Resultaten</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>Bewijsdossier…</translation>
    </message>
    <message>
        <source>Open dispute</source>
        <translation>Geschil openen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Change grade</source>
        <translation>Beoordeling wijzigen</translation>
    </message>
    <message>
        <source>Close dispute</source>
        <translation>Geschil sluiten</translation>
    </message>
    <message>
        <source>Disputes about another station&apos;s inspection are recorded at that station.</source>
        <translation>Geschillen over de inspectie van een ander station worden op dat station vastgelegd.</translation>
    </message>
    <message>
        <source>Answers (%1)</source>
        <translation>Antwoorden (%1)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Return and grade</source>
        <translation>Retour en beoordeling</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Grades (%1)</source>
        <translation>Verloop (%1)</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Verloop</translation>
    </message>
    <message>
        <source>Grade history (%1)</source>
        <translation>Beoordelingen (%1)</translation>
    </message>
    <message>
        <source>Audit (%1)</source>
        <translation>Audit (%1)</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit timeline (%1)</source>
        <translation>Audittijdlijn (%1)</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Foto&apos;s (%1)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Disputes (%1)</source>
        <translation>Geschillen (%1)</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>Geschillen</translation>
    </message>
    <message>
        <source>the audit chain of station %1 is broken at event %2</source>
        <translation>de auditketen van station %1 is gebroken bij gebeurtenis %2</translation>
    </message>
    <message>
        <source>event %1 was changed after it was recorded</source>
        <translation>gebeurtenis %1 is na het vastleggen gewijzigd</translation>
    </message>
    <message>
        <source>photo %1 (%2) no longer matches its SHA-256</source>
        <translation>foto %1 (%2) klopt niet meer met zijn SHA-256</translation>
    </message>
    <message>
        <source>photo %1 (%2) is not in the audit log</source>
        <translation>foto %1 (%2) staat niet in het auditlog</translation>
    </message>
    <message>
        <source>the field %1 of the record no longer matches event %2</source>
        <translation>het veld %1 van het record klopt niet meer met gebeurtenis %2</translation>
    </message>
    <message>
        <source>the record no longer matches event %1</source>
        <translation>het record klopt niet meer met gebeurtenis %1</translation>
    </message>
    <message>
        <source>the record was settled before record hashes existed and cannot be verified</source>
        <translation>het record werd vastgelegd voordat recordhashes bestonden en kan niet worden gecontroleerd</translation>
    </message>
    <message>
        <source>the record of this finished inspection was never settled</source>
        <translation>het record van deze afgeronde inspectie is nooit vastgelegd</translation>
    </message>
    <message>
        <source>NOT VERIFIED: %1.</source>
        <translation>NIET GECONTROLEERD: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) match their SHA-256</source>
        <translation>
            <numerusform>%Ln foto heeft zijn SHA-256</numerusform>
            <numerusform>%Ln foto&apos;s hebben hun SHA-256</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not finished yet: audit chain intact (%Ln event(s)), %1.</source>
        <translation>
            <numerusform>Nog niet afgerond: auditketen intact (%Ln gebeurtenis), %1.</numerusform>
            <numerusform>Nog niet afgerond: auditketen intact (%Ln gebeurtenissen), %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence verified: audit chain intact (%Ln event(s)), %1, the record (answers, grade, refund, notes, flags) is the one event %2 settled.</source>
        <translation>
            <numerusform>Bewijs gecontroleerd: auditketen intact (%Ln gebeurtenis), %1, het record (antwoorden, beoordeling, terugbetaling, notities, signalen) is het record dat gebeurtenis %2 vastlegde.</numerusform>
            <numerusform>Bewijs gecontroleerd: auditketen intact (%Ln gebeurtenissen), %1, het record (antwoorden, beoordeling, terugbetaling, notities, signalen) is het record dat gebeurtenis %2 vastlegde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Open a dispute</source>
        <translation>Geschil openen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>Change the grade</source>
        <translation>Beoordeling wijzigen</translation>
    </message>
    <message>
        <source>Close the dispute</source>
        <translation>Geschil sluiten</translation>
    </message>
    <message>
        <source>Their case or claim number</source>
        <translation>Hun dossier- of claimnummer</translation>
    </message>
    <message>
        <source>Disputed by</source>
        <translation>Betwist door</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Current grade</source>
        <translation>Huidige beoordeling</translation>
    </message>
    <message>
        <source>New grade</source>
        <translation>Nieuwe beoordeling</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reden (verplicht)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Slotnotitie</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The original grade stays visible in the history and the audit log.</source>
        <translation>De oorspronkelijke beoordeling blijft zichtbaar in de geschiedenis en het auditlog.</translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation>Schrijf eerst de reden op.</translation>
    </message>
    <message>
        <source>Close the dispute as “%1”? It cannot be reopened. Press Save again to close it.</source>
        <translation>Het geschil sluiten als “%1”? Het kan niet worden heropend. Druk nogmaals op Opslaan om het te sluiten.</translation>
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
    <name>GradingPanel</name>
    <message>
        <source>Finish (Enter)</source>
        <translation>Afronden (Enter)</translation>
    </message>
    <message>
        <source>Other grade…</source>
        <translation>Ander oordeel…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>Destination: &lt;b&gt;%1 %2&lt;/b&gt;</source>
        <translation>Bestemming: &lt;b&gt;%1 %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Dangerous goods: to the hazardous-goods cage, hazard mark on the label</source>
        <translation>Gevaarlijke stoffen: naar de kooi voor gevaarlijke stoffen, gevarenteken op het etiket</translation>
    </message>
    <message>
        <source>Wrong item: not back to stock as the announced product; WRONG ITEM mark and the scanned code on the label</source>
        <translation>Verkeerd artikel: niet terug op voorraad als het aangemelde product; WRONG ITEM-teken en de gescande code op het etiket</translation>
    </message>
    <message>
        <source>Not complete yet</source>
        <translation>Nog niet compleet</translation>
    </message>
    <message>
        <source>suggests %1</source>
        <translation>stelt %1 voor</translation>
    </message>
    <message>
        <source>%1 % less refund</source>
        <translation>%1 % minder terugbetaling</translation>
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
    <message numerus="yes">
        <source>%1 of %Ln line(s) read</source>
        <translation>
            <numerusform>%1 van %Ln regel gelezen</numerusform>
            <numerusform>%1 van %Ln regels gelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>%Ln regel gelezen</numerusform>
            <numerusform>%Ln regels gelezen</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%Ln row(s) were not imported. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>%Ln rij is niet geïmporteerd. Verbeter die in het bestand en importeer het opnieuw.</numerusform>
            <numerusform>%Ln rijen zijn niet geïmporteerd. Verbeter ze in het bestand en importeer het opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every line was imported.</source>
        <translation>Alle regels zijn geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <source>Notes for the supervisor (optional)</source>
        <translation>Opmerking voor leidinggevende (optioneel)</translation>
    </message>
    <message>
        <source>Back to the return (Esc)</source>
        <translation>Terug naar de retour (Esc)</translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation>Extra artikel</translation>
    </message>
    <message>
        <source>%1 — unit %2</source>
        <translation>%1 — stuk %2</translation>
    </message>
    <message>
        <source>SKU %1 · expected GTIN %2</source>
        <translation>SKU %1 · verwachte GTIN %2</translation>
    </message>
    <message>
        <source> · serial %1</source>
        <translation> · serienummer %1</translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation> · reden: %1</translation>
    </message>
    <message>
        <source> · “%1”</source>
        <translation> · “%1”</translation>
    </message>
    <message>
        <source>Not announced: extra item, checked by a supervisor</source>
        <translation>Niet aangemeld: extra artikel, een leidinggevende controleert het</translation>
    </message>
    <message>
        <source>%1 is not a product barcode.</source>
        <translation>%1 is geen productbarcode.</translation>
    </message>
    <message>
        <source>a photo of the wrong item</source>
        <translation>een foto van het verkeerde artikel</translation>
    </message>
    <message>
        <source>scan of the product barcode</source>
        <translation>scan van de productbarcode</translation>
    </message>
    <message>
        <source>Not complete yet. Still needed: %1</source>
        <translation>Nog niet compleet. Nog nodig: %1</translation>
    </message>
    <message>
        <source>All as expected (A)</source>
        <translation>Alles zoals verwacht (A)</translation>
    </message>
    <message>
        <source>Answers every open question with its expected answer; you answer only what differs.</source>
        <translation>Beantwoordt elke open vraag met het verwachte antwoord; jij beantwoordt alleen wat afwijkt.</translation>
    </message>
    <message>
        <source>Y/N, 1–9 answer · A all as expected · Space photo · Enter finish</source>
        <translation>J/N, 1–9 antwoord · A alles zoals verwacht · spatie foto · Enter afronden</translation>
    </message>
    <message>
        <source>%1 Your entries stay on screen and are saved as soon as that works (tried every few seconds).</source>
        <translation>%1 Wat u invoerde blijft op het scherm en wordt opgeslagen zodra dat lukt (elke paar seconden opnieuw geprobeerd).</translation>
    </message>
    <message>
        <source>Saved again: nothing you entered was lost.</source>
        <translation>Weer opgeslagen: er is niets van uw invoer verloren gegaan.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Tracking number, RMA or QR code</source>
        <translation>Trackingnummer, RMA of QR-code</translation>
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
        <source>Back to scanning (Esc)</source>
        <translation>Terug naar scannen (Esc)</translation>
    </message>
    <message>
        <source>This code belongs to several returns. Arrow keys choose, Enter opens.</source>
        <translation>Deze code hoort bij meerdere retouren. Kies met de pijltjestoetsen, open met Enter.</translation>
    </message>
    <message>
        <source>Check the scanner or keyboard: %1</source>
        <translation>Controleer de scanner of het toetsenbord: %1</translation>
    </message>
    <message>
        <source>The scan could not be read: %1 Scan again.</source>
        <translation>De scan kon niet gelezen worden: %1 Scan opnieuw.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln return(s) for %1</source>
        <translation>
            <numerusform>%Ln retour voor %1</numerusform>
            <numerusform>%Ln retouren voor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Label %1: the item is selected below. Enter re-prints its label.</source>
        <translation>Label %1: het artikel is hieronder geselecteerd. Enter drukt het label opnieuw af.</translation>
    </message>
    <message>
        <source>%1: the check digit is wrong. Scan again.</source>
        <translation>%1: het controlecijfer klopt niet. Scan opnieuw.</translation>
    </message>
    <message>
        <source>%1 is not a parcel code. Scan the parcel&apos;s label.</source>
        <translation>%1 is geen pakketcode. Scan het label van het pakket.</translation>
    </message>
</context>
<context>
    <name>ItemHistory</name>
    <message>
        <source>Re-print label</source>
        <translation>Etiket opnieuw afdrukken</translation>
    </message>
    <message>
        <source>Finished items</source>
        <translation>Afgeronde artikelen</translation>
    </message>
    <message>
        <source>Missing — %1 — %2</source>
        <translation>Ontbreekt — %1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
</context>
<context>
    <name>LabelOutput</name>
    <message>
        <source>The label printer did not print: %1 The label PDF is saved.</source>
        <translation>De etiketprinter heeft niet afgedrukt: %1 De etiket-PDF is opgeslagen.</translation>
    </message>
    <message>
        <source>The label could not be sent: %1 The label PDF is saved.</source>
        <translation>Het etiket kon niet verstuurd worden: %1 De etiket-PDF is opgeslagen.</translation>
    </message>
    <message>
        <source>The printer at %1 refused the connection. Is it switched on and is the port right?</source>
        <translation>De printer op %1 weigert de verbinding. Staat hij aan en klopt de poort?</translation>
    </message>
    <message>
        <source>The printer at %1 did not answer within %2 s. Check the network cable and the printer&apos;s address.</source>
        <translation>De printer op %1 antwoordde niet binnen %2 s. Controleer de netwerkkabel en het adres van de printer.</translation>
    </message>
    <message>
        <source>The printer&apos;s address %1 is unknown. Check the printer settings.</source>
        <translation>Het adres %1 van de printer is onbekend. Controleer de printerinstellingen.</translation>
    </message>
    <message>
        <source>The label could not be sent to %1: %2</source>
        <translation>Het etiket kon niet naar %1 worden gestuurd: %2</translation>
    </message>
    <message>
        <source>Printing was cancelled. The label PDF is saved.</source>
        <translation>Afdrukken is geannuleerd. De etiket-PDF is opgeslagen.</translation>
    </message>
    <message>
        <source>The printer could not be opened. The label PDF is saved.</source>
        <translation>De printer kon niet geopend worden. De etiket-PDF is opgeslagen.</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>SKU %1
GTIN %2</source>
        <translation>SKU %1
GTIN %2</translation>
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
        <source>Demo data. Codes to try:</source>
        <translation>Demodata. Codes om te proberen:</translation>
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
        <source>The scan could not be read: %1 Scan again.</source>
        <translation>De scan kon niet gelezen worden: %1 Scan opnieuw.</translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Try again or ask your team lead.</source>
        <translation>Badge %1 is hier niet bekend. Probeer het opnieuw of vraag het je teamleider.</translation>
    </message>
    <message>
        <source>Scan your badge to log in.</source>
        <translation>Scan je badge om in te loggen.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Verkeerde pincode. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This user can no longer log in. Ask your team lead.</source>
        <translation>Deze gebruiker kan zich niet meer aanmelden. Vraag het je teamleider.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Te vaak een verkeerde pincode. Wacht %n seconde en probeer het dan opnieuw.</numerusform>
            <numerusform>Te vaak een verkeerde pincode. Wacht %n seconden en probeer het dan opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is the badge of %1: enter the PIN.</source>
        <translation>Dat is de badge van %1: voer de pincode in.</translation>
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
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>%1   F%2</source>
        <translation>%1   F%2</translation>
    </message>
    <message>
        <source>%1
F%2</source>
        <translation>%1
F%2</translation>
    </message>
    <message>
        <source>F%1 or Alt+%1</source>
        <translation>F%1 of Alt+%1</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Het bestand kon niet worden geschreven: %1</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Another grade</source>
        <translation>Ander oordeel</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Why another grade? (at least 10 characters)</source>
        <translation>Waarom een ander oordeel? (minstens 10 tekens)</translation>
    </message>
    <message>
        <source>Finish with this grade (Enter)</source>
        <translation>Afronden met dit oordeel (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuleren (Esc)</translation>
    </message>
    <message>
        <source>Choose another grade</source>
        <translation>Kies een ander oordeel</translation>
    </message>
    <message>
        <source>The checklist suggests %1. Keys 1–4 choose a grade, then write why.</source>
        <translation>De checklist stelt %1 voor. Kies met de toetsen 1–4 een oordeel en schrijf waarom.</translation>
    </message>
    <message>
        <source>%1 needs first: %2. Esc: take them (grade and reason are kept).</source>
        <translation>%1 vraagt eerst: %2. Esc: maak ze (oordeel en reden blijven bewaard).</translation>
    </message>
    <message numerus="yes">
        <source>Write why you choose %1 instead of %2 (at least %n character(s)).</source>
        <translation>
            <numerusform>Schrijf waarom je %1 kiest in plaats van %2 (minstens %n teken).</numerusform>
            <numerusform>Schrijf waarom je %1 kiest in plaats van %2 (minstens %n tekens).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>A badge code is 4 to 32 letters, digits or &apos;-&apos;.</source>
        <translation>Een badgecode bestaat uit 4 tot 32 letters, cijfers of &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Give the person&apos;s name.</source>
        <translation>Vul de naam van de persoon in.</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>Een naam heeft hoogstens %1 tekens.</translation>
    </message>
    <message>
        <source>Choose inspector, supervisor, team lead or administrator.</source>
        <translation>Kies inspecteur, leidinggevende, teamleider of beheerder.</translation>
    </message>
    <message>
        <source>The language is Dutch, English or the station&apos;s.</source>
        <translation>De taal is Nederlands, Engels of die van het station.</translation>
    </message>
    <message>
        <source>Inspectors log in with their badge only; they have no PIN.</source>
        <translation>Inspecteurs melden zich alleen met hun badge aan; zij hebben geen pincode.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>De twee pincodes verschillen. Typ twee keer dezelfde pincode.</translation>
    </message>
    <message>
        <source>A PIN for this role is %1 to %2 digits.</source>
        <translation>Een pincode voor deze rol heeft %1 tot %2 cijfers.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (one digit repeated, or a run like 123456).</source>
        <translation>Deze pincode is te makkelijk te raden (steeds hetzelfde cijfer, of een reeks zoals 123456).</translation>
    </message>
    <message>
        <source>This role needs a PIN: type a new one twice.</source>
        <translation>Deze rol heeft een pincode nodig: typ twee keer een nieuwe.</translation>
    </message>
    <message>
        <source>Nobody here matches %1.</source>
        <translation>Niemand hier past bij %1.</translation>
    </message>
    <message>
        <source>Several people match %1; give the badge code.</source>
        <translation>Meerdere mensen passen bij %1; geef de badgecode.</translation>
    </message>
    <message>
        <source>Badge %1 already belongs to %2.</source>
        <translation>Badge %1 is al van %2.</translation>
    </message>
    <message>
        <source>The warehouse would have no administrator left.</source>
        <translation>Het magazijn zou dan geen beheerder meer hebben.</translation>
    </message>
    <message>
        <source>A warehouse code is 1 to 32 letters, digits, - or _ (e.g. NL-AMS).</source>
        <translation>Een magazijncode bestaat uit 1 tot 32 letters, cijfers, - of _ (bijv. NL-AMS).</translation>
    </message>
    <message>
        <source>A station code is 1 to 32 letters, digits, - or _ (e.g. ST-01).</source>
        <translation>Een stationscode bestaat uit 1 tot 32 letters, cijfers, - of _ (bijv. ST-01).</translation>
    </message>
    <message>
        <source>The time zone %1 is not known; choose one like Europe/Amsterdam.</source>
        <translation>De tijdzone %1 is onbekend; kies er een zoals Europe/Amsterdam.</translation>
    </message>
    <message>
        <source>A return window is 0 to 3650 days.</source>
        <translation>Een retourtermijn is 0 tot 3650 dagen.</translation>
    </message>
    <message>
        <source>A fee or deduction is 0 to 100 %.</source>
        <translation>Een vergoeding of aftrek is 0 tot 100 %.</translation>
    </message>
    <message>
        <source>This station is already set up.</source>
        <translation>Dit station is al ingericht.</translation>
    </message>
    <message>
        <source>Badge %1 is also on line %2.</source>
        <translation>Badge %1 staat ook op regel %2.</translation>
    </message>
    <message>
        <source>%1 is already here; change them in the list instead.</source>
        <translation>%1 staat er al; wijzig deze persoon in de lijst.</translation>
    </message>
    <message>
        <source>%1 is also on line %2.</source>
        <translation>%1 staat ook op regel %2.</translation>
    </message>
    <message>
        <source>The file names nobody.</source>
        <translation>Het bestand noemt niemand.</translation>
    </message>
    <message>
        <source>The first line must name the columns, at least name and role.</source>
        <translation>De eerste regel moet de kolommen noemen, minstens naam en rol.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation>Het bestand is geen UTF-8-tekst. Sla het op als &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The file is larger than 2 MB; is it the right file?</source>
        <translation>Het bestand is groter dan 2 MB; is het wel het goede bestand?</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Het bestand kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>Give the warehouse&apos;s code.</source>
        <translation>Vul de code van het magazijn in.</translation>
    </message>
    <message>
        <source>The enrolment code is for station %1.</source>
        <translation>De aanmeldcode is voor station %1.</translation>
    </message>
    <message>
        <source>This is not a usable enrolment code. Copy it again, all of it (it starts with RI1-).</source>
        <translation>Dit is geen bruikbare aanmeldcode. Kopieer hem opnieuw, helemaal (hij begint met RI1-).</translation>
    </message>
    <message>
        <source>The central database refused this enrolment code: it was used already, or the station was enrolled again since. Ask IT for a new code.</source>
        <translation>De centrale database weigert deze aanmeldcode: hij is al gebruikt, of het station is sindsdien opnieuw aangemeld. Vraag IT om een nieuwe code.</translation>
    </message>
    <message>
        <source>The central database does not know this code&apos;s station. Ask IT for a new code.</source>
        <translation>De centrale database kent het station van deze code niet. Vraag IT om een nieuwe code.</translation>
    </message>
    <message>
        <source>The central database cannot be reached. Check the network and try again, or leave the code empty for now.</source>
        <translation>De centrale database is niet bereikbaar. Controleer het netwerk en probeer het opnieuw, of laat de code voorlopig leeg.</translation>
    </message>
    <message>
        <source>%1 (badge %2) is deactivated. Reactivate? Write yes in the column reactivate, or activate them in the list.</source>
        <translation>%1 (badge %2) is gedeactiveerd. Heractiveren? Schrijf ja in de kolom heractiveren, of activeer hem of haar in de lijst.</translation>
    </message>
    <message>
        <source>Badge %1 belongs to %2, who is deactivated; it is never given to somebody else.</source>
        <translation>Badge %1 hoort bij %2, die gedeactiveerd is; een badge gaat nooit naar iemand anders.</translation>
    </message>
    <message>
        <source>Several deactivated people are called %1; give the badge code of the one to reactivate.</source>
        <translation>Meerdere gedeactiveerde mensen heten %1; geef de badgecode van wie weer actief moet worden.</translation>
    </message>
    <message>
        <source>Reactivate is yes or no (or empty).</source>
        <translation>Heractiveren is ja of nee (of leeg).</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>Same as the station</source>
        <translation>Zoals het station</translation>
    </message>
    <message>
        <source>New badge</source>
        <translation>Nieuwe badge</translation>
    </message>
    <message>
        <source>Give a new badge (the old one stops working)</source>
        <translation>Nieuwe badge geven (de oude werkt dan niet meer)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badgecode</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Pincode nogmaals</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Supervisors, team leads and administrators need a PIN (administrators at least 6 digits).</source>
        <translation>Leidinggevenden, teamleiders en beheerders hebben een pincode nodig (beheerders minstens 6 cijfers).</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Nieuwe pincode</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importeren…</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Badges printen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>gedeactiveerd</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activeren</translation>
    </message>
    <message>
        <source>Only administrators manage people.</source>
        <translation>Alleen beheerders beheren mensen.</translation>
    </message>
    <message>
        <source>Added %1, badge %2.</source>
        <translation>%1 toegevoegd, badge %2.</translation>
    </message>
    <message>
        <source>Saved %1 (badge %2).</source>
        <translation>%1 opgeslagen (badge %2).</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 kan zich niet meer aanmelden.</translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation>%1 mag zich weer aanmelden.</translation>
    </message>
    <message>
        <source>%1 has a new PIN.</source>
        <translation>%1 heeft een nieuwe pincode.</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Mensen importeren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) added. Print their badges now.</source>
        <translation>
            <numerusform>%Ln persoon toegevoegd. Print nu de badge.</numerusform>
            <numerusform>%Ln mensen toegevoegd. Print nu hun badges.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln badge(s) written to %1</source>
        <translation>
            <numerusform>%Ln badge geschreven naar %1</numerusform>
            <numerusform>%Ln badges geschreven naar %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>empty: new badge</source>
        <translation>leeg: nieuwe badge</translation>
    </message>
    <message>
        <source>Left empty, the person gets a new, unguessable badge</source>
        <translation>Leeg gelaten krijgt de persoon een nieuwe, onraadbare badge</translation>
    </message>
    <message>
        <source>empty: unchanged</source>
        <translation>leeg: ongewijzigd</translation>
    </message>
    <message>
        <source>Left empty, the PIN stays as it is</source>
        <translation>Leeg gelaten blijft de pincode zoals hij is</translation>
    </message>
    <message>
        <source>Reactivated: %1 (their badges work again).</source>
        <translation>Weer actief: %1 (hun badges werken weer).</translation>
    </message>
    <message>
        <source>Nobody was added or changed. Fix these lines first: %1</source>
        <translation>Niemand is toegevoegd of gewijzigd. Verbeter eerst deze regels: %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Vorige</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Volgende →</translation>
    </message>
    <message>
        <source>− Zoom out</source>
        <translation>− Uitzoomen</translation>
    </message>
    <message>
        <source>+ Zoom in</source>
        <translation>+ Inzoomen</translation>
    </message>
    <message>
        <source>0 Fit</source>
        <translation>0 Passend</translation>
    </message>
    <message>
        <source>S Side by side</source>
        <translation>S Naast elkaar</translation>
    </message>
    <message>
        <source>F Full screen</source>
        <translation>F Volledig scherm</translation>
    </message>
    <message>
        <source>Esc Close</source>
        <translation>Esc Sluiten</translation>
    </message>
    <message>
        <source>Photo %1 of %2: %3</source>
        <translation>Foto %1 van %2: %3</translation>
    </message>
    <message>
        <source>Taken %1 at station %2</source>
        <translation>Gemaakt %1 op station %2</translation>
    </message>
    <message>
        <source>BROKEN EVIDENCE: the file no longer has the SHA-256 recorded when it was taken.</source>
        <translation>BEWIJS GESCHONDEN: het bestand heeft niet meer de SHA-256 die bij het maken is vastgelegd.</translation>
    </message>
    <message>
        <source>BROKEN EVIDENCE: this photo is not in the audit log.</source>
        <translation>BEWIJS GESCHONDEN: deze foto staat niet in het auditlog.</translation>
    </message>
    <message>
        <source>Verified: the file is exactly as recorded.</source>
        <translation>Gecontroleerd: het bestand is precies zoals vastgelegd.</translation>
    </message>
    <message>
        <source>The file cannot be shown.</source>
        <translation>Het bestand kan niet worden getoond.</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestanden van &amp;type:</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source> (optional)</source>
        <translation> (optioneel)</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Ja (J)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Nee (N)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Scan or type, then Enter</source>
        <translation>Scan of typ, dan Enter</translation>
    </message>
    <message>
        <source>Take photo: %1</source>
        <translation>Foto maken: %1</translation>
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
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Count &amp;anyway</source>
        <translation>&amp;Alsnog tellen</translation>
    </message>
    <message>
        <source>Parcels received</source>
        <translation>Ontvangen pakketten</translation>
    </message>
    <message>
        <source>Items inspected</source>
        <translation>Gekeurde artikelen</translation>
    </message>
    <message>
        <source>Minutes scan to graded (median)</source>
        <translation>Minuten tot beoordeling (mediaan)</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Uitzonderingen</translation>
    </message>
    <message>
        <source>Estimated recovered value</source>
        <translation>Geschatte teruggewonnen waarde</translation>
    </message>
    <message>
        <source>Intake per hour</source>
        <translation>Ontvangst per uur</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Beoordelingen</translation>
    </message>
    <message>
        <source>The warehouse&apos;s stations as central knows them</source>
        <translation>De stations van het magazijn zoals de centrale database ze kent</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Tot en met</translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation>&amp;Magazijn</translation>
    </message>
    <message numerus="yes">
        <source>This period is %Ln day(s) long and may take a while to count. Press Count anyway, or choose a shorter period.</source>
        <translation>
            <numerusform>Deze periode is %Ln dag lang; het tellen kan even duren. Kies Alsnog tellen, of een kortere periode.</numerusform>
            <numerusform>Deze periode is %Ln dagen lang; het tellen kan even duren. Kies Alsnog tellen, of een kortere periode.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formaat</translation>
    </message>
    <message>
        <source>Intake report</source>
        <translation>Ontvangstrapport</translation>
    </message>
    <message>
        <source>&amp;Count from</source>
        <translation>&amp;Tellen uit</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>From and To are local days in the warehouse&apos;s time zone (%1); the same date twice is a daily report.</source>
        <translation>Van en Tot en met zijn lokale dagen in de tijdzone van het magazijn (%1); twee keer dezelfde datum is een dagrapport.</translation>
    </message>
    <message>
        <source>Items graded</source>
        <translation>Artikelen beoordeeld</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikelen</translation>
    </message>
    <message>
        <source>No parcels were received and no items inspected in this period.</source>
        <translation>In deze periode zijn geen pakketten ontvangen en geen artikelen gekeurd.</translation>
    </message>
    <message>
        <source>Save the intake report</source>
        <translation>Ontvangstrapport opslaan</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Het rapport wordt geschreven…</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Het exporteren is geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>The report was saved as %1</source>
        <translation>Het rapport is opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <source>Resume an unfinished inspection?</source>
        <translation>Verder met een onafgemaakte controle?</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>extra item</source>
        <translation>extra artikel</translation>
    </message>
    <message>
        <source>%1
%2, started %3</source>
        <translation>%1
%2, begonnen %3</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, door %2</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>iemand anders</translation>
    </message>
</context>
<context>
    <name>ReturnActions</name>
    <message>
        <source>Parcel received (box: %1). Inspect the items one by one.</source>
        <translation>Pakket ontvangen (doos: %1). Controleer de artikelen een voor een.</translation>
    </message>
    <message>
        <source>Receive the parcel first: choose the box condition (Enter = intact).</source>
        <translation>Ontvang eerst het pakket: kies de staat van de doos (Enter = intact).</translation>
    </message>
    <message>
        <source>Every unit of %1 is already inspected.</source>
        <translation>Alle stuks van %1 zijn al gecontroleerd.</translation>
    </message>
    <message>
        <source>%1 is not in this return. Add it as an extra item? (Add extra item…)</source>
        <translation>%1 hoort niet bij deze retour. Toevoegen als extra artikel? (Extra artikel…)</translation>
    </message>
    <message>
        <source>The inspection stays open; continue it with Inspect next unit.</source>
        <translation>De controle blijft open; ga verder met Controleren.</translation>
    </message>
    <message>
        <source>Item missing</source>
        <translation>Artikel ontbreekt</translation>
    </message>
    <message>
        <source>One unit of %1 is not in the parcel. What did you find?</source>
        <translation>Eén stuk van %1 zit niet in het pakket. Wat heb je gevonden?</translation>
    </message>
    <message>
        <source>e.g. parcel held only the scarf</source>
        <translation>bijv. in het pakket zat alleen de sjaal</translation>
    </message>
    <message>
        <source>One unit of %1 recorded as missing.</source>
        <translation>Eén stuk van %1 is als ontbrekend vastgelegd.</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Product %1</translation>
    </message>
    <message>
        <source>Scanned %1. Describe the item if you can, then Enter.</source>
        <translation>%1 gescand. Beschrijf het artikel als dat kan, dan Enter.</translation>
    </message>
    <message>
        <source>Add extra item</source>
        <translation>Extra artikel toevoegen</translation>
    </message>
    <message>
        <source>An item that was not announced. Describe it; then check and photograph it. A supervisor decides what happens to it.</source>
        <translation>Een artikel dat niet is aangemeld. Beschrijf het, controleer en fotografeer het. Een leidinggevende beslist wat ermee gebeurt.</translation>
    </message>
    <message>
        <source>e.g. children&apos;s book, blue</source>
        <translation>bijv. kinderboek, blauw</translation>
    </message>
    <message>
        <source>Registered as %1. Add every item in the parcel as an extra item and photograph it.</source>
        <translation>Geregistreerd als %1. Voeg elk artikel in het pakket toe als extra artikel en fotografeer het.</translation>
    </message>
    <message>
        <source>Graded %1 → %2 %3. Label %4 is being made…</source>
        <translation>Beoordeeld: %1 → %2 %3. Etiket %4 wordt gemaakt…</translation>
    </message>
    <message>
        <source>Label %1 saved: %2</source>
        <translation>Etiket %1 opgeslagen: %2</translation>
    </message>
    <message>
        <source>Label %1 printed (PDF: %2)</source>
        <translation>Etiket %1 afgedrukt (PDF: %2)</translation>
    </message>
    <message>
        <source>Label %1 sent to the label printer (PDF: %2)</source>
        <translation>Etiket %1 naar de etiketprinter gestuurd (PDF: %2)</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>Etiket %1</translation>
    </message>
</context>
<context>
    <name>ReturnList</name>
    <message>
        <source>%1 — %2, %3 %4 — order %5 — %6 — %7</source>
        <translation>%1 — %2, %3 %4 — bestelling %5 — %6 — %7</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln artikel</numerusform>
            <numerusform>%Ln artikelen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Already received on %1 at station %2 by %3 (box: %4).</source>
        <translation>Al ontvangen op %1 bij station %2 door %3 (doos: %4).</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>(geen adres)</translation>
    </message>
    <message>
        <source>Cancelled by customer service. Do not inspect: put the parcel aside for your supervisor.</source>
        <translation>Geannuleerd door de klantenservice. Niet controleren: zet het pakket apart voor je leidinggevende.</translation>
    </message>
    <message>
        <source>Receive the parcel. Box:</source>
        <translation>Pakket ontvangen. Doos:</translation>
    </message>
    <message>
        <source>%1 (Enter)</source>
        <translation>%1 (Enter)</translation>
    </message>
    <message>
        <source>Inspect next unit (Enter)</source>
        <translation>Controleren (Enter)</translation>
    </message>
    <message>
        <source>Mark missing…</source>
        <translation>Ontbreekt…</translation>
    </message>
    <message>
        <source>Add extra item…</source>
        <translation>Extra artikel…</translation>
    </message>
    <message>
        <source>Scan next parcel (Esc)</source>
        <translation>Volgend pakket (Esc)</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Retour %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>Order &lt;b&gt;%1&lt;/b&gt; · &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Bestelling &lt;b&gt;%1&lt;/b&gt; · &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Earlier returns: %1&lt;br&gt;Refused: %2</source>
        <translation>Eerdere retouren: %1&lt;br&gt;Geweigerd: %2</translation>
    </message>
    <message>
        <source>Serial returner</source>
        <translation>Veelretourneerder</translation>
    </message>
    <message>
        <source>Delivery date unknown</source>
        <translation>Leverdatum onbekend</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) since delivery (window %1)</source>
        <translation>
            <numerusform>%Ln dag sinds levering (termijn %1)</numerusform>
            <numerusform>%Ln dagen sinds levering (termijn %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>LATE: %1</source>
        <translation>TE LAAT: %1</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Vervoerder</translation>
    </message>
    <message>
        <source>Payment provider</source>
        <translation>Betaalprovider</translation>
    </message>
    <message>
        <source>Upheld: the inspection stands</source>
        <translation>Gehandhaafd: de inspectie blijft staan</translation>
    </message>
    <message>
        <source>Decided in the customer&apos;s favour</source>
        <translation>In het voordeel van de klant beslist</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Geschikt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Grade changed</source>
        <translation>Beoordeling gewijzigd</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Parcel received</source>
        <translation>Pakket ontvangen</translation>
    </message>
    <message>
        <source>Unannounced parcel registered</source>
        <translation>Onaangekondigd pakket geregistreerd</translation>
    </message>
    <message>
        <source>Item verified</source>
        <translation>Artikel gecontroleerd</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>Antwoord gegeven</translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation>Antwoord gewijzigd</translation>
    </message>
    <message>
        <source>Notes changed</source>
        <translation>Notities gewijzigd</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Foto toegevoegd</translation>
    </message>
    <message>
        <source>Photo removed</source>
        <translation>Foto verwijderd</translation>
    </message>
    <message>
        <source>Grade set</source>
        <translation>Beoordeling vastgesteld</translation>
    </message>
    <message>
        <source>Grade overridden</source>
        <translation>Beoordeling overschreven</translation>
    </message>
    <message>
        <source>Grade changed in a dispute</source>
        <translation>Beoordeling gewijzigd in een geschil</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>Etiket geprint</translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation>Etiket opnieuw geprint</translation>
    </message>
    <message>
        <source>Dispute opened</source>
        <translation>Geschil geopend</translation>
    </message>
    <message>
        <source>Dispute note</source>
        <translation>Notitie bij geschil</translation>
    </message>
    <message>
        <source>Dispute decision</source>
        <translation>Besluit bij geschil</translation>
    </message>
    <message>
        <source>Dispute closed</source>
        <translation>Geschil gesloten</translation>
    </message>
    <message>
        <source>This inspection no longer exists.</source>
        <translation>Deze inspectie bestaat niet meer.</translation>
    </message>
    <message>
        <source>Only finished inspections can be disputed.</source>
        <translation>Alleen afgeronde inspecties kunnen worden betwist.</translation>
    </message>
    <message>
        <source>Give the reason for the new grade.</source>
        <translation>Geef de reden voor de nieuwe beoordeling.</translation>
    </message>
    <message>
        <source>The item already has this grade.</source>
        <translation>Het artikel heeft deze beoordeling al.</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Schrijf eerst iets op.</translation>
    </message>
    <message>
        <source>This dispute no longer exists.</source>
        <translation>Dit geschil bestaat niet meer.</translation>
    </message>
    <message>
        <source>This dispute is already closed.</source>
        <translation>Dit geschil is al gesloten.</translation>
    </message>
</context>
<context>
    <name>ReviewFilters</name>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestelnummer</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Trackingnummer</translation>
    </message>
    <message>
        <source>Customer or e-mail</source>
        <translation>Klantnaam of e-mail</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Laatste 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>Tussen datums</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>Elke beoordeling</translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation>Elk signaal</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Show or hide the grade, station, inspector and flag filters</source>
        <translation>Toon of verberg de filters op beoordeling, station, inspecteur en signaal</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>t/&amp;m</translation>
    </message>
    <message>
        <source>Any station</source>
        <translation>Elk station</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation>Meer filters (%1)</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Meer filters</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message numerus="yes">
        <source>More than %Ln return(s) match this name, so only the newest %Ln are searched. Type more of the name.</source>
        <translation>
            <numerusform>Meer dan %Ln retour past bij deze naam; alleen de nieuwste %Ln wordt doorzocht. Typ meer van de naam.</numerusform>
            <numerusform>Meer dan %Ln retouren passen bij deze naam; alleen de nieuwste %Ln worden doorzocht. Typ meer van de naam.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inspection(s) shown; loading more…</source>
        <translation>
            <numerusform>%Ln inspectie getoond; meer worden geladen…</numerusform>
            <numerusform>%Ln inspecties getoond; meer worden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <source>No finished inspections match these filters.</source>
        <translation>Geen afgeronde inspecties passen bij deze filters.</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Meer tonen</translation>
    </message>
    <message>
        <source>Show the next older inspections of this search</source>
        <translation>De volgende, oudere inspecties van deze zoekopdracht tonen</translation>
    </message>
    <message>
        <source>&amp;Look in</source>
        <translation>&amp;Zoeken in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>More inspections could not be loaded: %1</source>
        <translation>Meer inspecties konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>1 inspection shown</source>
        <translation>1 inspectie getoond</translation>
    </message>
    <message numerus="yes">
        <source>%Ln inspection(s) shown</source>
        <translation>
            <numerusform>%Ln inspectie getoond</numerusform>
            <numerusform>%Ln inspecties getoond</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln inspection(s) shown</source>
        <translation>
            <numerusform>%Ln inspectie getoond</numerusform>
            <numerusform>Alle %Ln inspecties getoond</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the evidence…</source>
        <translation>Bewijs wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Save the evidence pack in</source>
        <translation>Bewijsdossier opslaan in</translation>
    </message>
    <message>
        <source>Checking every audit chain and writing the evidence pack…</source>
        <translation>Alle auditketens controleren en het bewijsdossier schrijven…</translation>
    </message>
    <message>
        <source>The evidence pack was cancelled; nothing was written.</source>
        <translation>Het bewijsdossier is geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <source>Evidence pack written: %1 and %2</source>
        <translation>Bewijsdossier geschreven: %1 en %2</translation>
    </message>
    <message>
        <source>(it shows broken evidence)</source>
        <translation>(het toont geschonden bewijs)</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may handle disputes.</source>
        <translation>Alleen leidinggevenden en beheerders mogen geschillen behandelen.</translation>
    </message>
</context>
<context>
    <name>ReviewScreens</name>
    <message>
        <source>The customer&apos;s photos show the seal intact.</source>
        <translation>De foto&apos;s van de klant tonen een intact zegel.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Finished</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>A dispute about this inspection is open.</source>
        <translation>Er loopt een geschil over deze inspectie.</translation>
    </message>
    <message>
        <source>dispute</source>
        <translation>geschil</translation>
    </message>
</context>
<context>
    <name>ScanHub</name>
    <message>
        <source>Scan ignored: close the dialog first.</source>
        <translation>Scan genegeerd: sluit eerst het venster.</translation>
    </message>
</context>
<context>
    <name>SerialPortPicker</name>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>e.g. COM3</source>
        <translation>bijv. COM3</translation>
    </message>
    <message>
        <source>Look for serial ports again</source>
        <translation>Opnieuw naar seriële poorten zoeken</translation>
    </message>
    <message>
        <source>Serial ports found: %1.</source>
        <translation>Seriële poorten gevonden: %1.</translation>
    </message>
    <message>
        <source>No serial port found. Connect the scanner and press Refresh, or type it.</source>
        <translation>Geen seriële poort gevonden. Sluit de scanner aan en druk op Vernieuwen, of typ de poort.</translation>
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
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>Central password</source>
        <translation>Centraal wachtwoord</translation>
    </message>
    <message>
        <source>Kept apart from the settings, readable by this computer&apos;s user only.</source>
        <translation>Apart van de instellingen bewaard, alleen leesbaar voor de gebruiker van deze computer.</translation>
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
        <source>Only an administrator may change the settings.</source>
        <translation>Alleen een beheerder mag de instellingen wijzigen.</translation>
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
        <source>The station&apos;s language is for people without a language of their own; you keep yours (set on the People page).</source>
        <translation>De taal van het station geldt voor mensen zonder eigen taal; jij houdt de jouwe (in te stellen op de pagina Mensen).</translation>
    </message>
    <message>
        <source>Language, camera and scanner settings apply now.</source>
        <translation>Taal-, camera- en scannerinstellingen gelden nu.</translation>
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
    <name>SetupWizard</name>
    <message>
        <source>Return Inspector — set up this station</source>
        <translation>Return Inspector — dit station inrichten</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Terug (Esc)</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>Volgende (Enter)</translation>
    </message>
    <message>
        <source>Welcome to Return Inspector</source>
        <translation>Welkom bij Return Inspector</translation>
    </message>
    <message>
        <source>This station has no warehouse yet. Set it up for your warehouse, or look around first with demo data (it never mixes with a real warehouse and never goes to a central database).</source>
        <translation>Dit station hoort nog bij geen magazijn. Richt het in voor je magazijn, of kijk eerst rond met demogegevens (die raken nooit vermengd met een echt magazijn en gaan nooit naar een centrale database).</translation>
    </message>
    <message>
        <source>Set up this station for my warehouse</source>
        <translation>Dit station inrichten voor mijn magazijn</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>Uitproberen met demogegevens</translation>
    </message>
    <message>
        <source>How to start</source>
        <translation>Hoe beginnen</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Centrale database</translation>
    </message>
    <message>
        <source>If IT gave you an enrolment code for this station, paste it here: the station then syncs with your warehouse&apos;s other stations. Leave it empty for a station that works on its own.</source>
        <translation>Heeft IT je een aanmeldcode voor dit station gegeven, plak die dan hier: het station synchroniseert dan met de andere stations van je magazijn. Laat het leeg voor een station dat op zichzelf werkt.</translation>
    </message>
    <message>
        <source>RI1-… (or the path of the enrolment file)</source>
        <translation>RI1-… (of het pad van het aanmeldbestand)</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Aanmeldcode</translation>
    </message>
    <message>
        <source>Your warehouse</source>
        <translation>Je magazijn</translation>
    </message>
    <message>
        <source>The code is short (e.g. NL-AMS); reports use the time zone&apos;s days.</source>
        <translation>De code is kort (bijv. NL-AMS); rapporten tellen de dagen van de tijdzone.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Warehouse code</source>
        <translation>Magazijncode</translation>
    </message>
    <message>
        <source>Warehouse name</source>
        <translation>Naam van het magazijn</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tijdzone</translation>
    </message>
    <message>
        <source>Return window</source>
        <translation>Retourtermijn</translation>
    </message>
    <message>
        <source>Restocking fee</source>
        <translation>Herinslagkosten</translation>
    </message>
    <message>
        <source>Deduction for damage</source>
        <translation>Aftrek bij schade</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Dit station</translation>
    </message>
    <message>
        <source>Each station of a warehouse has its own code.</source>
        <translation>Elk station van een magazijn heeft een eigen code.</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Zoals de computer</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>Stationscode</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Naam van het station</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Eerste beheerder</translation>
    </message>
    <message>
        <source>The administrator manages people and settings and logs in with a badge and a PIN of at least 6 digits. Leave the badge empty to get a new, unguessable one.</source>
        <translation>De beheerder beheert mensen en instellingen en meldt zich aan met een badge en een pincode van minstens 6 cijfers. Laat de badge leeg voor een nieuwe, onraadbare badge.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badgecode</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Pincode nogmaals</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>Beginnen (Enter)</translation>
    </message>
    <message>
        <source>Set up (Enter)</source>
        <translation>Inrichten (Enter)</translation>
    </message>
    <message>
        <source>Filling this station with demo data…</source>
        <translation>Dit station wordt met demogegevens gevuld…</translation>
    </message>
    <message>
        <source>Setting up the station…</source>
        <translation>Het station wordt ingericht…</translation>
    </message>
    <message>
        <source>The warehouse&apos;s people come from the central database: leave this empty if an administrator is already known there.</source>
        <translation>De mensen van het magazijn komen uit de centrale database: laat dit leeg als daar al een beheerder bekend is.</translation>
    </message>
    <message>
        <source>Station %1 of warehouse %2 is set up.</source>
        <translation>Station %1 van magazijn %2 is ingericht.</translation>
    </message>
    <message>
        <source>%1 logs in with badge %2 and the PIN.</source>
        <translation>%1 meldt zich aan met badge %2 en de pincode.</translation>
    </message>
    <message>
        <source>Synced with the central database.</source>
        <translation>Gesynchroniseerd met de centrale database.</translation>
    </message>
    <message>
        <source>The first sync did not finish; it retries automatically.</source>
        <translation>De eerste synchronisatie is niet afgemaakt; die wordt vanzelf opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>Add people and print their badges on the People page (F5).</source>
        <translation>Voeg mensen toe en print hun badges op de pagina Mensen (F5).</translation>
    </message>
    <message>
        <source>Demo data is ready. Log in with badge BDG000001 (inspector), or BDG000002 and PIN 1234 (supervisor).</source>
        <translation>De demogegevens staan klaar. Meld je aan met badge BDG000001 (inspecteur), of BDG000002 en pincode 1234 (leidinggevende).</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>Central database (all stations)</source>
        <translation>Centrale database (alle stations)</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Dit station</translation>
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
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln wijziging wacht</numerusform>
            <numerusform>%Ln wijzigingen wachten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <source>Stations of this warehouse (central database)</source>
        <translation>Stations van dit magazijn (centrale database)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Laatste synchronisatie</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wacht op verzenden</translation>
    </message>
    <message>
        <source>Audit chain head</source>
        <translation>Laatste auditgebeurtenis</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmen</translation>
    </message>
    <message numerus="yes">
        <source>Connector %1 (%2) is failing (%Ln run(s)): %3</source>
        <translation>
            <numerusform>Koppeling %1 (%2) faalt (%Ln keer): %3</numerusform>
            <numerusform>Koppeling %1 (%2) faalt (%Ln keer): %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connector %1 (%2) works; %Ln outcome(s) on their way</source>
        <translation>
            <numerusform>Koppeling %1 (%2) werkt; %Ln uitkomst onderweg</numerusform>
            <numerusform>Koppeling %1 (%2) werkt; %Ln uitkomsten onderweg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outcome(s) rejected, the latest: %1</source>
        <translation>
            <numerusform>%Ln uitkomst geweigerd: %1</numerusform>
            <numerusform>%Ln uitkomsten geweigerd, de laatste: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln wait(s) for a supervisor&apos;s confirmation.</source>
        <translation>
            <numerusform>%Ln wacht op bevestiging door een leidinggevende.</numerusform>
            <numerusform>%Ln wachten op bevestiging door een leidinggevende.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open conflict(s)</source>
        <translation>
            <numerusform>%Ln open conflict</numerusform>
            <numerusform>%Ln open conflicten</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>%1 (over an hour ago)</source>
        <translation>%1 (meer dan een uur geleden)</translation>
    </message>
    <message>
        <source>event %1, %2…</source>
        <translation>gebeurtenis %1, %2…</translation>
    </message>
</context>
<context>
    <name>SwitchUserOffer</name>
    <message>
        <source>Stay logged in (Esc)</source>
        <translation>Ingelogd blijven (Esc)</translation>
    </message>
    <message>
        <source>That is your own badge, %1. Scan a parcel.</source>
        <translation>Dat is je eigen badge, %1. Scan een pakket.</translation>
    </message>
    <message>
        <source>Badge of %1 (%2). Log out and log in as %1?</source>
        <translation>Badge van %1 (%2). Uitloggen en inloggen als %1?</translation>
    </message>
    <message>
        <source>Switch to %1 (Enter)</source>
        <translation>Wisselen naar %1 (Enter)</translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Scan a parcel.</source>
        <translation>Badge %1 is hier niet bekend. Scan een pakket.</translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>Offline — not configured</source>
        <translation>Offline — niet ingesteld</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Bezig met synchroniseren…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>laatst gesynchroniseerd %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln wacht</numerusform>
            <numerusform>%Ln wachten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProblem</name>
    <message>
        <source>The central server cannot be reached. Everything is kept on this station and sent automatically when the connection is back.</source>
        <translation>De centrale server is niet bereikbaar. Alles blijft op dit station bewaard en wordt vanzelf verstuurd zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>The central server refused this station&apos;s login. Ask IT to check the station&apos;s sync account.</source>
        <translation>De centrale server weigert de aanmelding van dit station. Vraag IT het synchronisatieaccount van het station te controleren.</translation>
    </message>
    <message>
        <source>The central server does not accept connections from this station. Ask IT.</source>
        <translation>De centrale server accepteert geen verbindingen van dit station. Vraag het IT.</translation>
    </message>
    <message>
        <source>The central server does not know this station&apos;s sync account. Ask IT.</source>
        <translation>De centrale server kent het synchronisatieaccount van dit station niet. Vraag het IT.</translation>
    </message>
    <message>
        <source>The central database is missing or not set up. Ask IT to run &apos;inspector central upgrade&apos;.</source>
        <translation>De centrale database ontbreekt of is niet ingericht. Vraag IT om &apos;inspector central upgrade&apos; uit te voeren.</translation>
    </message>
    <message>
        <source>The central server refused a change from this station (permission denied). Ask IT to check the station&apos;s sync account.</source>
        <translation>De centrale server weigert een wijziging van dit station (geen toestemming). Vraag IT het synchronisatieaccount van het station te controleren.</translation>
    </message>
    <message>
        <source>The central server refused a record from this station (it belongs to another station or warehouse). A supervisor should look at the sync log.</source>
        <translation>De centrale server weigert een gegeven van dit station (het hoort bij een ander station of magazijn). Een leidinggevende moet het synchronisatielogboek bekijken.</translation>
    </message>
    <message>
        <source>The central server is starting up or shutting down; sync retries shortly.</source>
        <translation>De centrale server start op of sluit af; synchronisatie probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>Sync failed because of an unexpected error; it retries automatically. Details are in the log.</source>
        <translation>Synchroniseren is mislukt door een onverwachte fout; het wordt vanzelf opnieuw geprobeerd. Details staan in het logboek.</translation>
    </message>
    <message>
        <source>Another sync of this station is running; it sends what is waiting, so this run did nothing.</source>
        <translation>Er loopt al een synchronisatie van dit station; die verstuurt wat klaarstaat, dus deze keer is er niets gedaan.</translation>
    </message>
    <message>
        <source>ALARM: the central server refused audit events of this station (its audit log differs from what central holds). Tell a supervisor; nothing was overwritten.</source>
        <translation>ALARM: de centrale server weigerde auditgebeurtenissen van dit station (het auditlog wijkt af van wat centraal staat). Waarschuw een leidinggevende; er is niets overschreven.</translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log is shorter than what the central server holds: events were removed here. Tell a supervisor.</source>
        <translation>ALARM: het auditlog van dit station is korter dan wat de centrale server heeft: hier zijn gebeurtenissen verwijderd. Waarschuw een leidinggevende.</translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log is not the one the central server holds: it was rewritten. Tell a supervisor.</source>
        <translation>ALARM: het auditlog van dit station is niet het log dat de centrale server heeft: het is herschreven. Waarschuw een leidinggevende.</translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log no longer verifies. Tell a supervisor.</source>
        <translation>ALARM: het auditlog van dit station klopt niet meer. Waarschuw een leidinggevende.</translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s signing key is not the one registered centrally. Ask IT to enrol the station again.</source>
        <translation>ALARM: de ondertekeningssleutel van dit station is niet de sleutel die centraal is vastgelegd. Vraag IT het station opnieuw aan te melden.</translation>
    </message>
    <message>
        <source>ALARM: the central server refused this station&apos;s signed audit head. Tell a supervisor.</source>
        <translation>ALARM: de centrale server weigerde de ondertekende auditkop van dit station. Waarschuw een leidinggevende.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <source>%n change(s) to people pulled at %1</source>
        <translation>
            <numerusform>%n wijziging van mensen opgehaald om %1</numerusform>
            <numerusform>%n wijzigingen van mensen opgehaald om %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to people sent at %1</source>
        <translation>
            <numerusform>%n wijziging van mensen verzonden om %1</numerusform>
            <numerusform>%n wijzigingen van mensen verzonden om %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>OK (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuleren (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>Please write at least %Ln character(s).</source>
        <translation>
            <numerusform>Schrijf minstens %Ln teken.</numerusform>
            <numerusform>Schrijf minstens %Ln tekens.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan could not be read: %1 Scan again.</source>
        <translation>De scan kon niet gelezen worden: %1 Scan opnieuw.</translation>
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
        <source>The return has more than 999 lines.</source>
        <translation>De retour heeft meer dan 999 regels.</translation>
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
        <source>Another import is running on this station. Import the file again when it has finished.</source>
        <translation>Op dit station loopt al een import. Importeer het bestand opnieuw als die klaar is.</translation>
    </message>
    <message>
        <source>%1 Column: %2</source>
        <translation>%1 Kolom: %2</translation>
    </message>
    <message>
        <source>Ordered by mistake</source>
        <translation>Per ongeluk besteld</translation>
    </message>
    <message>
        <source>Wrong size</source>
        <translation>Verkeerde maat</translation>
    </message>
    <message>
        <source>Wrong colour</source>
        <translation>Verkeerde kleur</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Niet meer nodig</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Niet zoals beschreven</translation>
    </message>
    <message>
        <source>Parts missing</source>
        <translation>Onderdelen ontbreken</translation>
    </message>
    <message>
        <source>Arrived damaged</source>
        <translation>Beschadigd aangekomen</translation>
    </message>
    <message>
        <source>Cheaper elsewhere</source>
        <translation>Elders goedkoper</translation>
    </message>
    <message>
        <source>Arrived too late</source>
        <translation>Te laat geleverd</translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation>Verkeerd artikel gestuurd</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Defect</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>Money back</source>
        <translation>Geld terug</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Omruilen</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoedbon</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Nog onbekend</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Terug op voorraad</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>Opknappen</translation>
    </message>
    <message>
        <source>Liquidate</source>
        <translation>Opkoper</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Afvoeren</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>Intact</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Wet</source>
        <translation>Nat</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Being inspected</source>
        <translation>In controle</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Verkeerd artikel</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Ontbreekt</translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation>Extra artikel</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Vermoeden van fraude</translation>
    </message>
    <message>
        <source>Late return</source>
        <translation>Te late retour</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Grade overridden</source>
        <translation>Oordeel aangepast</translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>Beschadigd tijdens transport</translation>
    </message>
    <message>
        <source>Hazardous goods</source>
        <translation>Gevaarlijke stoffen</translation>
    </message>
    <message>
        <source>Back to stock</source>
        <translation>Terug op voorraad</translation>
    </message>
    <message>
        <source>Refurbish queue</source>
        <translation>Opknapwachtrij</translation>
    </message>
    <message>
        <source>Liquidation pallet</source>
        <translation>Pallet voor opkoper</translation>
    </message>
    <message>
        <source>Scrap bin</source>
        <translation>Afvalbak</translation>
    </message>
    <message>
        <source>Wrong item: supervisor decides</source>
        <translation>Verkeerd artikel: leidinggevende beslist</translation>
    </message>
    <message>
        <source>Full refund</source>
        <translation>Volledige terugbetaling</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>Gedeeltelijke terugbetaling</translation>
    </message>
    <message>
        <source>No refund</source>
        <translation>Geen terugbetaling</translation>
    </message>
    <message>
        <source>This return is no longer in the database.</source>
        <translation>Deze retour staat niet meer in de database.</translation>
    </message>
    <message>
        <source>This line is not part of the return.</source>
        <translation>Deze regel hoort niet bij de retour.</translation>
    </message>
    <message>
        <source>Every unit of this line has been inspected.</source>
        <translation>Alle stuks van deze regel zijn gecontroleerd.</translation>
    </message>
    <message>
        <source>This inspection is no longer in the database.</source>
        <translation>Deze controle staat niet meer in de database.</translation>
    </message>
    <message>
        <source>This inspection is already finished.</source>
        <translation>Deze controle is al afgerond.</translation>
    </message>
    <message>
        <source>Give a reason (at least 3 characters).</source>
        <translation>Geef een reden (minstens 3 tekens).</translation>
    </message>
    <message>
        <source>This answer does not fit the question.</source>
        <translation>Dit antwoord past niet bij de vraag.</translation>
    </message>
    <message>
        <source>This photo is no longer there.</source>
        <translation>Deze foto is er niet meer.</translation>
    </message>
    <message>
        <source>Some questions or photos are still missing.</source>
        <translation>Er ontbreken nog vragen of foto&apos;s.</translation>
    </message>
    <message>
        <source>Wrong item: take a photo of what is in the parcel before finishing.</source>
        <translation>Verkeerd artikel: maak een foto van wat in het pakket zit voor het afronden.</translation>
    </message>
    <message>
        <source>Scan the product barcode or confirm the item by hand first.</source>
        <translation>Scan eerst de productbarcode of bevestig het artikel met de hand.</translation>
    </message>
    <message>
        <source>Another grade than the suggestion needs a reason of at least 10 characters.</source>
        <translation>Een ander oordeel dan het voorstel heeft een reden van minstens 10 tekens nodig.</translation>
    </message>
    <message>
        <source>This item has no label yet.</source>
        <translation>Dit artikel heeft nog geen etiket.</translation>
    </message>
    <message>
        <source>Only a supervisor can clear a hazardous item.</source>
        <translation>Alleen een leidinggevende kan een gevaarlijk artikel vrijgeven.</translation>
    </message>
    <message>
        <source>The checklist of this inspection is not installed.</source>
        <translation>De controlelijst van deze inspectie is niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>The scan was far too long (is the scanner stuck, or sending a file?).</source>
        <translation>De scan was veel te lang (hangt de scanner, of verstuurt hij een bestand?).</translation>
    </message>
    <message>
        <source>The serial scanner&apos;s port cannot be opened; retrying. Check the cable and Settings.</source>
        <translation>De poort van de seriële scanner kan niet worden geopend; opnieuw proberen. Controleer de kabel en de instellingen.</translation>
    </message>
    <message>
        <source>The serial scanner was disconnected; reconnecting.</source>
        <translation>De seriële scanner is losgekoppeld; opnieuw verbinden.</translation>
    </message>
    <message>
        <source>The scan was interrupted (the computer was busy, or typing came just before it).</source>
        <translation>De scan werd onderbroken (de computer had het druk, of er werd vlak ervoor getypt).</translation>
    </message>
    <message>
        <source>The camera sees several codes in the aim area; hold only one code in the frame.</source>
        <translation>De camera ziet meerdere codes in het richtvak; houd maar één code in beeld.</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on; the scan was repaired. Switch Caps Lock off.</source>
        <translation>Caps Lock lijkt aan te staan; de scan is hersteld. Zet Caps Lock uit.</translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY; the scan was repaired. Check the keyboard settings.</source>
        <translation>De toetsenbordindeling lijkt AZERTY; de scan is hersteld. Controleer de toetsenbordinstellingen.</translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY and Caps Lock seems on; the scan was repaired. Check the keyboard settings.</source>
        <translation>De toetsenbordindeling lijkt AZERTY en Caps Lock lijkt aan te staan; de scan is hersteld. Controleer de toetsenbordinstellingen.</translation>
    </message>
    <message>
        <source>The keyboard layout looks like QWERTZ (Y and Z swapped); the scan was repaired.</source>
        <translation>De toetsenbordindeling lijkt QWERTZ (Y en Z verwisseld); de scan is hersteld.</translation>
    </message>
    <message>
        <source>The scan looks garbled by the keyboard layout or Caps Lock and could not be repaired.</source>
        <translation>De scan lijkt verminkt door de toetsenbordindeling of Caps Lock en kon niet worden hersteld.</translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY: set the scanner or the station&apos;s keyboard to US.</source>
        <translation>De toetsenbordindeling lijkt AZERTY: zet de scanner of het toetsenbord van het station op US.</translation>
    </message>
</context>
<context>
    <name>UnknownParcelScreen</name>
    <message>
        <source>Order number</source>
        <translation>Bestelnummer</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Postcode, house no.</source>
        <translation>Postcode, huisnr.</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Naam klant</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>Zoeken (Enter)</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>als bekend</translation>
    </message>
    <message>
        <source>e.g. the sender</source>
        <translation>bijv. de afzender</translation>
    </message>
    <message>
        <source>Customer wants</source>
        <translation>Klant wil</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Doos</translation>
    </message>
    <message>
        <source>Notes (sender on the label)</source>
        <translation>Opmerking (afzender op het etiket)</translation>
    </message>
    <message>
        <source>Register parcel</source>
        <translation>Pakket registreren</translation>
    </message>
    <message>
        <source>Not announced?</source>
        <translation>Niet aangemeld?</translation>
    </message>
    <message>
        <source>Register it with the box&apos;s condition, then add and photograph every item as an extra item. A supervisor checks it.</source>
        <translation>Registreer het met de staat van de doos, voeg dan elk artikel toe als extra artikel en fotografeer het. Een leidinggevende controleert het.</translation>
    </message>
    <message>
        <source>Back to scanning (Esc)</source>
        <translation>Terug naar scannen (Esc)</translation>
    </message>
    <message>
        <source>Unknown parcel %1</source>
        <translation>Onbekend pakket %1</translation>
    </message>
    <message>
        <source>No announced return has this code. Search by what the parcel shows.</source>
        <translation>Geen aangemelde retour heeft deze code. Zoek met wat er op het pakket staat.</translation>
    </message>
    <message>
        <source>Fill in at least one field to search.</source>
        <translation>Vul minstens één veld in om te zoeken.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln return(s) found. Arrows choose, Enter opens.</source>
        <translation>
            <numerusform>%Ln retour gevonden. Open met Enter.</numerusform>
            <numerusform>%Ln retouren gevonden. Kies met de pijltjes, open met Enter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found. Try other details or register the parcel.</source>
        <translation>Niets gevonden. Probeer andere gegevens of registreer het pakket.</translation>
    </message>
</context>
<context>
    <name>VerificationBar</name>
    <message>
        <source>By hand…</source>
        <translation>Met de hand…</translation>
    </message>
    <message>
        <source>WRONG ITEM: scanned %1. Photo required.</source>
        <translation>VERKEERD ARTIKEL: %1 gescand. Foto verplicht.</translation>
    </message>
    <message>
        <source>Item verified ✓</source>
        <translation>Artikel gecontroleerd ✓</translation>
    </message>
    <message>
        <source>Extra item: describe it with the checklist and photos.</source>
        <translation>Extra artikel: beschrijf het met de checklist en foto&apos;s.</translation>
    </message>
    <message>
        <source>Scan the product barcode</source>
        <translation>Scan de barcode van het product</translation>
    </message>
    <message>
        <source>Item verified ✓ (%1)</source>
        <translation>Artikel gecontroleerd ✓ (%1)</translation>
    </message>
    <message>
        <source>WRONG ITEM: scanned %1, expected %2. Photo required.</source>
        <translation>VERKEERD ARTIKEL: %1 gescand, %2 verwacht. Foto verplicht.</translation>
    </message>
    <message>
        <source>Item confirmed by hand ✓</source>
        <translation>Artikel met de hand bevestigd ✓</translation>
    </message>
    <message>
        <source>Why can the barcode not be scanned? The item is then accepted as the announced one on your word.</source>
        <translation>Waarom kan de barcode niet gescand worden? Het artikel geldt dan op jouw woord als het aangemelde artikel.</translation>
    </message>
    <message>
        <source>Confirm by hand</source>
        <translation>Met de hand bevestigen</translation>
    </message>
    <message>
        <source>e.g. barcode label torn off</source>
        <translation>bijv. barcode-etiket afgescheurd</translation>
    </message>
</context>
</TS>
