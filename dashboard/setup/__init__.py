"""The setup screen: a new municipality's data package, as `hyte init` writes it."""
