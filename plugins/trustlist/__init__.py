"""trustlist: Kazakhstan's lists of trusted high-risk AI systems, published from a git registry."""

__version__ = "0.1.0"
