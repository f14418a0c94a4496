"""The public site as data: which pages exist and what they show (pages), the HTML our
autoescaping templates make of them (render), search indexes, exports, feeds, every published
file (publish) and the manifest that attests them. Nothing here imports MkDocs."""
