"""Contact details out of outputs: a person's own values (name, licence number ...) and
anything shaped like an email, phone number, street address or profile URL."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A number written with its country code ("+44 7700 900123", "+61 (0)2 9876 5432").
INTERNATIONAL_PHONE = r"(?<![\w+])\+(?!1\b)\d{1,3}(?:[\s.-]?\(0\))?(?:[\s.-]?\d{1,5}){2,5}(?!\d)"
PHONE = re.compile(r"(?<!\w)(?:\+?\d{1,2}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)|" + INTERNATIONAL_PHONE)
PROFILE_URL = re.compile(r"(?:https?://)?(?:www\.)?(?:linkedin\.com|github\.com|twitter\.com|x\.com)/[\w/%.-]+", re.I)
STREET = re.compile(r"\b\d{1,6}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|"
                    r"Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy)\b\.?")
SHAPES = (EMAIL, PROFILE_URL, PHONE, STREET)


def scrub(value, private: list[str], placeholder: str = "[redacted]", shapes: bool = True):
    """`value` (a string, or lists and dicts of them) with every private value and every
    contact-shaped string replaced by the placeholder. Private values match in any case:
    a name written "JORDAN RIVERA" at the top is "Jordan's" further down (a name that is
    also a word, "Grant", is then redacted as a word too: a leak would be worse). Without
    `shapes`, only the private values go (for values where a shape could be structure)."""
    if isinstance(value, str):
        for item in sorted((v for v in private if v and len(v) >= 2), key=len, reverse=True):
            value = re.sub(rf"(?<![^\W_]){re.escape(item)}(?![^\W_])", placeholder, value, flags=re.IGNORECASE)
        for pattern in SHAPES if shapes else ():
            value = pattern.sub(placeholder, value)
        return value
    if isinstance(value, list):
        return [scrub(v, private, placeholder, shapes) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, private, placeholder, shapes) for k, v in value.items()}
    return value
