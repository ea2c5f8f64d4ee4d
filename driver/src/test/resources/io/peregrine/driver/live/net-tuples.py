# Makes connections of each address kind and prints, per socket call, the fd and both ends as the
# socket itself reports them (getsockname/getpeername, or the address the datagram call named):
#   <case> <call> <fd> <local addr> <local port> <remote addr> <remote port>
# unix lines carry the bound path instead of addresses, pair lines the socketpair's first fd. "noipv6" when ::1 cannot be bound.
import os, socket, sys

def line(case, call, fd, local, remote):
    print(case, call, fd, local[0], local[1], remote[0], remote[1], flush=True)

def tcp(case, family, listen_family, server_addr, connect_addr):
    srv = socket.socket(listen_family, socket.SOCK_STREAM)
    srv.bind((server_addr, 0))
    srv.listen()
    cli = socket.socket(family, socket.SOCK_STREAM)
    cli.connect((connect_addr, srv.getsockname()[1]))
    line(case, "connect", cli.fileno(), cli.getsockname(), cli.getpeername())
    acc, _ = srv.accept()
    line(case, "accept", acc.fileno(), acc.getsockname(), acc.getpeername())
    for s in (cli, acc, srv):
        s.close()

def udp6():
    srv = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    srv.bind(("::1", 0))
    cli = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    cli.bind(("::1", 0))
    cli.sendto(b"ping", srv.getsockname())
    line("udp6", "sendto", cli.fileno(), cli.getsockname(), srv.getsockname())
    _, src = srv.recvfrom(16)
    line("udp6", "recvfrom", srv.fileno(), srv.getsockname(), src)
    cli.sendmsg([b"pong"], [], 0, srv.getsockname())
    line("udp6", "sendmsg", cli.fileno(), cli.getsockname(), srv.getsockname())
    _, _, _, src = srv.recvmsg(16)
    line("udp6", "recvmsg", srv.fileno(), srv.getsockname(), src)
    cli.close()
    srv.close()

def unix(case, path, shown):
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen()
    cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    cli.connect(path)
    print(case, "connect", cli.fileno(), shown, flush=True)
    acc, _ = srv.accept()
    print(case, "accept", acc.fileno(), shown, flush=True)
    for s in (cli, acc, srv):
        s.close()

try:
    probe = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    probe.bind(("::1", 0))
    probe.close()
    ipv6 = True
except OSError:
    ipv6 = False
    print("noipv6", flush=True)
tcp("tcp4", socket.AF_INET, socket.AF_INET, "127.0.0.1", "127.0.0.1")
if ipv6:
    tcp("tcp6", socket.AF_INET6, socket.AF_INET6, "::1", "::1")
    udp6()
    # an IPv6 socket reaching an IPv4 listener through an IPv4-mapped address
    tcp("mapped", socket.AF_INET6, socket.AF_INET, "127.0.0.1", "::ffff:127.0.0.1")
path = os.path.join(sys.argv[1], "pg.sock")
unix("unix", path, path)
# an abstract name (leading NUL), shown here with "@" in its place
name = "pg-abstract-%d" % os.getpid()
unix("abstract", "\0" + name, "@" + name)
# a connected unbound pair: "pair <call> <fd> <first fd of the socketpair>"
a, b = socket.socketpair()
a.send(b"x")
print("pair sendto", a.fileno(), a.fileno(), flush=True)
b.recv(1)
print("pair recvfrom", b.fileno(), a.fileno(), flush=True)
