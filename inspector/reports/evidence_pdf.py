"""The PDF of an evidence pack (reportlab): readable by a customer, a carrier or a payment provider.

One section per inspected item: the customer's announced reason, the inspection's facts and grade
history, every answer, the photos at readable size with capture time, station and SHA-256, and the
audit timeline. The first page says plainly whether the audit chain and the photos verified.
In English or Dutch: the words are :data:`inspector.reports.words.EVIDENCE`, the codes' names
(grade, reason, ...) :data:`inspector.reports.words.NAMES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from inspector.reports.event_text import describe_event
from inspector.reports.words import EVIDENCE, Words
from inspector.services.inspection_detail import InspectionDetail, PhotoEvidence

GOOD, BAD, GREY = colors.HexColor("#1b7a3a"), colors.HexColor("#b3261e"), colors.HexColor("#666666")
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def _fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (arrows, every accent), else the built-in Helvetica."""
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            if "EvidenceSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("EvidenceSans", str(regular)))
                pdfmetrics.registerFont(TTFont("EvidenceSans-Bold", str(bold)))
            return "EvidenceSans", "EvidenceSans-Bold"
    return "Helvetica", "Helvetica-Bold"


class _Writer:
    """Builds the flowables of the PDF in one language and time zone."""

    def __init__(self, language: str, time_zone: str) -> None:
        self.words = Words(language, EVIDENCE)
        self.name = self.words.name
        self.zone = ZoneInfo(time_zone)
        self.font, self.bold = _fonts()
        unicode_font = self.font != "Helvetica"
        self.yes, self.no = ("✔ ", "✘ ") if unicode_font else ("OK ", "X ")
        base = getSampleStyleSheet()
        self.body = ParagraphStyle("body", base["BodyText"], fontName=self.font, fontSize=9, leading=11.5)
        self.small = ParagraphStyle("small", self.body, fontSize=7.5, leading=9.5)
        self.mono = ParagraphStyle("mono", self.small, fontName="Courier", fontSize=7)
        self.h1 = ParagraphStyle("h1", base["Title"], fontName=self.bold, fontSize=18, alignment=0)
        self.h2 = ParagraphStyle("h2", base["Heading2"], fontName=self.bold, fontSize=13, spaceBefore=10,
                                 keepWithNext=1)
        self.h3 = ParagraphStyle("h3", base["Heading3"], fontName=self.bold, fontSize=10.5, spaceBefore=8,
                                 keepWithNext=1)

    def w(self, key: str, **values: Any) -> str:
        return self.words(key, **values)

    def p(self, text: object, style: ParagraphStyle | None = None, color: Any = None) -> Paragraph:
        markup = escape(str(text)).replace("\n", "<br/>")
        if color is not None:
            markup = f'<font color="{color.hexval()}">{markup}</font>'
        return Paragraph(markup, style or self.body)

    def time(self, value: datetime | None) -> str:
        if value is None:
            return "—"
        local = value.astimezone(self.zone)
        return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()}"

    def table(self, rows: list[list[Any]], widths: list[float], header: bool = False) -> Table:
        cells = [[c if isinstance(c, Paragraph) else self.p(c, self.small) for c in row] for row in rows]
        table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
        table.setStyle(TableStyle(style))
        return table

    def facts(self, pairs: list[tuple[str, object]]) -> Table:
        rows = [[self.p(k, self.small, GREY), v if v not in (None, "") else "—"] for k, v in pairs]
        return self.table(rows, [4.2 * cm, 12.8 * cm])

    def verification(self, details: tuple[InspectionDetail, ...], names: Mapping[Any, str],
                     anchors: Mapping[str, Any]) -> list[Any]:
        out: list[Any] = [self.p(self.w("verification"), self.h2)]
        stations = sorted({e.station_code for d in details for e in d.timeline})
        for code in stations:
            head = anchors.get(code)
            if head is None:
                out.append(self.p(self.no + self.w("unanchored", s=code), color=BAD))
                continue
            key = "anchored_notary" if head.notary_text else "anchored"
            out.append(self.p(self.yes + self.w(key, s=code, seq=head.seq), color=GOOD))
            out.append(self.p(f"{head.hash}", self.mono))
        seen: set[str] = set()
        for detail in details:
            for check in detail.chains:
                if check.station_code in seen:
                    continue
                seen.add(check.station_code)
                r = check.report
                text = self.w("chain_ok", s=check.station_code, count=r.events_checked) if r.ok else self.w(
                    "chain_bad", s=check.station_code, seq=r.broken_seq, reason=r.reason)
                out.append(self.p((self.yes if r.ok else self.no) + text, color=GOOD if r.ok else BAD))
        for number, detail in enumerate(details, start=1):
            record = detail.record
            event = f"{record.event_station} #{record.event_seq}"
            if record.ok:
                out.append(self.p(self.yes + self.w("record_ok", n=number, e=event), color=GOOD))
            elif record.state == "changed":
                text = self.w("record_changed", n=number, f=record.field or "?", e=event)
                out.append(self.p(self.no + text, color=BAD))
            elif record.state == "unprotected":
                out.append(self.p(self.no + self.w("record_unprotected", n=number), color=BAD))
            else:
                out.append(self.p(self.w("record_unsettled", n=number)))
        photos = [p for d in details for p in d.photos]
        bad = [p for p in photos if not p.ok]
        if not bad:
            out.append(self.p(self.yes + self.w("photos_ok", count=len(photos)), color=GOOD))
        for photo in bad:
            key = "photo_bad" if not photo.file_ok else "photo_unrecorded"
            out.append(self.p(self.no + self.w(key, name=names[photo.id]), color=BAD))
        out.append(self.p(self.w("check"), self.small))
        return out

    def photo(self, photo: PhotoEvidence, name: str, title: str = "") -> list[Any]:
        caption = [self.p(f"{name}", self.small),
                   self.p(f"{title or photo.tag} · {self.w('taken')} {self.time(photo.taken_at)} · "
                          f"{self.w('station')} {photo.station_code}", self.small),
                   self.p(f"SHA-256 {photo.sha256}", self.mono)]
        if not photo.ok:
            key = "photo_bad" if not photo.file_ok else "photo_unrecorded"
            caption.append(self.p(self.no + self.w(key, name=name), self.small, BAD))
        if not photo.path.exists():
            return [KeepTogether(caption)]
        width, height = (photo.width or 4), (photo.height or 3)
        scale = min(16 * cm / width, 10.5 * cm / height)
        try:
            image = Image(str(photo.path), width=width * scale, height=height * scale)
        except OSError:
            return [KeepTogether(caption)]
        return [KeepTogether([image, *caption, Spacer(1, 8)])]

    def timeline(self, detail: InspectionDetail) -> Table:
        w = self.w
        rows: list[list[Any]] = [[w("status"), "#", w("when"), w("who"), w("what"), w("details")]]
        for e in detail.timeline:
            status = (w("ok"), GOOD) if e.intact and e.verified else (
                (w("changed"), BAD) if not e.intact else (w("unverified"), BAD))
            details = describe_event(e.payload, self.words.language, questions=detail.question_texts,
                                     rules=detail.rule_texts, photos=detail.photo_titles,
                                     options=detail.option_texts)
            rows.append([self.p(status[0], self.small, status[1]), f"{e.station_code} {e.seq}",
                         self.time(e.at), e.actor, e.action, self.p(details, self.small)])
        return self.table(rows, [1.7 * cm, 1.9 * cm, 3.4 * cm, 2.5 * cm, 2.6 * cm, 4.9 * cm], header=True)

    def item(self, n: int, detail: InspectionDetail, names: Mapping[Any, str]) -> list[Any]:
        w, f = self.w, detail.facts
        out: list[Any] = [PageBreak()] if n > 1 else []
        out.append(self.p(f"{w('item')} {n}: {f.product} ({f.sku})", self.h2))
        reason = self.name("reason", f.reason_code)
        out.append(self.facts([(w("reason"), reason), (w("comment"), f.customer_comment)]))
        out.append(self.p(w("inspection"), self.h3))
        final, suggested = (self.name("grade", g) or "—"
                            for g in (detail.final_grade, detail.suggested_grade))
        grade = f"{final} ({w('suggested')}: {suggested})"
        out.append(self.facts([
            (w("station"), detail.station_code), (w("inspector"), detail.inspector),
            (w("started"), self.time(detail.started_at)), (w("finished"), self.time(detail.finished_at)),
            (w("outcome"), self.name("outcome", detail.outcome)), (w("grade"), grade),
            (w("override"), detail.override_reason),
            (w("disposition"),
             f"{self.name('disposition', detail.disposition)} {detail.destination} {detail.lpn}".strip()),
            (w("flags"), ", ".join(self.name("flag", f) for f in detail.flags) or w("none")),
        ]))
        if detail.grade_history:
            out.append(self.p(w("history"), self.h3))
            rows: list[list[Any]] = [[w("when"), w("who"), w("what"), w("grade"), w("details")]]
            rows += [[self.time(s.at), s.actor, s.action,
                      f"{self.name('grade', s.old_grade)} → {self.name('grade', s.new_grade)}",
                      s.reason] for s in detail.grade_history]
            out.append(self.table(rows, [3.4 * cm, 2.8 * cm, 2.8 * cm, 3.2 * cm, 4.8 * cm], header=True))
        if detail.answers:
            out.append(self.p(f"{w('answers')} ({detail.checklist_title})", self.h3))
            rows = [[w("question"), w("answer")]] + [[a.question, a.shown] for a in detail.answers]
            out.append(self.table(rows, [10 * cm, 7 * cm], header=True))
        for dispute in detail.disputes:
            out.append(self.p(f"{w('disputes')}: {dispute.party} {dispute.reference} — {dispute.status} "
                              f"{dispute.outcome or ''}", self.h3))
            for entry in dispute.entries:
                line = f"{self.time(entry.at)} {entry.author} ({entry.kind}): {entry.text}"
                out.append(self.p(line, self.small))
        if detail.photos:
            out.append(self.p(w("photos"), self.h3))
            for photo in detail.photos:
                out += self.photo(photo, names[photo.id], detail.photo_titles.get(photo.tag, ""))
        out += [self.p(w("timeline"), self.h3), self.timeline(detail)]
        return out


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def write_evidence_pdf(path: Path, rma: str, details: tuple[InspectionDetail, ...], names: Mapping[Any, str],
                       generated_at: datetime, *, language: str = "en", time_zone: str = "UTC",
                       anchors: Mapping[str, Any] | None = None) -> None:
    """Write the evidence PDF of one return (its inspections in ``details``)."""
    writer = _Writer(language, time_zone)
    w, f = writer.w, details[0].facts
    story: list[Any] = [writer.p(f"{w('title')} {rma}", writer.h1),
                        writer.p(f"{w('generated')} {writer.time(generated_at)}", writer.small)]
    story += writer.verification(details, names, anchors or {})
    story += [writer.p(w("return"), writer.h2), writer.facts([
        (w("rma"), f.rma), (w("order"), f.order_number),
        (w("customer"), f"{f.customer_name} {f.customer_email}"),
        (w("tracking"), f"{f.tracking_number} {f.carrier}"), (w("announced"), writer.time(f.announced_at)),
        (w("delivered"), f.delivered_on), (w("refund"), writer.name("refund_choice", f.refund_choice)),
    ])]
    for n, detail in enumerate(details, start=1):
        story += writer.item(n, detail, names)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(writer.font, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(1.8 * cm, 1.1 * cm, f"{w('title')} {rma}")
        canvas.drawRightString(A4[0] - 1.8 * cm, 1.1 * cm, f"{w('page')} {doc.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=1.8 * cm, rightMargin=1.8 * cm,
                                 topMargin=1.6 * cm, bottomMargin=1.8 * cm, title=f"{w('title')} {rma}",
                                 author="Return Inspector")
    document.build(story, onFirstPage=footer, onLaterPages=footer)
