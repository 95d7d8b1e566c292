"""The pages of the main window: Intake, Review, Reports and Settings."""
