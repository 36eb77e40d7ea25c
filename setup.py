"""Build hook: compile the per-block stages with mypyc (README: "Why some modules are compiled").

Those modules are plain, fully typed Python; mypyc turns them into one C extension that runs the
same code faster. NEWSCLEAN_PURE_PYTHON=1 installs them as they are, as does a machine with no C
compiler; the output is byte-identical either way (tests/test_compiled.py).
"""

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor

from setuptools import setup
from setuptools.command.build_ext import build_ext

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

    # multi_file: one C file per module, so that the compiler runs on all of them at once (below).
    extensions = mypycify([f"newsclean/{name}.py" for name in COMPILED], opt_level="3", group_name="newsclean._native",
                          multi_file=True)
    for extension in extensions:
        extension.optional = True  # no C compiler: a warning, and the plain-Python modules are used
        extension.include_dirs.append(os.path.join("build", "newsclean"))  # the group's headers (multi_file)
    return extensions


class BuildAllOrNone(build_ext):
    """mypyc's shared library first: each module's own extension only imports it, so when it fails
    to compile (no C compiler, a compiler error) none is built and the plain-Python modules stay."""

    def build_extensions(self) -> None:
        compile_in_parallel(self.compiler)
        shared = [e for e in self.extensions if e.name.endswith("__mypyc")]
        try:
            for extension in shared:
                self.build_extension(extension)
        except Exception as exc:  # any failure means: no compiled module at all
            self.warn(f"compiling with mypyc failed, the modules stay plain Python: {exc}")
            self.extensions = []
            return
        for extension in self.extensions:
            if extension not in shared:
                self.build_extension(extension)


def compile_in_parallel(compiler) -> None:
    """Compile an extension's C files on every core, not one after another (distutils' default): the
    shared library's files are most of the build's time."""
    def compile(sources, output_dir=None, macros=None, include_dirs=None, debug=0, extra_preargs=None,
                extra_postargs=None, depends=None):
        macros, objects, extra_postargs, pp_opts, build = compiler._setup_compile(
            output_dir, macros, include_dirs, sources, depends, extra_postargs)
        cc_args = compiler._get_cc_args(pp_opts, debug, extra_preargs)

        def one(obj):
            source, ext = build[obj]
            compiler._compile(obj, source, ext, cc_args, extra_postargs, pp_opts)

        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(one, objects))
        return objects

    compiler.compile = compile


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildAllOrNone})
