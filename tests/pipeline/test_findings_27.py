"""Findings of the Swedish-municipality trial that hold in every language (issue 27), each with the test that
failed before its fix."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, select

from data_pipeline.cli import main as hyte
from data_pipeline.store import schema as S


def test_a_refresh_from_another_folder_stores_the_package_path_absolute(mini_package, tmp_path, monkeypatch, capsys):
    # `hyte refresh --config narpes/hyte.toml` from the folder above: the app, started anywhere, must find it.
    elsewhere = tmp_path / "work"
    shutil.copytree(mini_package.parent, elsewhere / "narpes")
    monkeypatch.chdir(elsewhere)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert hyte(["refresh", "--config", "narpes/hyte.toml", "--db", url, "--offline", "-q"]) == 0, capsys.readouterr()
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(select(S.load_run.c.config_path).order_by(S.load_run.c.id.desc())).scalar()
    engine.dispose()
    assert Path(stored).is_absolute() and Path(stored) == elsewhere / "narpes" / "hyte.toml"
