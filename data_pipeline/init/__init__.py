"""`hyte init`: a complete, loadable data package for a real municipality from public data."""
