"""The supervisor's review screens: results table, inspection detail, photo viewer, dispute dialogs."""
