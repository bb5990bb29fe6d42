"""One module per lesson: its chart builders and its explorer.

A lesson notebook imports its module (`from alliance.lessons import l03_ttp_surge as lesson`)
so the notebook holds the story and the module holds anything longer than a few lines.
"""
