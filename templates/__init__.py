"""Report templates (jinja2): data, shipped inside the wheel."""
