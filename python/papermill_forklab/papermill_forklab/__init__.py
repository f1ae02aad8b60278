"""papermill for forklab: the Java translator and the registration that installs it."""
# papermill first: importing it loads the engine entry points, ours among them, which import
# .translator; doing that before .translator is half-imported here avoids a circular import.
import papermill  # noqa: F401

from .translator import JavaTranslator, ParameterError

__all__ = ["JavaTranslator", "ParameterError"]
