"""pso: decision support for New Zealand peace support operation proposals."""

__version__ = "0.1.0"
