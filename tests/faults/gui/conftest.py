"""The GUI fault tests use the GUI tests' fixtures (offscreen Qt, fresh station, users, inline tasks)."""

from tests.ui.conftest import inline, no_qt_warnings, people, services, styled_app  # noqa: F401
