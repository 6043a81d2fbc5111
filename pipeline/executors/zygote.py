"""The workers' fork server as a zygote: `multiprocessing`'s fork server loop
(`multiprocessing.forkserver.main`) run in a fork of this process, rather than in a fresh
interpreter that imports everything again (a second or two). Processes started with the
`forkserver` start method are then forked from this process as it was when `start` was called.

It is set up the way `ForkServer.ensure_running` sets up its own server (a listening socket, the
"alive" pipe whose closing ends it), and registered in place of that one, so `multiprocessing`
connects to it. That uses the fork server's private state as CPython 3.11-3.13 keep it (3.14 adds
an authentication handshake): where it differs, `start` does nothing and the standard server
starts with the first process instead.
"""

from __future__ import annotations

import inspect
import multiprocessing
import multiprocessing.connection
import os
import socket
from multiprocessing import forkserver, resource_tracker, util
from typing import Any

# `multiprocessing.forkserver.main`'s parameters, as `_serve` calls it
SERVER_MAIN = ("listener_fd", "alive_r", "preload", "main_path", "sys_path")
SERVER_STATE = ("_lock", "_forkserver_address", "_forkserver_alive_fd", "_forkserver_pid")


def _server() -> Any:
    """The process's `multiprocessing.forkserver.ForkServer` (its state is not typed: private)."""
    return getattr(forkserver, "_forkserver", None)


def fits() -> bool:
    """Whether this Python's fork server is the one the zygote stands in for."""
    server = _server()
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and tuple(inspect.signature(forkserver.main).parameters) == SERVER_MAIN
        and server is not None
        and all(hasattr(server, name) for name in SERVER_STATE)
        and not hasattr(server, "_forkserver_authkey")
    )


def _serve(listener_fd: int, alive_r: int, alive_w: int) -> None:
    """The zygote: the fork server's loop (a process forked a request) until every process holding
    the alive pipe's other end is gone; then it leaves without running this process's exit
    handlers (they belong to the process it was forked from)."""
    code = 0
    try:
        os.close(alive_w)  # else it would keep itself alive
        forkserver.main(listener_fd, alive_r, [])
    except SystemExit:
        pass
    except BaseException:  # noqa: BLE001 - a zygote that fails ends; what it forked goes on
        code = 1
    finally:
        os._exit(code)


def start() -> None:
    """Fork the zygote now, unless a fork server runs (or the zygote does not fit this Python)."""
    if not fits():
        return
    server = _server()
    with server._lock:
        if server._forkserver_pid is not None:
            if os.waitpid(server._forkserver_pid, os.WNOHANG)[0] == 0:
                return  # running
            os.close(server._forkserver_alive_fd)  # it ended: start another
            server._forkserver_address = server._forkserver_alive_fd = server._forkserver_pid = None
        resource_tracker.ensure_running()  # as the standard server does: its processes share it
        connection: Any = multiprocessing.connection
        address = connection.arbitrary_address("AF_UNIX")
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(address)
            if not util.is_abstract_socket_namespace(address):
                os.chmod(address, 0o600)
            listener.listen()
            alive_r, alive_w = os.pipe()
            pid = os.fork()
            if pid == 0:
                _serve(listener.fileno(), alive_r, alive_w)
            os.close(alive_r)
        server._forkserver_address = address
        server._forkserver_alive_fd = alive_w
        server._forkserver_pid = pid
