"""Setup: a new municipality's data package, as `hyte init` writes it (admins, or everyone in open mode)."""

from dashboard.core.i18n import current_language
from dashboard.setup import widgets

widgets.setup_page(current_language())
