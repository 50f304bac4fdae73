"""`resumefit batch`: review a folder of resumes in parallel, safely."""
