"""The plan screen: the wellbeing plan itself, edited by coordinators."""
