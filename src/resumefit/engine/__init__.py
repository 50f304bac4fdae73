"""Rule packs, one cached spaCy pipeline, findings and explainable scores."""
