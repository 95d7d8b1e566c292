"""The detail of one inspection: evidence check, answers, grade history, audit timeline, photos, disputes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.services.inspection_detail import InspectionDetail
from inspector.ui.language import shown_language
from inspector.ui.review.detail_tabs import DetailTables
from inspector.ui.review.dispute_dialog import CLOSE, DECISION, GRADE, NOTE, OPEN
from inspector.ui.texts import fill, grade_name
from inspector.ui.widgets import FlowGrid, keep_text_width

THUMB = QSize(200, 150)
ANSWERS, FACTS, HISTORY, TIMELINE, PHOTOS, DISPUTES = range(6)


def thumbnail(path: str) -> QPixmap:
    """A small picture of a photo, decoded at reduced size (fast even for large JPEGs)."""
    reader = QImageReader(path)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


__all__ = ["DetailView", "shown_language", "thumbnail"]


class DetailView(QWidget):
    """Shows an :class:`InspectionDetail`; asks the page for photos, evidence packs and dispute actions."""

    back_requested = Signal()
    photo_requested = Signal(int)
    evidence_requested = Signal()
    dispute_requested = Signal(str)

    def __init__(self, can_dispute: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: InspectionDetail | None = None
        self.can_dispute = can_dispute
        self.tables = DetailTables(self)
        self.back_button = QPushButton(self.tr("← Results"))
        self.back_button.setProperty("secondary", "true")
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("subheading")
        self.title.setWordWrap(True)
        self.grade = QLabel()
        self.grade.setObjectName("gradeBig")
        self.evidence = QLabel()
        self.evidence.setObjectName("verify")
        self.evidence.setWordWrap(True)
        self.evidence_button = QPushButton(self.tr("Evidence pack…"))
        self.evidence_button.clicked.connect(self.evidence_requested)
        self.dispute_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for kind, text in ((OPEN, self.tr("Open dispute")), (NOTE, self.tr("Note")),
                           (DECISION, self.tr("Decision")), (GRADE, self.tr("Change grade")),
                           (CLOSE, self.tr("Close dispute"))):
            button = QPushButton(text)
            button.setProperty("secondary", "true")
            button.clicked.connect(lambda _=False, k=kind: self.dispute_requested.emit(k))
            button.setVisible(can_dispute)
            self.dispute_buttons[kind] = button
        self.dispute_note = QLabel(self.tr("Disputes about another station's inspection are recorded at "
                                           "that station."))
        self.dispute_note.setObjectName("hint")
        self.dispute_note.setWordWrap(True)
        self.dispute_note.hide()
        actions.addWidget(FlowGrid((self.evidence_button, *self.dispute_buttons.values()), 6), 3)
        actions.addWidget(self.dispute_note, 1)
        for button in (self.evidence_button, *self.dispute_buttons.values()):
            button.setStyleSheet("QPushButton { font-size: 13pt; min-width: 0px; padding: 6px 12px; }")
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(THUMB)
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setSpacing(8)
        self.photo_list.setStyleSheet("QListWidget { font-size: 11pt; }")
        self.photo_list.itemActivated.connect(self._photo_activated)
        self._tab_names: list[tuple[str, str, str]] = []  # (with its count, without, tool tip)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet("QTabBar { font-size: 14pt; } QTabBar::tab { padding: 4px 6px; }")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.grade)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.title)  # its own line: a long product name never widens the window
        layout.addWidget(self.evidence)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        keep_text_width(self.back_button)

    def show_detail(self, detail: InspectionDetail, disputes_here: bool = True) -> None:
        """Show one inspection (replacing the previous one).

        ``disputes_here`` is False for another station's inspection read from the central database:
        disputes are recorded in the database of the station that holds the inspection.
        """
        self.detail = detail
        f = detail.facts
        self.title.setText(f"{f.rma}  ·  {f.product}  ·  {detail.station_code}")
        self.grade.setText(grade_name(detail.final_grade) if detail.final_grade else "—")
        self.grade.setProperty("grade", detail.final_grade or "")
        self.evidence.setText(self.evidence_text(detail))
        self.evidence.setProperty("kind", "ok" if detail.evidence_ok else "error")
        for label in (self.grade, self.evidence):
            label.style().unpolish(label)
            label.style().polish(label)
        open_dispute = any(d.is_open for d in detail.disputes)
        finished = detail.finished_at is not None
        self.dispute_buttons[OPEN].setEnabled(disputes_here and finished and not open_dispute)
        for kind in (NOTE, DECISION, GRADE, CLOSE):
            self.dispute_buttons[kind].setEnabled(disputes_here and open_dispute)
        for button in self.dispute_buttons.values():
            button.setVisible(self.can_dispute and disputes_here)
        self.dispute_note.setVisible(self.can_dispute and not disputes_here)
        current = self.tabs.currentIndex()
        for index in reversed(range(self.tabs.count())):
            page = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if page is not self.photo_list:
                page.deleteLater()
        t = self.tables
        # Short tab names, the long one in the tool tip: at 1024x768 the Dutch "Retour en beoordeling",
        # "Beoordelingen (1)", "Audittijdlijn (8)" hid the last tabs behind the tab bar's scroll arrows
        # (1226 px of tabs on 653). Where even they do not fit, the counts go to the tool tips too.
        self._fill_photos(detail)
        answers, history, events = len(detail.answers), len(detail.grade_history), len(detail.timeline)
        photos, disputes = len(detail.photos), len(detail.disputes)
        tabs = (
            (t.answers_table(detail), fill(self.tr("Answers (%1)"), answers), self.tr("Answers"), ""),
            (t.facts_table(detail), self.tr("Summary"), self.tr("Summary"), self.tr("Return and grade")),
            (t.history_table(detail), fill(self.tr("Grades (%1)"), history), self.tr("Grades"),
             fill(self.tr("Grade history (%1)"), history)),
            (t.timeline_table(detail), fill(self.tr("Audit (%1)"), events), self.tr("Audit"),
             fill(self.tr("Audit timeline (%1)"), events)),
            (self.photo_list, fill(self.tr("Photos (%1)"), photos), self.tr("Photos"), ""),
            (t.disputes_table(detail), fill(self.tr("Disputes (%1)"), disputes), self.tr("Disputes"), ""),
        )
        self._tab_names = []
        for page, name, short, tip in tabs:
            self.tabs.addTab(page, name)
            self._tab_names.append((name, short, tip))
        self._fit_tab_names()
        self.tabs.setCurrentIndex(max(0, current))

    def _fit_tab_names(self) -> None:
        """The tab names with their counts where they all fit side by side, else without."""
        bar = self.tabs.tabBar()
        names = self._tab_names
        for short in (False, True):
            for index, (name, brief, tip) in enumerate(names):
                text = brief if short else name
                if bar.tabText(index) != text:
                    bar.setTabText(index, text)
                bar.setTabToolTip(index, tip if not short else (tip or name))
            if bar.sizeHint().width() <= self.tabs.width():
                return

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_tab_names()

    def evidence_text(self, detail: InspectionDetail) -> str:
        """One line saying whether the audit chain and the photo files checked out, and where not."""
        problems = []
        for check in detail.chains:
            report = check.report
            if not report.ok:
                problems.append(fill(self.tr("the audit chain of station %1 is broken at event %2"),
                                     check.station_code, report.broken_seq))
        changed = [e for e in detail.timeline if not e.intact]
        if changed:
            problems.append(fill(self.tr("event %1 was changed after it was recorded"),
                                 ", ".join(f"{e.station_code} #{e.seq}" for e in changed)))
        for number, photo in enumerate(detail.photos, start=1):
            if not photo.file_ok:
                problems.append(fill(self.tr("photo %1 (%2) no longer matches its SHA-256"), number,
                                     detail.photo_titles.get(photo.tag, photo.tag)))
            elif not photo.recorded:
                problems.append(fill(self.tr("photo %1 (%2) is not in the audit log"), number,
                                     detail.photo_titles.get(photo.tag, photo.tag)))
        record = detail.record
        event = f"{record.event_station} #{record.event_seq}"
        if record.state == "changed" and record.field:
            problems.append(fill(self.tr("the field %1 of the record no longer matches event %2"),
                                 record.field, event))
        elif record.state == "changed":
            problems.append(fill(self.tr("the record no longer matches event %1"), event))
        elif record.state == "unprotected":
            problems.append(self.tr("the record was settled before record hashes existed and cannot be "
                                    "verified"))
        elif not detail.record_ok:
            problems.append(self.tr("the record of this finished inspection was never settled"))
        if problems:
            return fill(self.tr("NOT VERIFIED: %1."), "; ".join(problems))
        events = sum(check.report.length for check in detail.chains)
        photos = self.tr("%Ln photo(s) match their SHA-256", "", len(detail.photos))
        if record.state == "unsettled":
            text = self.tr("Not finished yet: audit chain intact (%Ln event(s)), %1.", "", events)
            return fill(text, photos)
        text = self.tr("Evidence verified: audit chain intact (%Ln event(s)), %1, "
                       "the record (answers, grade, refund, notes, flags) is the one event %2 settled.", "",
                       events)
        return fill(text, photos, event)

    def _photo_activated(self, item: QListWidgetItem) -> None:
        self.photo_requested.emit(self.photo_list.row(item))

    def _fill_photos(self, detail: InspectionDetail) -> None:
        self.photo_list.clear()
        for number, photo in enumerate(detail.photos, start=1):
            text = f"{number}. {detail.photo_titles.get(photo.tag, photo.tag)}" + ("" if photo.ok else " ✘")
            item = QListWidgetItem(QIcon(thumbnail(str(photo.path))), text)
            item.setToolTip(f"SHA-256 {photo.sha256}")
            if not photo.ok:
                item.setForeground(Qt.GlobalColor.red)
            self.photo_list.addItem(item)
