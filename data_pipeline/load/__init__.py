"""A package into the store: build and check it, refresh it in one transaction, uploads and restores
of registers, and the child process the app starts for every write (load.worker, load.progress)."""
