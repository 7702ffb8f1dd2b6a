"""Start Debian's varnishd with deploy/varnish/default.vcl in front of a server, in a temp dir."""

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

VARNISHD = "/usr/sbin/varnishd"
VCL = Path(__file__).resolve().parents[2] / "deploy/varnish/default.vcl"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Varnish:
    def __init__(self, backend_host, backend_port, workdir):
        vcl = VCL.read_text()
        vcl = vcl.replace('.host = "127.0.0.1";', f'.host = "{backend_host}";')
        vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
        workdir = Path(workdir)
        (workdir / "veiviser.vcl").write_text(vcl)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-n",
                str(workdir / "varnish"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-T",
                f"127.0.0.1:{free_port()}",
                "-f",
                str(workdir / "veiviser.vcl"),
                "-s",
                "malloc,64m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.1)
        raise RuntimeError("varnishd did not start")

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
