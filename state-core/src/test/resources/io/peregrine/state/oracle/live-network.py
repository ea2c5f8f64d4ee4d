# TCP and UDP over 127.0.0.1, ::1 and an IPv4-mapped IPv6 address, unix sockets and a pipe, each
# moving a few bytes so that reads and writes name their fds.
import os, socket, sys

work = sys.argv[1]


def tcp(family, bind, connect):
    srv = socket.socket(family, socket.SOCK_STREAM)
    if family == socket.AF_INET6:
        srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    srv.bind((bind, 0))
    srv.listen(1)
    c = socket.socket(family, socket.SOCK_STREAM)
    c.connect((connect, srv.getsockname()[1]))
    a, _ = srv.accept()
    c.send(b"ping")
    a.recv(4)
    a.send(b"pong")
    c.recv(4)
    c.close()
    a.close()
    srv.close()


def udp(family, addr):
    r = socket.socket(family, socket.SOCK_DGRAM)
    r.bind((addr, 0))
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.sendto(b"dgram", r.getsockname())
    r.recvfrom(16)
    s.connect(r.getsockname())
    s.send(b"again")
    r.recv(16)
    s.close()
    r.close()


tcp(socket.AF_INET, "127.0.0.1", "127.0.0.1")
tcp(socket.AF_INET6, "::1", "::1")
tcp(socket.AF_INET6, "::", "::ffff:127.0.0.1")
udp(socket.AF_INET, "127.0.0.1")
udp(socket.AF_INET6, "::1")

path = os.path.join(work, "oracle.sock")
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
u.bind(path)
u.listen(1)
uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
ua, _ = u.accept()
uc.send(b"unix")
ua.recv(4)
for x in (uc, ua, u):
    x.close()
os.unlink(path)
p, q = socket.socketpair()
p.send(b"pair")
q.recv(4)
p.close()
q.close()

r, w = os.pipe()
os.write(w, b"pipe")
os.read(r, 4)
os.close(r)
os.close(w)

fd = os.open(os.path.join(work, "net.txt"), os.O_CREAT | os.O_WRONLY, 0o600)
os.write(fd, b"done")
os.close(fd)
os.rename(os.path.join(work, "net.txt"), os.path.join(work, "net2.txt"))
os.unlink(os.path.join(work, "net2.txt"))
