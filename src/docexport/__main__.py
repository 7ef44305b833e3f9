from docexport.cli import main

main()
