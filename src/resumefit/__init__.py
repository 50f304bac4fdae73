"""resumefit: check and tailor a Word resume for medical-sales roles, offline."""

__version__ = "0.1.0"
