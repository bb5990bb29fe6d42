"""One module per assignment: `build()` returns its `Assignment` (questions, hashed answers, hints)."""
