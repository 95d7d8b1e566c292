"""Barcode decoding backends, preprocessing and the acceptance rules of the combined decoder."""
