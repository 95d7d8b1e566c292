"""The one import pipeline, for the station and for the central database: read, group, check, write.

:func:`run_pipeline` reads the records of a :class:`~.records.RecordSource`, groups them into returns
(:class:`~.grouping.Groups`), validates each return whole (:class:`~.validation._Validator`) and hands
the valid ones, :data:`BATCH_SIZE` at a time, to a :class:`Writer`: the station's SQLite database
(``inspector import-returns``, the GUI's import) or the central PostgreSQL database (``inspector
central import-returns``). Same formats, same checks, same report, same exit codes.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector.services.returns_import.grouping import Groups
from inspector.services.returns_import.reading import _Problem, _Record
from inspector.services.returns_import.records import RecordSource
from inspector.services.returns_import.report import ImportReport, Rejection, RejectionCode
from inspector.services.returns_import.validation import _Announced, _Validator

BATCH_SIZE = 500
"""Returns written per transaction."""
MAX_LINES_PER_RETURN = 999
"""A return with more lines is refused whole (the portal allows 999; ``line_no`` goes to 9999)."""


class Writer:
    """Where valid returns go: ``write`` one batch in one transaction, counting into the report."""

    def write(self, batch: list[_Announced], report: ImportReport, stop: Callable[[], bool],
              advance: Callable[[], None]) -> bool:
        """Write ``batch``; returns False when ``stop()`` said so between two returns."""
        raise NotImplementedError


def run_pipeline(
    source: RecordSource,
    validator: _Validator,
    writer: Writer,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import every return of ``source`` through ``writer``; see the module docstring."""
    name = str(source.path)
    report = ImportReport(file=name)

    def cancelled() -> bool:
        if cancel is not None and cancel():
            report.cancelled = True
        return report.cancelled

    with Groups() as groups:
        for count, record in enumerate(source.records()):
            if count % 5000 == 0 and cancelled():
                break
            groups.add(record)
        report.lines_read = source.lines_read
        report.warnings = source.warnings
        if report.cancelled:
            return report
        total = groups.count()
        done = 0
        if progress is not None:
            progress(0, total)

        def advance() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        batch: list[_Announced] = []
        for rma, records in groups.returns():
            if cancelled():
                break
            report.returns_read += 1
            announced, problems = _validate(validator, rma, records)
            if announced is None:
                report.rejected_returns += 1
                report.add_rejections(_rejections(name, rma, records, problems))
                advance()
                continue
            batch.append(announced)
            if len(batch) >= BATCH_SIZE:
                if not writer.write(batch, report, cancelled, advance):
                    break
                batch = []
        else:
            if batch:
                writer.write(batch, report, cancelled, advance)
    report.rejected.sort(key=lambda r: r.line)
    return report


def _validate(
    validator: _Validator, rma: str, records: list[_Record]
) -> tuple[_Announced | None, list[_Problem]]:
    lines = sum(max(len(r.lines), 1) for r in records)
    if lines > MAX_LINES_PER_RETURN and rma:
        first = min(r.line for r in records)
        message = (f"Return {rma} has {lines} lines; a return may have at most {MAX_LINES_PER_RETURN}. "
                   f"Split it in the returns portal.")
        return None, [_Problem(first, RejectionCode.TOO_MANY_LINES, message)]
    return validator.validate(rma, records)


def _rejections(name: str, rma: str, records: list[_Record], problems: list[_Problem]) -> list[Rejection]:
    result = [Rejection(name, p.line, rma, p.message, p.code.value, p.column) for p in problems]
    bad_lines = sorted({p.line for p in problems})
    shown = ", ".join(map(str, bad_lines[:10])) + (", ..." if len(bad_lines) > 10 else "")
    for record in records:
        if record.line not in bad_lines:
            result.append(
                Rejection(
                    name,
                    record.line,
                    rma,
                    f"Return {rma} was not imported because other rows of it have errors "
                    f"(line{'s' if len(bad_lines) > 1 else ''} {shown}).",
                    RejectionCode.RMA_REJECTED.value,
                    "",
                )
            )
    return result
