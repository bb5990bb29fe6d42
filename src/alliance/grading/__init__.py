"""`alliance grade`: grade many exercise submissions, safely and in parallel.

collect (find notebooks, student ids) → assemble (rebuild each notebook from the
instructors' source, keeping only the learner's answer and extra cells, noting any
edited or deleted locked cell and any code that tampers with the checks) → worker
(one subprocess per submission: runs it in a fresh, resource-limited kernel, then
checks the answers that reached the grader with a clean copy of the questions) →
report (gradebook.csv, one feedback file per student, a summary).
"""



def __getattr__(name: str):
    # Lazy, so the sandboxed kernel (alliance.grading.sandbox) starts without the grader's imports.
    if name == "grade":
        from .run import grade

        return grade
    raise AttributeError(f"module 'alliance.grading' has no attribute {name!r}")
