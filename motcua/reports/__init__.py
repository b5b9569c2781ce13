"""Statistics: the settlement report (Biểu II.06a), its exports and its REST resource. See docs/reports.md."""
