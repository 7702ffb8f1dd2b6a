"""A warm Apertium pipeline: one running translator per language mode and process.

Starting `apertium` loads a dozen dictionaries and rule files, which costs 0.3 s on a quiet
machine and over 1 s on a loaded one, for every translation. Here the pipeline of the mode
(`apertium-wblank-mode -z`) starts once and stays up in null-flush mode: each document is
deformatted by the small `apertium-deshtml-alt`, sent through the running pipeline ending
in a NUL byte, read back up to the NUL that the pipeline echoes, and reformatted.

A pipeline that times out or dies is killed and started afresh on the next call. Forked
workers (gunicorn) never share a pipeline: it belongs to the process that started it.
"""

import contextlib
import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path

MODES_DIR = Path("/usr/share/apertium/modes")
DEFORMAT = "apertium-deshtml-alt"
REFORMAT = "apertium-rehtml-noent"
# What `apertium -u` gives the generator ("-n": no marks for unknown words).
GENERATOR_OPTION = "-n"


class PipelineError(Exception):
    """The pipeline could not start, answer in time, or stay up."""


class WarmPipeline:
    """One mode's pipeline, kept running; `translate()` is safe across threads."""

    def __init__(self, mode, modes_dir=MODES_DIR):
        self.mode = mode
        self.mode_file = Path(modes_dir) / f"{mode}.mode"
        self.process = None
        self.owner_pid = None
        self.lock = threading.Lock()

    def translate(self, document, timeout):
        """The html-alt translation of `document`, as `apertium -u -f html-alt` gives it."""
        with self.lock:
            deadline = time.monotonic() + timeout
            stream = run_filter(DEFORMAT, document.replace("\0", "").encode(), timeout)
            process = self.running()
            try:
                process.stdin.write(stream + b"\0")
                process.stdin.flush()
                output = self.read_until_nul(process, deadline)
            except (OSError, PipelineError):
                self.stop()
                raise
            return run_filter(REFORMAT, output, max(deadline - time.monotonic(), 1.0)).decode()

    def running(self):
        if self.process and self.owner_pid == os.getpid() and self.process.poll() is None:
            return self.process
        if not self.mode_file.exists():
            raise PipelineError(f"mode {self.mode} does not exist")
        script = subprocess.run(
            ["apertium-wblank-mode", "-z", str(self.mode_file)],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
        # $1 is the generator's option, $2 the tagger's, as the apertium script passes them.
        self.process = subprocess.Popen(
            ["bash", "-c", script, "apertium-pipeline", GENERATOR_OPTION, ""],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a stop kills the whole pipeline
        )
        self.owner_pid = os.getpid()
        return self.process

    def read_until_nul(self, process, deadline):
        chunks = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PipelineError("timeout")
            ready, _, _ = select.select([process.stdout], [], [], remaining)
            if not ready:
                raise PipelineError("timeout")
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                raise PipelineError("the pipeline stopped")
            chunks.append(chunk)
            if chunk.endswith(b"\0"):
                return b"".join(chunks)[:-1]

    def stop(self):
        if self.process and self.owner_pid == os.getpid():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self.process.communicate(timeout=5)
        self.process = None


def run_filter(command, data, timeout):
    """Run a deformatter or reformatter (small, quick programs) over bytes."""
    try:
        result = subprocess.run([command], input=data, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise PipelineError("timeout") from error
    if result.returncode != 0:
        raise PipelineError(f"{command} exited with {result.returncode}")
    return result.stdout


_pipelines = {}
_pipelines_lock = threading.Lock()


def pipeline(mode):
    """This process's warm pipeline for `mode`."""
    with _pipelines_lock:
        if mode not in _pipelines:
            _pipelines[mode] = WarmPipeline(mode)
        return _pipelines[mode]
