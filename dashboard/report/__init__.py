"""The report screen: the council's wellbeing report, section by section, with the coordinator's texts."""
