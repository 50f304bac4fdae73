"""`resumefit tailor`: a tailored copy of the candidate's own .docx and a gap report."""
