"""Locators: an extracted document's blocks -> the report's parts (`located.LocatedReport`)."""
