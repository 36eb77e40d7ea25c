"""Build hook: compile the per-block stages with mypyc (README: "Why some modules are compiled").

Those modules are plain, fully typed Python; mypyc turns them into one C extension that runs the
same code faster. NEWSCLEAN_PURE_PYTHON=1 installs them as they are, as does a machine with no C
compiler; the output is byte-identical either way (tests/test_compiled.py).
"""

import importlib.util
import os

from setuptools import setup

# The list lives with the package; load that one file (not the package, whose imports need
# dependencies the build environment lacks, and not its folder on sys.path: it has an html.py).
_spec = importlib.util.spec_from_file_location("_compiled", os.path.join("newsclean", "_compiled.py"))
_compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_compiled)
COMPILED = _compiled.COMPILED


def extensions() -> list:
    if os.environ.get("NEWSCLEAN_PURE_PYTHON") == "1":
        return []
    from mypyc.build import mypycify

    extensions = mypycify([f"newsclean/{name}.py" for name in COMPILED], opt_level="3", group_name="newsclean._native")
    for extension in extensions:
        extension.optional = True  # no C compiler: a warning, and the plain-Python modules are used
    return extensions


setup(ext_modules=extensions())
