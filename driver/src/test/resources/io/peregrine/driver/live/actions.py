# Known actions for the live capture test; prints what the test compares with.
import os, socket, sys

d, port, marker = sys.argv[1], int(sys.argv[2]), sys.argv[3]
a = os.path.join(d, marker + ".a")
b = os.path.join(d, marker + ".b")
with open(a, "w") as f:
    f.write("x")
    st = os.fstat(f.fileno())
    print("file", st.st_ino, st.st_dev, flush=True)
os.rename(a, b)
os.unlink(b)
s = socket.create_connection(("127.0.0.1", port))
print("local", s.getsockname()[1], flush=True)
s.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.sendto(b"peregrine", ("127.0.0.1", port))
u.close()
fd = os.memfd_create(marker, 0)
os.close(fd)
sub = os.path.join(d, marker + ".dir")
os.mkdir(sub, 0o750)
os.chmod(sub, 0o700)
os.symlink(sub, sub + ".link")
os.unlink(sub + ".link")
os.chdir(sub)
os.chdir(d)
os.rmdir(sub)
r, w = os.pipe()
print("pipe", r, w, flush=True)
os.close(r)
os.close(w)
a1, a2 = socket.socketpair()
a1.close()
a2.close()
pid = os.fork()
if pid == 0:
    import ctypes
    ctypes.CDLL(None).ptrace(0, 0, 0, 0)  # PTRACE_TRACEME
    if os.geteuid() == 0:
        os.setuid(65534)
    os._exit(7)
os.kill(pid, 0)
os.waitpid(pid, 0)
print("child", pid, flush=True)
os.execv("/bin/true", ["/bin/true", marker, "--peregrine-test"])
