from resumefit.cli import main

main()
