"""Qt-free barcode scanning: scan events, check digits, carrier formats, identification, scanner readers.

Nothing in this package imports PySide6, SQLAlchemy or the models/services/ui layers. Import the
submodules directly (``from inspector.scanning.identify import identify``).
"""
