"""`alliance grade`: grade many exercise submissions, safely and in parallel.

collect (find notebooks, student ids) → assemble (rebuild each notebook from the
instructors' source, keeping only the learner's answer and extra cells, noting any
edited or deleted locked cell and any code that tampers with the checks) → worker
(one subprocess per submission: runs it in a fresh, resource-limited kernel, then
checks the answers that reached the grader with a clean copy of the questions) →
report (gradebook.csv, one feedback file per student, a summary).
"""

from .run import grade  # noqa: F401
