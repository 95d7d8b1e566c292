"""Qt-free use cases of the station: intake, inspection, users, import, demo data, status."""
