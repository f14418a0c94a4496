"""plugin: the MkDocs adapter, the only module that imports mkdocs.

It sequences MkDocs events and delegates to the core; a registry with findings fails the
build with the validator's own lines, before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import report
from .validate import Registry, RegistryNotFound, validate_registry


class TrustlistConfig(base.Config):
    registry = opt.Type(str, default="registry")
    """The registry folder, relative to mkdocs.yml."""

    demonstration = opt.Type(bool, default=False)
    """Show a banner on every page saying the registry is demonstration data."""


class TrustlistPlugin(BasePlugin[TrustlistConfig]):
    registry: Registry | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent / self.config.registry
        try:
            registry = validate_registry(root)
        except RegistryNotFound as err:
            raise PluginError(str(err)) from None
        if registry.errors:
            lines = "\n".join(report.text_line(f) for f in registry.errors)
            raise PluginError(
                f"the registry has {len(registry.errors)} error(s); no site is built:\n{lines}"
            )
        self.registry = registry
        return config
