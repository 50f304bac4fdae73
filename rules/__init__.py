"""Built-in rule packs (YAML) and their word lists: data, shipped inside the wheel."""
