"""A real JupyterHub for the hub test and bench/class_hub.py: JupyterHub from PyPI (pinned in
requirements.txt), configurable-http-proxy from npm (installed on first use into build/), the
dummy authenticator and the simple local-process spawner, each user's server a
jupyterhub-singleuser process from this environment.

Everything goes through the hub's front door: users log in through the REST API (a token for a
user name and password), start their servers through it, and reach their kernels through the
proxy, like a browser would.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PROXY_VERSION = "5.3.0"
PROXY_DIR = ROOT / "build" / "hub-proxy"
PASSWORD = "class"


class HubProblem(RuntimeError):
    """The hub or a user's server did not do what was asked; the message says what and where."""


def configurable_http_proxy() -> Path:
    """The proxy JupyterHub starts, from npm, installed into build/hub-proxy once."""
    exe = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    if not exe.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise HubProblem("npm is needed to install configurable-http-proxy (apt-get install npm)")
        PROXY_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PROXY_DIR),
                               f"configurable-http-proxy@{PROXY_VERSION}"], capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not exe.exists():
            raise HubProblem(f"npm could not install configurable-http-proxy: {done.stderr.strip()[-400:]}")
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pids_cgroup(name: str, limit: int) -> Path | None:
    """A pids cgroup (v1) under this process's own, holding the hub and all it starts to `limit`
    tasks (a cap that holds as root); None where cgroups cannot be made here."""
    try:
        mine = next(line.split(":", 2)[2].strip() for line in Path("/proc/self/cgroup").read_text().splitlines()
                    if line.split(":")[1] == "pids")
        group = Path("/sys/fs/cgroup/pids") / mine.lstrip("/") / name
        group.mkdir(exist_ok=True)
        (group / "pids.max").write_text(str(limit))
        return group
    except (OSError, StopIteration, IndexError):
        return None


class Hub:
    def __init__(self, workdir: Path, users: list[str], jupyter_path: str, pids_max: int = 3000):
        self.workdir = workdir
        self.users = users
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.jupyter_path = jupyter_path
        self.cgroup = pids_cgroup(f"forklab-hub-{os.getpid()}-{self.port}", pids_max)
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, str] = {}          # every descendant seen: pid -> command line
        self.log = workdir / "hub.log"

    def config(self) -> str:
        homes = self.workdir / "home"
        return "\n".join([
            "c = get_config()  # noqa",
            f"c.JupyterHub.ip = '127.0.0.1'",
            f"c.JupyterHub.port = {self.port}",
            f"c.JupyterHub.hub_port = {free_port()}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
            f"c.ConfigurableHTTPProxy.command = [{str(configurable_http_proxy())!r}]",
            "c.JupyterHub.authenticator_class = 'dummy'",
            f"c.Authenticator.allowed_users = {set(self.users)!r}",
            "c.JupyterHub.spawner_class = 'simple'",
            f"c.SimpleLocalProcessSpawner.home_dir_template = {str(homes) + '/{username}'!r}",
            f"c.Spawner.cmd = [{str(BIN / 'jupyterhub-singleuser')!r}]",
            "c.Spawner.default_url = '/lab'",
            # CI containers run as root, where jupyter_server refuses to start without this.
            f"c.Spawner.args = {['--allow-root'] if os.geteuid() == 0 else []!r}",
            "c.Spawner.start_timeout = 180",
            "c.Spawner.http_timeout = 180",
            f"c.Spawner.environment = {{'JUPYTER_PATH': {self.jupyter_path!r}, 'PATH': {os.environ['PATH']!r}}}",
            f"c.JupyterHub.db_url = 'sqlite:///{self.workdir}/hub.sqlite'",
            f"c.JupyterHub.cookie_secret_file = '{self.workdir}/cookie_secret'",
            f"c.JupyterHub.pid_file = '{self.workdir}/hub.pid'",
            "c.JupyterHub.cleanup_servers = True",
            "c.JupyterHub.cleanup_proxy = True",
            "",
        ])

    def start(self, timeout: float = 180) -> None:
        (self.workdir / "jupyterhub_config.py").write_text(self.config())
        cgroup = self.cgroup

        def into_cgroup():
            if cgroup is not None:
                (cgroup / "cgroup.procs").write_text(str(os.getpid()))

        with open(self.log, "w") as log:
            self.process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", "jupyterhub_config.py"], cwd=self.workdir,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                            preexec_fn=into_cgroup)
        self.wait(lambda: self.get("/hub/api/").status_code == 200, timeout, "the hub to answer")

    def wait(self, ready, timeout: float, what: str):
        until = time.monotonic() + timeout
        while time.monotonic() < until:
            if self.process.poll() is not None:
                raise HubProblem(f"the hub exited ({self.process.returncode}) while waiting for {what}: {self.tail()}")
            try:
                if ready():
                    return
            except requests.RequestException:
                pass
            self.remember_descendants()
            time.sleep(0.5)
        raise HubProblem(f"gave up after {timeout:.0f} s waiting for {what}: {self.tail()}")

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:]) if self.log.exists() else ""

    def get(self, path: str, token: str | None = None):
        return requests.get(self.url + path, headers=auth(token), timeout=30)

    def post(self, path: str, token: str | None = None, body: dict | None = None):
        return requests.post(self.url + path, headers=auth(token), json=body or {}, timeout=60)

    def login(self, user: str) -> str:
        """A token for the user, got as a client logs in: user name and password to the REST API."""
        reply = self.post(f"/hub/api/users/{user}/tokens", body={"auth": {"username": user, "password": PASSWORD},
                                                                 "note": "forklab hub test", "expires_in": 3600})
        if reply.status_code not in (200, 201):
            raise HubProblem(f"login of {user}: HTTP {reply.status_code} {reply.text[:200]}")
        return reply.json()["token"]

    def start_server(self, user: str, token: str, timeout: float = 240) -> float:
        """Starts the user's server through the hub; returns the seconds until it was ready."""
        started = time.monotonic()
        reply = self.post(f"/hub/api/users/{user}/server", token)
        if reply.status_code not in (201, 202):
            raise HubProblem(f"starting {user}'s server: HTTP {reply.status_code} {reply.text[:200]}")
        self.wait(lambda: self.get(f"/hub/api/users/{user}", token).json()["servers"].get("", {}).get("ready"),
                  timeout, f"{user}'s server")
        self.wait(lambda: self.get(f"/user/{user}/api/status", token).status_code == 200, timeout,
                  f"{user}'s server through the proxy")
        return time.monotonic() - started

    def start_kernel(self, user: str, token: str, kernel_name: str) -> str:
        reply = self.post(f"/user/{user}/api/kernels", token, {"name": kernel_name})
        if reply.status_code != 201:
            raise HubProblem(f"{user}'s kernel {kernel_name}: HTTP {reply.status_code} {reply.text[:300]}")
        return reply.json()["id"]

    def remember_descendants(self) -> None:
        try:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                try:
                    self.seen.setdefault(child.pid, " ".join(child.cmdline())[:200])
                except psutil.Error:
                    pass
        except psutil.Error:
            pass

    def stop(self, timeout: float = 120) -> None:
        """Stops the hub as an operator would (SIGTERM); it stops the users' servers itself."""
        if self.process is None or self.process.poll() is not None:
            return
        self.remember_descendants()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
            raise HubProblem(f"the hub did not stop within {timeout:.0f} s of SIGTERM: {self.tail()}")

    def survivors(self, grace: float = 30) -> list[str]:
        """Processes the hub started (servers, kernels, probes, children) still alive after it stopped."""
        until = time.monotonic() + grace
        while True:
            alive = []
            for pid, cmd in self.seen.items():
                try:
                    p = psutil.Process(pid)
                    if p.status() != psutil.STATUS_ZOMBIE and " ".join(p.cmdline())[:200] == cmd:
                        alive.append(f"{pid} {cmd}")
                except psutil.Error:
                    pass
            if not alive or time.monotonic() > until:
                return alive
            time.sleep(1)

    def cleanup(self) -> None:
        """Last resort for a failed test: nothing the hub started may outlive it."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in list(self.seen):
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass
        if self.cgroup is not None:
            try:
                self.cgroup.rmdir()
            except OSError:
                pass


def auth(token: str | None) -> dict:
    return {"Authorization": f"token {token}"} if token else {}


# ---- a kernel through the hub: Jupyter's messaging over the server's websocket ----------------

def message(code: str, session: str) -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "username": "forklab-test", "session": session,
                       "msg_type": "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}


async def run_cells(hub: Hub, user: str, token: str, kernel_id: str, cells: list[str], timeout: float = 600) -> list[dict]:
    """Runs the cells in order on the user's kernel, through the proxy; one record per cell:
    its text outputs, its error (ename: evalue) if any, and its seconds."""
    url = hub.url.replace("http", "ws", 1) + f"/user/{user}/api/kernels/{kernel_id}/channels"
    socket_ = await websocket_connect(HTTPRequest(url, headers=auth(token)), max_message_size=64 * 1024 * 1024)
    session = uuid.uuid4().hex
    records = []
    try:
        for code in cells:
            msg = message(code, session)
            started = time.monotonic()
            await socket_.write_message(json.dumps(msg))
            record = {"code": code, "text": "", "error": None, "mime": set()}
            replied = idle = False
            while not (replied and idle):
                raw = await asyncio.wait_for(socket_.read_message(), timeout)
                if raw is None:
                    raise HubProblem(f"{user}'s kernel websocket closed during {code[:60]!r}")
                if isinstance(raw, bytes):
                    continue
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") != msg["header"]["msg_id"]:
                    continue
                kind, content = reply["msg_type"], reply["content"]
                if kind == "execute_reply":
                    replied = True
                    if content.get("status") == "error" and record["error"] is None:
                        record["error"] = f"{content.get('ename')}: {content.get('evalue')}"
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
                elif kind == "stream":
                    record["text"] += content.get("text", "")
                elif kind in ("execute_result", "display_data", "update_display_data"):
                    record["mime"].update(content.get("data", {}).keys())
                    record["text"] += content.get("data", {}).get("text/plain", "") + "\n"
                elif kind == "error":
                    record["error"] = f"{content.get('ename')}: {content.get('evalue')}"
            record["seconds"] = time.monotonic() - started
            records.append(record)
    finally:
        socket_.close()
    return records
