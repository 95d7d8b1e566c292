"""The global stylesheet: big type, big touch targets, strong focus, high contrast.

Made for a warehouse PC at 1366x768 that is used with a scanner, a keyboard and gloves: body text
16 pt, inputs 20 pt, buttons at least 52 px high, a thick yellow focus frame on whatever has focus.
"""

from __future__ import annotations

from inspector.paths import resources_dir

INK = "#111111"
PAPER = "#ffffff"
PANEL = "#eef1f4"
ACCENT = "#0b4f9c"
FOCUS = "#ffbf00"
OK = "#1b7f3b"
ERROR = "#b00020"

ARROW = (resources_dir() / "icons" / "arrow_down.svg").as_posix()
ARROW_UP = (resources_dir() / "icons" / "arrow_up.svg").as_posix()

STYLESHEET = f"""
* {{ font-size: 16pt; color: {INK}; }}
QMainWindow, QDialog, QWidget#page, QWidget#loginWindow {{ background: {PAPER}; }}
QLabel#heading, QLabel#dialogHeading, QLabel#screenTitle {{ font-size: 26pt; font-weight: bold; }}
QLabel#subheading {{ font-size: 18pt; font-weight: bold; }}
QLabel#hint {{ color: #333333; }}
QLabel#message {{ font-size: 18pt; font-weight: bold; padding: 8px; }}
QLabel#message[kind="error"] {{ color: {PAPER}; background: {ERROR}; }}
QLabel#message[kind="info"] {{ color: {INK}; background: {PANEL}; }}
QLabel#statusProblem {{ color: {PAPER}; background: {ERROR}; font-weight: bold; padding: 2px 8px; }}
QLabel#numberValue {{ font-size: 30pt; font-weight: bold; color: {ACCENT}; }}
QFrame#numberTile {{ background: {PANEL}; border: 2px solid #c5ccd4; border-radius: 6px; }}
QFrame#notice {{ background: #fff7d6; border: 2px solid #c9a400; border-radius: 6px; }}
QLineEdit, QSpinBox, QComboBox {{
    min-height: 48px; padding: 4px 10px; font-size: 18pt;
    border: 2px solid #5a6570; border-radius: 4px; background: {PAPER};
}}
QSpinBox {{ min-width: 150px; }}
QSpinBox::up-button, QSpinBox::down-button {{
    subcontrol-origin: border; width: 44px; border-left: 2px solid #5a6570; background: {PANEL};
}}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; border-top: 1px solid #5a6570; }}
QSpinBox::up-arrow {{ image: url({ARROW_UP}); width: 16px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({ARROW}); width: 16px; height: 10px; }}
QComboBox::drop-down {{ width: 44px; border-left: 2px solid #5a6570; }}
QComboBox::down-arrow {{ image: url({ARROW}); width: 20px; height: 12px; }}
QComboBox QAbstractItemView {{ font-size: 18pt; selection-background-color: {ACCENT}; }}
QLineEdit#scanField {{ font-size: 26pt; min-height: 64px; border: 3px solid {ACCENT}; }}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus {{ border: 4px solid {FOCUS}; }}
QLineEdit:disabled {{ background: #dddddd; color: #555555; }}
QPushButton {{
    min-height: 52px; min-width: 120px; padding: 4px 20px; font-weight: bold;
    background: {ACCENT}; color: {PAPER}; border: 3px solid {ACCENT}; border-radius: 6px;
}}
QPushButton:hover {{ background: #083b75; }}
QPushButton:focus {{ border: 4px solid {FOCUS}; }}
QPushButton:disabled {{ background: #9aa4ae; border-color: #9aa4ae; }}
QPushButton[secondary="true"] {{ background: {PAPER}; color: {ACCENT}; }}
QPushButton#navButton {{
    text-align: left; min-height: 64px; font-size: 18pt;
    background: {PANEL}; color: {INK}; border: 3px solid {PANEL};
}}
QPushButton#navButton:checked {{ background: {ACCENT}; color: {PAPER}; border-color: {ACCENT}; }}
QPushButton#navButton:focus {{ border: 4px solid {FOCUS}; }}
QWidget#navBar {{ background: {PANEL}; }}
QCheckBox {{ min-height: 44px; spacing: 12px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QCheckBox:focus {{ background: #fff2c0; }}
QListWidget {{ border: 2px solid #5a6570; font-size: 18pt; }}
QListWidget#thumbnails {{ font-size: 13pt; }}
QListWidget::item {{ min-height: 52px; padding: 4px 12px; }}
QListWidget::item:selected {{ background: {ACCENT}; color: {PAPER}; }}
QListWidget:focus {{ border: 4px solid {FOCUS}; }}
QTableView {{ border: 2px solid #5a6570; gridline-color: #c5ccd4; }}
QTableView:focus {{ border: 4px solid {FOCUS}; }}
QHeaderView::section {{ background: {PANEL}; font-weight: bold; padding: 6px; border: 1px solid #c5ccd4; }}
QTabBar::tab {{ min-height: 44px; padding: 4px 18px; background: {PANEL}; border: 2px solid #c5ccd4; }}
QTabBar::tab:selected {{ background: {ACCENT}; color: {PAPER}; }}
QTabBar::tab:focus {{ border: 3px solid {FOCUS}; }}
QProgressBar {{ min-height: 40px; border: 2px solid #5a6570; text-align: center; }}
QProgressBar::chunk {{ background: {OK}; }}
QStatusBar {{ background: {INK}; }}
QStatusBar QLabel {{ color: {PAPER}; padding: 0 10px; font-size: 14pt; }}
QStatusBar QPushButton {{ min-height: 36px; font-size: 14pt; }}
QWidget#station QPushButton {{ font-size: 15pt; padding: 4px 12px; min-width: 0px; }}
QWidget#station QTableView {{ font-size: 14pt; }}
QWidget#station QPushButton[answer="true"] {{ min-height: 46px; }}
QPushButton[secondary="true"]:checked {{ background: {ACCENT}; color: {PAPER}; }}
QPushButton[secondary="true"]:disabled {{ background: #eeeeee; color: #777777; border-color: #9aa4ae; }}
QFrame#question {{ border-bottom: 1px solid #c5ccd4; }}
QLabel#banner {{ background: #fff7d6; border: 2px solid #c9a400; padding: 6px; font-weight: bold; }}
QLabel#alarm {{ background: {ERROR}; color: {PAPER}; padding: 8px; font-size: 18pt; font-weight: bold; }}
QLabel#chip {{ background: {PANEL}; border: 2px solid #5a6570; border-radius: 4px; padding: 4px 10px; }}
QLabel#chip[kind="alarm"] {{ background: {ERROR}; color: {PAPER}; border-color: {ERROR}; }}
QLabel#verify {{ font-size: 18pt; font-weight: bold; padding: 6px; background: #fff7d6; }}
QLabel#verify[kind="ok"] {{ background: {OK}; color: {PAPER}; }}
QLabel#verify[kind="error"] {{ background: {ERROR}; color: {PAPER}; }}
QLabel#needed[kind="error"] {{ color: {ERROR}; font-weight: bold; }}
QLabel#needed[kind="ok"] {{ color: {OK}; font-weight: bold; }}
QLabel#gradeBig {{ font-size: 24pt; font-weight: bold; padding: 4px 16px; border-radius: 6px;
    background: {PANEL}; }}
QLabel#gradeBig[grade="restock"] {{ background: {OK}; color: {PAPER}; }}
QLabel#gradeBig[grade="refurbish"] {{ background: #0b4f9c; color: {PAPER}; }}
QLabel#gradeBig[grade="liquidate"] {{ background: #8a4b00; color: {PAPER}; }}
QLabel#gradeBig[grade="scrap"] {{ background: {INK}; color: {PAPER}; }}
QWidget#gradingPanel {{ background: {PANEL}; border-radius: 6px; }}
*[flash="ok"] {{ background: #c8f0d2; }}
*[flash="error"] {{ background: #ffc9cf; }}
"""
