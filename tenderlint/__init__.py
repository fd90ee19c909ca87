"""tenderlint: finds barriers to small providers and public service mutuals in tender documents."""

from tenderlint.api import lint
from tenderlint.config import Config

__version__ = "0.1.0"
__all__ = ["lint", "Config", "__version__"]
