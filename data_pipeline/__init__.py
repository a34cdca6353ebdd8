"""The HYTE pipeline: extract, validate and load a municipality's data package into the store."""
