"""Reports, labels and evidence packs (PDF, CSV, XLSX, ZPL)."""
