from docexport.launcher import main

main()
