"""An nginx.conf around a deploy's site config, for running it unprivileged-style in a test's own folder:
in the foreground, its pid, logs and temporary files in the folder, nothing of the machine's nginx.conf
but what is named (Debian's mime.types)."""

from __future__ import annotations

import os
from pathlib import Path


def write_nginx_conf(folder: Path, site: str, *, connections: int, mime_types: bool = False) -> Path:
    """`folder/nginx.conf` holding `site` (one or more server blocks) in its http block; returns its path."""
    path = folder / "nginx.conf"
    path.write_text(
        f"daemon off;\nmaster_process on;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        # Started by root (a container), the workers would be nobody, who cannot read pytest's folders.
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"error_log {folder}/error.log;\nevents {{ worker_connections {connections}; }}\nhttp {{\n"
        + ("  include /etc/nginx/mime.types; default_type application/octet-stream;\n" if mime_types else "")
        + f"  client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;\n"
        f"  fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n"
        + site + "\n}\n")
    return path
