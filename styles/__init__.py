"""Built-in docexport themes, one TOML file each (shipped as package data)."""
