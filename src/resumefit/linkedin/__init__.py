"""`resumefit linkedin`: review a LinkedIn data export for a medical-sales segment."""
