"""Prepares a demo station for ``benchmarks/x_walk.sh`` and prints its plan as JSON.

Usage: ``python benchmarks/x_walk_plan.py DATA_DIR LANGUAGE``

The station of :func:`benchmarks.actions.prepare` (60 demo returns, a camera playing a video of an
empty work table), saved to ``DATA_DIR/settings.toml`` so that the real application starts on it, with
the inspector of badge BDG000001 speaking ``LANGUAGE``. Prints one parcel per shipped template: its
tracking code and the code its item's barcode carries.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sqlalchemy import update

sys.path.insert(0, str(Path(__file__).resolve().parent))
from actions import prepare

from inspector.config import save_settings
from inspector.models import User


def main(data_dir: Path, language: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    services, parcels = prepare(data_dir, language)
    save_settings(services.paths.settings_file, services.settings)
    with services.database.session() as session:
        session.execute(update(User).where(User.badge_code == "BDG000001").values(language=language))
    services.close()
    print(json.dumps([{"template": p.template, "rma": p.rma, "tracking": p.tracking, "item": p.item_code}
                      for p in parcels.values()]))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
