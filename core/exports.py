"""Spreadsheet exports that a spreadsheet program cannot run: no cell starts a formula.

Readers' comments and search queries reach the editors' CSV and XLSX exports verbatim; a cell
that starts with =, +, -, @, a tab or a carriage return can be read as a formula («CSV
injection»). Every export in the admin goes through Wagtail's ``SpreadsheetExportMixin``
(Veiviser's reports and Wagtail's own), so the guard is put on the mixin once, at start-up,
rather than on each report someone may add later.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """``value``, with a leading apostrophe if it is text a spreadsheet could run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def guard_spreadsheet_exports():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "formula_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return inert(original(self, field, value, export_format))

    preprocess_field_value.formula_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
