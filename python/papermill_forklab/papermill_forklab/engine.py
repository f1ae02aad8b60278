"""The entry point papermill loads at start-up; importing it registers the Java translator.

papermill 2.x has entry points for engines and I/O handlers but not for translators, so the
registration rides on an engine: this one is papermill's own nbclient engine, unchanged. It is
registered under the name "forklab" too, for anyone who passes --engine forklab.
"""
from papermill.engines import NBClientEngine
from papermill.translators import papermill_translators

from .translator import JavaTranslator

# The kernelspec name the forklab installer writes, and the language its kernel reports.
papermill_translators.register("forklab", JavaTranslator)
papermill_translators.register("java", JavaTranslator)


class ForklabEngine(NBClientEngine):
    """papermill's nbclient engine; exists so that loading it registers the translator."""
