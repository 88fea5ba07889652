#!/usr/bin/env python3
"""Fails when Cargo.toml's rust-version is older than a dependency's own rust-version.

`rust-version` is a promise to users on older toolchains; a dependency that needs a newer compiler
silently breaks it. Only one toolchain exists on CI, so this compares the declared minimums.
"""
import json
import subprocess
import sys


def version(text):
    return tuple(int(part) for part in text.split("."))


meta = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True, capture_output=True, text=True,
    ).stdout
)
root = next(p for p in meta["packages"] if p["id"] in meta["workspace_members"])
ours = root.get("rust_version")
if not ours:
    sys.exit("Cargo.toml declares no rust-version")
needed = max(
    ((p["rust_version"], p["name"]) for p in meta["packages"] if p.get("rust_version") and p is not root),
    key=lambda pair: version(pair[0]),
)
if version(needed[0]) > version(ours):
    sys.exit(f"rust-version = {ours} in Cargo.toml, but {needed[1]} needs {needed[0]}: raise it")
print(f"rust-version {ours}: every dependency declares {needed[0]} ({needed[1]}) or older")
