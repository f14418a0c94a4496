"""The `trustlist` command: one subcommand per user's task (cli.main), and the helpers only the
command line needs (scaffold for applicants, codeowners and governance for maintainers)."""

from .main import main

__all__ = ["main"]
