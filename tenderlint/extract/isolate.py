"""Parse documents in a worker process with a hard wall-time limit and a memory cap.

A cooperative check cannot stop a C parser stuck in a loop or a decompression bomb, so parsing
runs in a separate worker process (forked, so it starts with the readers loaded): the parent
kills it when a document's time is up, and the worker's address space is capped (RLIMIT_AS) so a
runaway allocation fails inside it. Whatever happens there (a timeout, a crash, running out of
memory), the parent gets one `ReadError` and the rest of the batch goes on; a new worker is
started for the next document. The worker is kept between documents so that the parsers' caches
stay warm. Where `fork` is not available, documents are read in-process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import signal
import time

from tenderlint.errors import ReadError
from tenderlint.extract.limits import Limits
from tenderlint.model import Document

_ENV_OFF = "TENDERLINT_NO_ISOLATION"  # for debugging a parser in-process
_MAX_DOCS_PER_WORKER = 200  # a fresh worker now and then keeps fragmentation from adding up


def available() -> bool:
    """Fork is there, and this process may have children (a daemonic process, such as a Dask worker
    left at its default `distributed.worker.daemon: true`, may not)."""
    return ("fork" in mp.get_all_start_methods() and not os.environ.get(_ENV_OFF)
            and not mp.current_process().daemon)


def read_isolated(name: str, data: bytes, limits: Limits) -> Document:
    """The Document for one file's bytes, read in the worker; a ReadError explains any failure."""
    from tenderlint.extract import read_file_bytes

    if not limits.isolate or not available():
        return read_file_bytes(name, data, limits)
    return _worker(limits).read(name, data, limits)


class _Worker:
    def __init__(self, max_memory_mb: int):
        self.max_memory_mb = max_memory_mb
        self.owner = os.getpid()
        self.proc = None
        self.conn = None
        self.served = 0

    def _start(self) -> None:
        _preload()
        ctx = mp.get_context("fork")
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_serve, args=(child_end, self.max_memory_mb, parent_end, os.getpid()),
                                daemon=True)
        self.proc.start()
        child_end.close()
        self.conn = parent_end
        self.served = 0

    def stop(self) -> None:
        if self.conn is not None:
            self.conn.close()
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
        if self.proc is not None:
            self.proc.join(timeout=5)
        self.proc = self.conn = None

    def read(self, name: str, data: bytes, limits: Limits) -> Document:
        if self.proc is None or not self.proc.is_alive() or self.served >= _MAX_DOCS_PER_WORKER:
            self.stop()
            self._start()
        self.served += 1
        try:
            self.conn.send_bytes(pickle.dumps((name, data, limits), protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, ValueError):
            self.stop()
            raise ReadError("corrupt", "the reader process stopped before it could take the file") from None
        deadline = time.monotonic() + limits.timeout_seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise ReadError("timeout", f"reading took longer than the limit of {limits.timeout_seconds:g} s")
            try:
                if self.conn.poll(min(left, 0.25)):
                    payload = self.conn.recv_bytes()
                    break
            except (EOFError, OSError):
                payload = None
                break
            if not self.proc.is_alive() and not self._pending():
                payload = None
                break
        if payload is None:
            if self.proc is not None:
                self.proc.join(timeout=5)  # the pipe closes a moment before the exit status is known
            exitcode = self.proc.exitcode if self.proc is not None else None
            self.stop()
            _died(exitcode, limits)
        kind, value = pickle.loads(payload)
        if kind == "doc":
            return value
        if value[0] == "out-of-memory":
            self.stop()  # its heap may be in pieces; start clean for the next file
        raise ReadError(*value)

    def _pending(self) -> bool:
        try:
            return bool(self.conn.poll(0))
        except (EOFError, OSError):
            return False


_WORKER: _Worker | None = None


def _worker(limits: Limits) -> _Worker:
    global _WORKER
    if _WORKER is None or _WORKER.owner != os.getpid() or _WORKER.max_memory_mb != limits.max_memory_mb:
        if _WORKER is not None and _WORKER.owner == os.getpid():
            _WORKER.stop()
        _WORKER = _Worker(limits.max_memory_mb)
    return _WORKER


def _preload() -> None:
    """Import the readers in the parent so that a forked worker starts with them loaded."""
    import tenderlint.extract.docx  # noqa: F401
    import tenderlint.extract.html  # noqa: F401
    import tenderlint.extract.pdf  # noqa: F401
    import tenderlint.extract.text  # noqa: F401


def _died(exitcode: int | None, limits: Limits) -> None:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig == signal.SIGKILL:
            raise ReadError("out-of-memory", f"reading needed more than the limit of {limits.max_memory_mb} MB")
        if sig == signal.SIGABRT:
            raise ReadError("out-of-memory", "the parser aborted, as it does when the file needs more than the "
                            f"memory limit of {limits.max_memory_mb} MB (a decompression bomb, for example)")
        raise ReadError("corrupt", f"the parser crashed on this file (signal {signal.Signals(sig).name})")
    raise ReadError("corrupt", f"the parser stopped without a result (exit code {exitcode})")


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int | None) -> None:
    """Ask the kernel to kill the worker when the parent dies (Linux), even mid-parse in a C loop that
    never looks at the pipe; if the parent is already gone, exit now."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the closed pipe still ends the worker between files
    if parent is not None and os.getppid() != parent:
        os._exit(0)


def _serve(conn, max_memory_mb: int, parent_end=None, parent: int | None = None) -> None:
    """The worker's loop: read a file, send back its Document or the error, wait for the next.

    It closes its copy of the parent's end of the pipe, so that if the parent dies the worker sees the
    pipe close and exits instead of waiting for ever."""
    if parent_end is not None:
        parent_end.close()
    _die_with_parent(parent)
    import faulthandler

    from tenderlint.extract import read_file_bytes

    faulthandler.disable()  # a reader that aborts is reported by the parent, not dumped on stderr
    _cap_memory(max_memory_mb)
    try:
        while True:
            try:
                name, data, limits = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                break
            try:
                result: tuple = ("doc", read_file_bytes(name, data, limits))
            except ReadError as exc:
                result = ("error", (exc.code, exc.message))
            except MemoryError:
                result = ("error", ("out-of-memory", f"reading needed more than the limit of {max_memory_mb} MB"))
            except RecursionError:
                result = ("error", ("corrupt", "the file is nested too deeply to read"))
            except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
                result = ("error", ("corrupt", f"the file could not be parsed ({type(exc).__name__}: {exc})"))
            del data
            try:
                out = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                out = pickle.dumps(("error", ("out-of-memory", "the text read is too large to return")))
            conn.send_bytes(out)
    finally:
        conn.close()
        os._exit(0)  # skip the parent's atexit handlers and buffers, inherited by fork


def _cap_memory(max_memory_mb: int) -> None:
    """Cap the worker's address space at what it already maps (inherited from the parent) plus the budget."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as fh:
            vm = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:")), 0)
        limit = vm + max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError, StopIteration):
        pass
