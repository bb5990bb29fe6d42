# nbgrader configuration for this folder: run nbgrader commands from exercises/.
# The stubs match `alliance release`, so nbgrader's student notebooks equal ours.
c = get_config()  # noqa: F821 - provided by nbgrader
c.CourseDirectory.course_id = "broken-alliance"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE: replace ____ above with your answer"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.Execute.timeout = 120
