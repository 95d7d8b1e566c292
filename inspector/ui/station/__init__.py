"""The inspection station's screens: intake, return, unknown parcel, inspection, grading and labels."""
