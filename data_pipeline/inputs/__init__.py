"""What a data package holds and how it is read and checked: hyte.toml's schema and reader, the
registers' columns, file readers, row validation, district files, problems and register templates."""
