"""UI text catalogues per screen, merged by dashboard.i18n: key -> (fi, sv, en)."""
