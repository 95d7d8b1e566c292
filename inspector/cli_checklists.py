"""``inspector checklists list|check DIR|preview ID|FILE``: the warehouse's checklist templates.

Templates in ``DATA_DIR/checklists/`` replace shipped ones with the same id (or add new ones); the
station refuses to start with a broken one, so check a folder before copying it there::

    inspector checklists check ./my-checklists         # every problem: file:line: problem (exit 1)
    inspector checklists preview ./my-checklists/apparel.toml --language nl [--png apparel.png]
    inspector checklists list                          # in use here, and how many inspections used each
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from inspector.cli_common import EXIT_FAILED, EXIT_OK


def add_checklists_parser(commands: Any) -> None:
    """Add ``checklists ...`` to the main parser's subcommands."""
    parser = commands.add_parser("checklists", help="check, preview and list the checklist templates")
    actions = parser.add_subparsers(dest="checklists_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="the templates in use here and how many inspections used each version")
    check = actions.add_parser("check", help="check every template of a folder (file, line, problem)")
    check.add_argument("directory", type=Path)
    preview = actions.add_parser("preview", help="show a template as the inspector will see it")
    preview.add_argument("template", help="a template file, or the id of a template in use here")
    preview.add_argument("--language", choices=("nl", "en"), default="en")
    preview.add_argument("--png", type=Path, metavar="FILE",
                         help="also render the station's checklist screen")


def run_checklists(args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``checklists`` action."""
    from inspector.services.checklist_check import check_directory, preview_text
    from inspector.services.checklist_loader import load_template_file
    from inspector.services.checklist_model import TemplateError

    if args.checklists_command == "check":
        templates, problems = check_directory(args.directory)
        for problem in problems:
            out.write(f"{problem.path}:{problem.line}: {problem.problem}\n")
        for template in templates.values():
            out.write(f"ok: {template.source} ({template.id}, version {template.version}, "
                      f"{len(template.questions)} questions)\n")
        return EXIT_FAILED if problems else EXIT_OK
    if args.checklists_command == "preview":
        path = Path(args.template)
        try:
            if path.suffix == ".toml" or path.exists():
                template = load_template_file(path)
            else:
                template = _in_use(args)[args.template]
        except TemplateError as exc:
            out.write(f"{exc.path}:{exc.line}: {exc.problem}\n")
            return EXIT_FAILED
        except KeyError:
            out.write(f"No template {args.template!r} is in use here ('inspector checklists list').\n")
            return EXIT_FAILED
        out.write(preview_text(template, args.language))
        if args.png:
            from inspector.ui.checklist_preview import render_checklist

            out.write(f"Rendered: {render_checklist(template, args.language, args.png)}\n")
        return EXIT_OK
    return _list(args, out)


def _in_use(args: argparse.Namespace) -> dict[str, Any]:
    from inspector.app import build_services

    services = build_services(args.data_dir)
    try:
        return dict(services.templates)
    finally:
        services.close()


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from sqlalchemy import func, select

    from inspector.app import build_services
    from inspector.models import Inspection

    services = build_services(args.data_dir)
    try:
        with services.database.session() as session:
            used = session.execute(select(Inspection.checklist_id, Inspection.checklist_version, func.count())
                                   .group_by(Inspection.checklist_id, Inspection.checklist_version)).all()
        templates = services.templates
    finally:
        services.close()
    for template in sorted(templates.values(), key=lambda t: t.id):
        local = template.source is not None and services.paths.checklists in template.source.parents
        where = "data directory" if local else "shipped"
        categories = ", ".join(c.value for c in template.categories)
        out.write(f"{template.id:<14} version {template.version:<3} {where:<15} "
                  f"sha256 {template.digest[:12]}  {categories}\n")
    if used:
        out.write("Inspections per checklist version:\n")
        for checklist_id, version, count in sorted(used):
            current = templates.get(checklist_id)
            note = "" if current is not None and current.version == version else "  (not the version in use)"
            out.write(f"  {checklist_id} version {version}: {count}{note}\n")
    return EXIT_OK
