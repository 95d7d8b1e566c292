"""The README of an evidence pack, in the language of the person who made it (English or Dutch)."""

from __future__ import annotations

from collections.abc import Sequence

_EN = """Evidence pack {rma}
==================={line}

Made {made} by station {maker} of Return Inspector. This ZIP holds the inspection report
(PDF), the original photos, the audit events about this return and the proof that those events are
part of the station's tamper-evident audit log, anchored to a head the station signed.

How to check it yourself (Linux, macOS or WSL; OpenSSL 3 or newer)
-------------------------------------------------------------------
1. Unpack, and check that no file was changed since the pack was made:

     unzip evidence_{rma}.zip -d pack && cd pack
     sha256sum -c SHA256SUMS
     openssl pkeyutl -verify -pubin -inkey keys/maker.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig

   Every line must say OK, and OpenSSL must say "Signature Verified Successfully".

2. For each station's audit log in chain/ ({chains}), check the signed head and the links:

{chain_steps}
   head.txt names the newest event it covers ("seq") and that event's hash ("hash").
   links/ holds, for every event from the first one in this pack up to that head, the exact bytes
   its hash is taken over: the SHA-256 of a link file IS the event's hash, and each link names the
   hash of the event before it ("prev"). events/ holds the full content of the events this pack is
   about; each one's SHA-256 is the "content" hash named in its link. This loop checks the links
   run unbroken up to the signed head (it prints nothing but "head ok" when they do):

     prev=""; for f in links/*.txt; do p=$(sed -n 's/^prev //p' "$f");
       [ -z "$prev" ] || [ "$p" = "$prev" ] || echo "BROKEN at $f"; prev=$(sha256sum "$f" | cut -c1-64); done;
     grep -qx "hash $prev" head.txt && echo "head ok"

3. The photos: each photo's file name ends with its SHA-256, and that hash is in the
   "photo_hashes" of an event in events/ (see manifest.json, "audit_events").

4. The inspection records: records/ holds, per finished inspection, the answers, grade, disposition,
   refund, notes, flags and photo hashes the PDF shows, exactly as they were hashed. The event that
   settled the record (the grade being set, or the latest change after it) carries that SHA-256 as
   "record_hash" in its events/ file. This loop prints "record ok" for each record that matches:

     for f in records/*.txt; do h=$(sha256sum "$f" | cut -c1-64);
       if grep -q "\\"record_hash\\":\\"$h\\"" chain/*/events/*.txt; then echo "record ok: $f";
       else echo "RECORD CHANGED: $f"; fi; done

   (manifest.json, "records", names the settling event of each; a record without a record hash was
   settled before record hashes existed and cannot be checked this way.)

Or, with Return Inspector installed:  inspector evidence verify evidence_{rma}.zip
(checks all of the above offline and names the first problem).

What it proves: the photos and events are exactly those the station recorded, in an audit log
whose head the station signed{notary}. The public keys are in keys/ and each chain/ folder; compare
their fingerprints with the ones the company publishes (the station's key was registered when the
station was enrolled).
"""

_NL = """Bewijsdossier {rma}
==================={line}

Gemaakt {made} door station {maker} van Return Inspector. Deze ZIP bevat het inspectierapport
(PDF), de originele foto's, de auditgebeurtenissen over deze retour en het bewijs dat die
gebeurtenissen deel zijn van het fraudebestendige auditlog van het station, verankerd aan een door
het station ondertekende kop.

Zelf controleren (Linux, macOS of WSL; OpenSSL 3 of nieuwer)
------------------------------------------------------------
1. Uitpakken, en controleren dat geen bestand is gewijzigd sinds het dossier is gemaakt:

     unzip evidence_{rma}.zip -d pack && cd pack
     sha256sum -c SHA256SUMS
     openssl pkeyutl -verify -pubin -inkey keys/maker.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig

   Elke regel moet OK zeggen, en OpenSSL moet "Signature Verified Successfully" melden.

2. Controleer voor het auditlog van elk station in chain/ ({chains}) de ondertekende kop en de schakels:

{chain_steps}
   head.txt noemt de nieuwste gebeurtenis die hij dekt ("seq") en de hash daarvan ("hash").
   links/ bevat voor elke gebeurtenis vanaf de eerste in dit dossier tot aan die kop precies de bytes
   waarover de hash is berekend: de SHA-256 van een schakelbestand IS de hash van de gebeurtenis, en
   elke schakel noemt de hash van de gebeurtenis ervoor ("prev"). events/ bevat de volledige inhoud
   van de gebeurtenissen waar dit dossier over gaat; de SHA-256 van elk is de "content"-hash in de
   schakel. Deze lus controleert dat de schakels ononderbroken tot de ondertekende kop lopen (hij
   toont alleen "head ok" als dat zo is):

     prev=""; for f in links/*.txt; do p=$(sed -n 's/^prev //p' "$f");
       [ -z "$prev" ] || [ "$p" = "$prev" ] || echo "BROKEN at $f"; prev=$(sha256sum "$f" | cut -c1-64); done;
     grep -qx "hash $prev" head.txt && echo "head ok"

3. De foto's: de bestandsnaam van elke foto eindigt op de SHA-256, en die hash staat in de
   "photo_hashes" van een gebeurtenis in events/ (zie manifest.json, "audit_events").

4. De inspectierecords: records/ bevat per afgeronde inspectie de antwoorden, beoordeling,
   bestemming, terugbetaling, notities, signalen en foto-hashes die de PDF toont, precies zoals ze
   gehasht zijn. De gebeurtenis die het record vastlegde (het zetten van de beoordeling, of de laatste
   wijziging daarna) draagt die SHA-256 als "record_hash" in haar bestand in events/. Deze lus toont
   "record ok" voor elk record dat klopt:

     for f in records/*.txt; do h=$(sha256sum "$f" | cut -c1-64);
       if grep -q "\\"record_hash\\":\\"$h\\"" chain/*/events/*.txt; then echo "record ok: $f";
       else echo "RECORD CHANGED: $f"; fi; done

   (manifest.json, "records", noemt per record de gebeurtenis; een record zonder recordhash is
   vastgelegd voordat recordhashes bestonden en kan zo niet worden gecontroleerd.)

Of, met Return Inspector geïnstalleerd:  inspector evidence verify evidence_{rma}.zip
(controleert al het bovenstaande zonder netwerk en noemt het eerste probleem).

Wat het bewijst: de foto's en gebeurtenissen zijn precies wat het station heeft vastgelegd, in een
auditlog waarvan het station de kop heeft ondertekend{notary}. De publieke sleutels staan in keys/ en
in elke map in chain/; vergelijk hun vingerafdrukken met die welke het bedrijf publiceert (de sleutel
van het station is vastgelegd toen het station werd aangemeld).
"""

_STEP = {
    "en": ("     cd chain/{folder}\n     sha256sum -c CHAIN.sha256\n"
           "     openssl pkeyutl -verify -pubin -inkey station.pem -rawin -in head.txt -sigfile head.sig\n"),
    "nl": ("     cd chain/{folder}\n     sha256sum -c CHAIN.sha256\n"
           "     openssl pkeyutl -verify -pubin -inkey station.pem -rawin -in head.txt -sigfile head.sig\n"),
}
_NOTARY_STEP = ("     openssl pkeyutl -verify -pubin -inkey notary.pem -rawin -in notary.txt "
                "-sigfile notary.sig\n")
_NOTARY = {"en": ", and the company's notary countersigned that head (notary.txt)",
           "nl": ", en de notaris van het bedrijf heeft die kop medeondertekend (notary.txt)"}
_BACK = "     cd ../..\n"


def readme(language: str, rma: str, made: str, maker: str, chains: Sequence[tuple[str, bool]]) -> str:
    """The README text; ``chains`` are (folder, notarised) per anchored station."""
    lang = "nl" if language.lower().startswith("nl") else "en"
    steps = "".join(_STEP[lang].format(folder=folder) + (_NOTARY_STEP if notarised else "") + _BACK
                    for folder, notarised in chains)
    template = _NL if lang == "nl" else _EN
    return template.format(rma=rma, line="=" * len(rma), made=made, maker=maker,
                           chains=", ".join(folder for folder, _ in chains) or "-", chain_steps=steps,
                           notary=_NOTARY[lang] if any(n for _, n in chains) else "")
