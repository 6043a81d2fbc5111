"""Cutting what a file holds: a bundle into its reports (bundle, signals, pairs, parts), and a
block where two tables run into each other (tables)."""
