# Moves known bytes through a pipe, a file, a loopback TCP connection and UDP datagrams, and prints
# for every call: name, fd, result, and the hex of the bytes the call transferred (a send: what it
# sent, a receive: what it received). The payloads hold every byte value and start with the tag.
import os, socket, sys

tag, directory = sys.argv[1].encode(), sys.argv[2]
lines = []


def payload(name, n):
    head = b"\xca\xfe\xba\xbe" + tag + b":" + name + b":"
    return (head + bytes(range(256)) * 4)[:n]


def note(call, fd, res, data):
    lines.append("%s %d %d %s" % (call, fd, res, data.hex()))


r, w = os.pipe()
p = payload(b"pipe", 300)
note("write", w, os.write(w, p), p)
got = os.read(r, 4096)
note("read", r, len(got), got)
note("write", w, os.write(w, b"hi!"), b"hi!")      # shorter than any snaplen
got = os.read(r, 100)
note("read", r, len(got), got)

f = os.open(os.path.join(directory, "io-data-" + tag.decode()), os.O_CREAT | os.O_RDWR | os.O_TRUNC, 0o600)
p = payload(b"file", 1000)
note("write", f, os.write(f, p), p)
os.lseek(f, 0, os.SEEK_SET)
got = os.read(f, 4096)
note("read", f, len(got), got)
os.close(f)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
c = socket.create_connection(srv.getsockname())
a, _ = srv.accept()
p = payload(b"tcp", 400)
note("sendto", c.fileno(), c.send(p), p)                  # send(2) is sendto(2) without an address
got = a.recv(4096)
note("recvfrom", a.fileno(), len(got), got)

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.bind(("127.0.0.1", 0))
p = payload(b"udp", 150)
note("sendto", u1.fileno(), u1.sendto(p, u2.getsockname()), p)
got, _ = u2.recvfrom(4096)
note("recvfrom", u2.fileno(), len(got), got)
# MSG_TRUNC returns the datagram's full length, more than the 16 bytes the buffer holds
p = payload(b"trunc", 150)
u1.sendto(p, u2.getsockname())
small = bytearray(16)
note("recvfrom", u2.fileno(), u2.recv_into(small, 16, socket.MSG_TRUNC), bytes(small))
# a message in three pieces, received into two: the data parameter follows the pieces in order
parts = [payload(b"msg1", 50), payload(b"msg2", 60), payload(b"msg3", 200)]
note("sendmsg", u1.fileno(), u1.sendmsg(parts, [], 0, u2.getsockname()), b"".join(parts))
bufs = [bytearray(30), bytearray(1000)]
n, _, _, _ = u2.recvmsg_into(bufs)
note("recvmsg", u2.fileno(), n, (bytes(bufs[0]) + bytes(bufs[1]))[:n])

sys.stdout.write("\n".join(lines) + "\n")
sys.stdout.flush()
