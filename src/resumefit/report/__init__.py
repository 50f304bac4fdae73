"""Renderings of the model: text, JSON, JSON Resume, HTML and CI formats."""
