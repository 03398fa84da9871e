"""govdisclose: the 390 disclosure standard as a library (placeholder re-exports filled below)."""

from .__about__ import __version__

__all__ = ["__version__"]
